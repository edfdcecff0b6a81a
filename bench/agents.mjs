#!/usr/bin/env node
// Creates agents with API keys for the checkout scenarios of load.mjs and prints them as JSON:
// [{"agentId","authorization","runId"}] — the shape of load.mjs's --actors file.
//
//   node bench/agents.mjs BASE_URL COMPANY_ID COUNT
import { randomUUID } from "node:crypto";
import { post } from "./post.mjs";

const [base, company, countText] = process.argv.slice(2);
if (!base || !company) {
  console.error("usage: node bench/agents.mjs BASE_URL COMPANY_ID [COUNT]");
  process.exit(2);
}

const actors = [];
for (let i = 0; i < Number(countText ?? 1); i++) {
  const agent = await post(base, `/api/companies/${company}/agents`, { name: `bench-${i}-${randomUUID().slice(0, 8)}`, role: "engineer" });
  const key = await post(base, `/api/agents/${agent.id}/keys`, { name: "bench" });
  actors.push({ agentId: agent.id, authorization: `Bearer ${key.token}`, runId: randomUUID() });
}
console.log(JSON.stringify(actors));
