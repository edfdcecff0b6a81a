-- What PostgreSQL itself does for one issue create, for pgbench (bench/pg-ceiling.sh): the
-- issue's state row (the provider's insert, every index and generated column of grain_state),
-- then the activity row in its own transaction under the company's log lock. No silo, no HTTP:
-- what the state row and its log row cost PostgreSQL when each create commits its log alone
-- (the silo groups those commits: bench/pg-state-row.sql is the row alone).
\set n0 random(-4000000000000000000, 4000000000000000000)
\set n1 random(-4000000000000000000, 4000000000000000000)
INSERT INTO grain_state (service_id, state_name, id_n0, id_n1, id_ext, payload, version, modified_at)
SELECT service_id, 'issue', :n0, :n1, '', payload || jsonb_build_object('id', gen_random_uuid()), 1, now()
FROM pgbench_issue_template;
BEGIN;
SELECT pg_advisory_xact_lock(1633907830, hashtext(:company));
INSERT INTO activity_log (id, company_id, actor_type, actor_id, action, entity_type, entity_id, details, created_at)
VALUES (gen_random_uuid(), :company, 'user', 'local-board', 'issue.created', 'issue', gen_random_uuid(),
        '{"title": "pgbench", "identifier": "PGB-1"}', now());
COMMIT;
