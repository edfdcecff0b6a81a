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
  } else {
    // Checkout rows: cycles per second and the latency of a whole checkout+release cycle.
    const latency = r.latencyMs ?? r.cycleMs ?? {};
    rows.push([r.scenario, "", r.concurrency, r.throughputPerSec ?? r.cyclesPerSec, latency.p50 ?? "", latency.p99 ?? "", JSON.stringify(r.statuses), ...common]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
for (const row of rows) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join("  "));
