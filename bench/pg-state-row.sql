-- The issue's state row alone (the provider's insert, with every index and generated column of
-- grain_state), for pgbench (bench/pg-ceiling.sh): no create can store an issue faster than this.
\set n0 random(-4000000000000000000, 4000000000000000000)
\set n1 random(-4000000000000000000, 4000000000000000000)
INSERT INTO grain_state (service_id, state_name, id_n0, id_n1, id_ext, payload, version, modified_at)
SELECT service_id, 'issue', :n0, :n1, '', payload || jsonb_build_object('id', gen_random_uuid()), 1, now()
FROM pgbench_issue_template;
