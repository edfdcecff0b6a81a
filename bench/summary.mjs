// Prints a table of the load.mjs result lines in a JSONL file: one row per scenario (and per list query).
import { readFileSync } from "node:fs";

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

// The reference server's throughput for the same load.mjs scenario (../shared/bench/REFERENCE.md,
// the higher figure where it gives a range), keyed "scenario concurrency" or "list query c".
const REFERENCE = {
  "create 1": 23.5, "create 32": 48.7, "checkout-release 1": 10.1, "checkout-release 32": 18.9,
  "list limit=50 +offset=i*50 8": 15.8, "list (none) 1": 6.9, "comment 1": 28.8, "comment 32": "deadlock", "doc": 30.1,
};
const rows = [["scenario", "issues", "c", "req/s", "reference /s", "× ref", "p50 ms", "p99 ms", "statuses", "max RSS MiB", "CPU %"]];
// Puts the reference figure and our ratio to it after the rate (column 3) of a row.
function withReference(row, key) {
  const ref = REFERENCE[key] ?? "";
  const ratio = typeof ref === "number" && typeof row[3] === "number" ? `${(row[3] / ref).toFixed(1)}×` : "";
  return [...row.slice(0, 4), ref, ratio, ...row.slice(4)];
}
for (const r of lines) {
  const rss = r.rss ?? {};
  const common = [rss.maxMiB ?? "", rss.serverCpuPctOfOneCore ?? ""];
  if (r.scenario === "list") {
    for (const q of r.queries) {
      const row = [`list ${q.query}`, r.companyIssues, r.concurrency, q.perSec, q.latencyMs.p50, q.latencyMs.p99, JSON.stringify(q.statuses), ...common];
      rows.push(withReference(row, r.companyIssues < 10000 ? `list ${q.query} ${r.concurrency}` : ""));
    }
  } else if (r.scenario === "contention") {
    // Latency of the winning checkout; statuses over all rounds; the rounds with exactly one winner.
    rows.push(withReference([`contention (${r.roundsWithExactlyOneWinner}/${r.rounds} rounds one winner)`, "", r.actors, "", r.winnerMs.p50, r.winnerMs.p99, JSON.stringify(r.statuses), ...common], ""));
  } else if (r.scenario === "comment") {
    // The POSTs, then the reads of ?limit=50 pages that follow them.
    const name = r.mention ? "comment @mention" : "comment";
    rows.push(withReference([name, r.issues, r.concurrency, r.throughputPerSec, r.latencyMs.p50, r.latencyMs.p99, JSON.stringify(r.statuses), ...common], r.mention ? "" : `comment ${r.concurrency}`));
    rows.push(withReference([`${name} reads`, r.issues, r.concurrency, r.reads.perSec, r.reads.latencyMs.p50, r.reads.latencyMs.p99, JSON.stringify(r.reads.statuses), ...common], ""));
  } else if (r.scenario === "doc-revision-chain") {
    rows.push(withReference([`doc PUT chain (${r.finalRevisionNumber} revisions)`, "", 1, r.putsPerSec, r.putMs.p50, r.putMs.p99, JSON.stringify(r.putStatuses), ...common], "doc"));
    rows.push(withReference([`doc race (${r.race.roundsWithExactlyOneWinner}/${r.race.rounds} rounds one winner)`, "", r.race.racers, "", r.race.putMs.p50, r.race.putMs.p99, "", ...common], ""));
  } else if (r.scenario === "attachments") {
    const mib = (r.size / 1048576).toFixed(0);
    rows.push(withReference([`upload ${mib} MiB (${r.upload.mibPerSec} MiB/s)`, "", 1, r.upload.perSec, r.upload.p50, r.upload.p99, "", "", ""], ""));
    rows.push(withReference([`download ${mib} MiB (${r.download.mibPerSec} MiB/s)`, "", 1, r.download.perSec, r.download.p50, r.download.p99, "", "", ""], ""));
  } else if (r.scenario === "checkout-heavy") {
    // bench/checkout-heavy.mjs: one checkout+release cycle at a time, beside an issue without comments.
    rows.push(withReference([`checkout, no comments`, "", 1, "", r.noCommentsMs.p50, r.noCommentsMs.p99, "", "", ""], ""));
    rows.push(withReference([`checkout, ${r.comments} comments (p50 ${r.p50Change})`, "", 1, "", r.withCommentsMs.p50, r.withCommentsMs.p99, "", "", ""], ""));
  } else if (r.scenario.endsWith("(pgbench)")) {
    // bench/pg-ceiling.sh: PostgreSQL alone on the SQL of one create, transactions per second.
    rows.push(withReference([r.scenario, "", r.concurrency, Math.round(r.throughputPerSec), "", "", "", "", ""], ""));
  } else {
    // Checkout rows: cycles per second and the latency of a whole checkout+release cycle.
    const latency = r.latencyMs ?? r.cycleMs ?? {};
    rows.push(withReference([r.scenario, "", r.concurrency, r.throughputPerSec ?? r.cyclesPerSec, latency.p50 ?? "", latency.p99 ?? "", JSON.stringify(r.statuses), ...common], `${r.scenario} ${r.concurrency}`));
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
for (const row of rows) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join("  "));
const peak = Math.max(...lines.map((r) => r.rss?.maxMiB ?? 0));
console.log(`server memory: peak RSS ${peak} MiB over the run (reference: 430–590 MB after its run; target < 300 MB)`);
