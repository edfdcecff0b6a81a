-- Tops a company up to :target issues in one statement, for the 100,000-issue list scenario of
-- bench/run.sh (through the API that would take minutes). Each row is the stored JSON of an issue
-- the API created in that company, with its own id, number, identifier, title and timestamps,
-- keyed as Orleans keys a Guid grain (id_n0/id_n1: the two little-endian halves of
-- Guid.ToByteArray()). Numbers start at 1,000,000 so they never meet the API's own allocation.
-- One issue in :every gets the filter values :agent, :project, :parent and :label, so each
-- filter's first page has something to find.
--   psql -v company=UUID -v target=100000 -v every=100 -v agent=UUID -v project=UUID \
--        -v parent=UUID -v label=UUID -f bench/seed-issues.sql
\set ON_ERROR_STOP on
WITH template AS (
    SELECT service_id, payload FROM grain_state
    WHERE state_name = 'issue' AND issue_list_company = :'company'::uuid
    ORDER BY issue_list_updated_at LIMIT 1),
prefix AS (
    SELECT payload->>'issuePrefix' AS prefix FROM grain_state
    WHERE state_name = 'company' AND payload->>'id' = :'company'),
missing AS (
    SELECT greatest(0, :target - count(*)) AS n FROM grain_state WHERE issue_list_company = :'company'::uuid),
ids AS (
    SELECT number, gen_random_uuid() AS u FROM missing, generate_series(1000000, 1000000 + missing.n - 1) AS number),
rows AS (
    SELECT number, u, encode(uuid_send(u), 'hex') AS hx FROM ids)
INSERT INTO grain_state (service_id, state_name, id_n0, id_n1, id_ext, payload, version, modified_at)
SELECT t.service_id, 'issue',
       ('x' || substr(hx, 13, 4) || substr(hx, 9, 4) || substr(hx, 1, 8))::bit(64)::bigint,
       ('x' || (SELECT string_agg(substr(hx, 17 + 2 * i, 2), '' ORDER BY i DESC) FROM generate_series(0, 7) i))::bit(64)::bigint,
       '',
       t.payload || jsonb_build_object(
           'id', u, 'issueNumber', number, 'identifier', p.prefix || '-' || number,
           'title', 'list-seed sql #' || number,
           'createdAt', to_char((now() - number * interval '1 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'updatedAt', to_char((now() - number * interval '1 ms') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
         || CASE WHEN number % :every = 0 THEN jsonb_build_object(
           'assigneeAgentId', :'agent', 'projectId', :'project', 'parentId', :'parent', 'labelIds', jsonb_build_array(:'label'))
            ELSE '{}'::jsonb END,
       1, now()
FROM rows, template t, prefix p;
-- As a long-lived company's table would be: vacuumed (visibility map set, so list pages are
-- index-only scans) and analysed, instead of measuring autovacuum's first pass over 100,000 rows.
VACUUM (ANALYZE) grain_state;
