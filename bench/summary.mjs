// Prints a table of the load.mjs result lines in a JSONL file: one row per scenario (and per list query).
import { readFileSync } from "node:fs";

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const rows = [["scenario", "issues", "c", "req/s", "p50 ms", "p99 ms", "statuses", "max RSS MiB", "CPU %"]];
for (const r of lines) {
  const rss = r.rss ?? {};
  const common = [rss.maxMiB ?? "", rss.serverCpuPctOfOneCore ?? ""];
  if (r.scenario === "list") {
    for (const q of r.queries) {
      rows.push([`list ${q.query}`, r.companyIssues, r.concurrency, q.perSec, q.latencyMs.p50, q.latencyMs.p99, JSON.stringify(q.statuses), ...common]);
    }
  } else if (r.scenario === "contention") {
    // Latency of the winning checkout; statuses over all rounds; the rounds with exactly one winner.
    rows.push([`contention (${r.roundsWithExactlyOneWinner}/${r.rounds} rounds one winner)`, "", r.actors, "", r.winnerMs.p50, r.winnerMs.p99, JSON.stringify(r.statuses), ...common]);
  } else if (r.scenario === "comment") {
    // The POSTs, then the reads of ?limit=50 pages that follow them.
    const name = r.mention ? "comment @mention" : "comment";
    rows.push([name, r.issues, r.concurrency, r.throughputPerSec, r.latencyMs.p50, r.latencyMs.p99, JSON.stringify(r.statuses), ...common]);
    rows.push([`${name} reads`, r.issues, r.concurrency, r.reads.perSec, r.reads.latencyMs.p50, r.reads.latencyMs.p99, JSON.stringify(r.reads.statuses), ...common]);
  } else if (r.scenario === "doc-revision-chain") {
    rows.push([`doc PUT chain (${r.finalRevisionNumber} revisions)`, "", 1, r.putsPerSec, r.putMs.p50, r.putMs.p99, JSON.stringify(r.putStatuses), ...common]);
    rows.push([`doc race (${r.race.roundsWithExactlyOneWinner}/${r.race.rounds} rounds one winner)`, "", r.race.racers, "", r.race.putMs.p50, r.race.putMs.p99, "", ...common]);
  } else if (r.scenario === "attachments") {
    const mib = (r.size / 1048576).toFixed(0);
    rows.push([`upload ${mib} MiB (${r.upload.mibPerSec} MiB/s)`, "", 1, r.upload.perSec, r.upload.p50, r.upload.p99, "", "", ""]);
    rows.push([`download ${mib} MiB (${r.download.mibPerSec} MiB/s)`, "", 1, r.download.perSec, r.download.p50, r.download.p99, "", "", ""]);
  } else if (r.scenario === "checkout-heavy") {
    // bench/checkout-heavy.mjs: one checkout+release cycle at a time, beside an issue without comments.
    rows.push([`checkout, no comments`, "", 1, "", r.noCommentsMs.p50, r.noCommentsMs.p99, "", "", ""]);
    rows.push([`checkout, ${r.comments} comments (p50 ${r.p50Change})`, "", 1, "", r.withCommentsMs.p50, r.withCommentsMs.p99, "", "", ""]);
  } else {
    // Checkout rows: cycles per second and the latency of a whole checkout+release cycle.
    const latency = r.latencyMs ?? r.cycleMs ?? {};
    rows.push([r.scenario, "", r.concurrency, r.throughputPerSec ?? r.cyclesPerSec, latency.p50 ?? "", latency.p99 ?? "", JSON.stringify(r.statuses), ...common]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
for (const row of rows) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join("  "));
