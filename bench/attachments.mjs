#!/usr/bin/env node
// Attachment throughput: N sequential uploads of a SIZE-byte file to one issue, then N downloads
// of one of them, byte-checked. Prints one JSON line (uploads and downloads per second, MiB/s).
//
//   node bench/attachments.mjs BASE_URL COMPANY_ID [SIZE=1048576] [N=50]
import { randomBytes, createHash } from "node:crypto";

const [base, company, sizeText, countText] = process.argv.slice(2);
if (!base || !company) {
  console.error("usage: node bench/attachments.mjs BASE_URL COMPANY_ID [SIZE] [N]");
  process.exit(2);
}
const size = Number(sizeText ?? 1048576);
const count = Number(countText ?? 50);
const bytes = randomBytes(size);
const digest = createHash("sha256").update(bytes).digest("hex");

async function json(response, expected) {
  if (response.status !== expected) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const issue = await json(await fetch(`${base}/api/companies/${company}/issues`, {
  method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "attachment bench" }),
}), 201);

const at = (sorted, p) => +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
async function timed(task) {
  const latencies = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await task(i);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSec: +(count / seconds).toFixed(1), mibPerSec: +((count * size) / 1048576 / seconds).toFixed(1), p50: at(latencies, 50), p99: at(latencies, 99) };
}

let last;
const upload = await timed(async (i) => {
  const form = new FormData();
  // image/png: on the reference's default allow-list.
  form.append("file", new Blob([bytes], { type: "image/png" }), `bench-${i}.png`);
  last = await json(await fetch(`${base}/api/companies/${company}/issues/${issue.id}/attachments`, { method: "POST", body: form }), 201);
});
const download = await timed(async () => {
  const response = await fetch(`${base}${last.contentPath}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || createHash("sha256").update(body).digest("hex") !== digest) throw new Error("download differs");
});
console.log(JSON.stringify({ scenario: "attachments", size, count, upload, download }));
