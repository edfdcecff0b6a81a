-- The activity row of one issue create, in its own transaction under the company's log lock, as
-- each create committed it before the silo grouped those commits. bench/pg-ceiling.sh runs it
-- after bench/pg-state-row.sql as one pgbench script: what PostgreSQL alone does for a create.
BEGIN;
SELECT pg_advisory_xact_lock(1633907830, hashtext(:company));
INSERT INTO activity_log (id, company_id, actor_type, actor_id, action, entity_type, entity_id, details, created_at)
VALUES (gen_random_uuid(), :company, 'user', 'local-board', 'issue.created', 'issue', gen_random_uuid(),
        '{"title": "pgbench", "identifier": "PGB-1"}', now());
COMMIT;
