#!/usr/bin/env node
// Creates, through the API, what the list filters of the 100,000-issue scenario look for — an
// agent, a project, a label and a parent issue — plus one plain issue whose stored JSON
// bench/seed-issues.sql copies. Prints "AGENT PROJECT LABEL PARENT" (ids) on one line.
//
//   node bench/filter-targets.mjs BASE_URL COMPANY_ID
import { post } from "./post.mjs";

const [base, company] = process.argv.slice(2);
if (!base || !company) {
  console.error("usage: node bench/filter-targets.mjs BASE_URL COMPANY_ID");
  process.exit(2);
}

const id = async (path, body) => (await post(base, path, body)).id;

await id(`/api/companies/${company}/issues`, { title: "list-seed template", status: "todo" });
const agent = await id(`/api/companies/${company}/agents`, { name: "filter-target", role: "engineer" });
const project = await id(`/api/companies/${company}/projects`, { name: "Filter target" });
const label = await id(`/api/companies/${company}/labels`, { name: "filter-target", color: "#336699" });
const parent = await id(`/api/companies/${company}/issues`, { title: "filter target parent", status: "todo" });
console.log([agent, project, label, parent].join(" "));
