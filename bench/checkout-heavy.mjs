#!/usr/bin/env node
// Checkout+release latency on an issue with many comments beside one with none, measured in the
// same run: comments live outside the issue grain's state, so the two should not differ.
//
//   node bench/checkout-heavy.mjs BASE_URL COMPANY_ID ACTORS_FILE [COMMENTS=10000] [CYCLES=300]
//
// ACTORS_FILE is bench/agents.mjs's output; the first actor checks out. Prints one JSON line.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

const [base, company, actorsFile, commentsText, cyclesText] = process.argv.slice(2);
if (!base || !company || !actorsFile) {
  console.error("usage: node bench/checkout-heavy.mjs BASE_URL COMPANY_ID ACTORS_FILE [COMMENTS] [CYCLES]");
  process.exit(2);
}
const comments = Number(commentsText ?? 10000);
const cycles = Number(cyclesText ?? 300);
const actor = JSON.parse(readFileSync(actorsFile, "utf8"))[0];

async function call(method, path, body, headers = {}) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function newIssue(title) {
  return call("POST", `/api/companies/${company}/issues`, { title, status: "todo", assigneeAgentId: actor.agentId });
}

/** Adds `count` board comments to the issue, 16 at a time. */
async function addComments(issueId, count) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await call("POST", `/api/issues/${issueId}/comments`, { body: `comment ${i}: ` + "progress ".repeat(10) });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Checkout+release cycles on one issue; the latencies of whole cycles in ms, sorted. */
async function cyclesOn(issueId) {
  const headers = { authorization: actor.authorization, "x-paperclip-run-id": randomUUID() };
  const latencies = [];
  for (let i = 0; i < cycles; i++) {
    const started = performance.now();
    await call("POST", `/api/issues/${issueId}/checkout`, { agentId: actor.agentId, expectedStatuses: ["todo"] }, headers);
    await call("POST", `/api/issues/${issueId}/release`, undefined, headers);
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

const at = (sorted, p) => +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2);
const summary = sorted => ({ p50: at(sorted, 50), p90: at(sorted, 90), p99: at(sorted, 99) });

const light = await newIssue("checkout-heavy: no comments");
const heavy = await newIssue(`checkout-heavy: ${comments} comments`);
const seeding = performance.now();
await addComments(heavy.id, comments);
const seededPerSecond = +(comments / ((performance.now() - seeding) / 1000)).toFixed(1);
// Alternate the two so drift in the machine's load hits both alike.
await cyclesOn(light.id);
const lightRun = await cyclesOn(light.id);
const heavyRun = await cyclesOn(heavy.id);
const [l, h] = [summary(lightRun), summary(heavyRun)];
console.log(JSON.stringify({
  scenario: "checkout-heavy", comments, cycles, commentSeedPerSec: seededPerSecond,
  noCommentsMs: l, withCommentsMs: h, p50Change: `${(((h.p50 - l.p50) / l.p50) * 100).toFixed(1)} %`,
}));
