namespace Paperclip.Grains.Storage;

/// <summary>
/// Our schema, as an ordered list of migrations. A migration is applied once, in a transaction,
/// and recorded in <c>schema_migrations</c>; never edit one that has shipped, append a new one.
/// Tables are named for what they hold; the Orleans providers reach them only through the query
/// texts in <see cref="ProviderQueries"/>.
/// </summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            -- The ADO.NET providers read their SQL from this table (unquoted name: lower case).
            CREATE TABLE orleansquery (
                querykey  varchar(64) PRIMARY KEY,
                querytext text NOT NULL
            );

            -- Cluster membership: one version row per deployment, compare-and-increment on writes.
            CREATE TABLE cluster_version (
                deployment_id varchar(150) PRIMARY KEY,
                version       integer NOT NULL DEFAULT 0,
                changed_at    timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE cluster_member (
                deployment_id   varchar(150) NOT NULL REFERENCES cluster_version ON DELETE CASCADE,
                address         varchar(45)  NOT NULL,
                port            integer      NOT NULL,
                generation      integer      NOT NULL,
                silo_name       varchar(150) NOT NULL,
                host_name       varchar(150) NOT NULL,
                status          integer      NOT NULL,
                proxy_port      integer      NOT NULL DEFAULT 0,
                suspect_times   text         NULL,
                start_time      timestamptz  NOT NULL,
                i_am_alive_time timestamptz  NOT NULL,
                PRIMARY KEY (deployment_id, address, port, generation)
            );

            -- Grain state as jsonb. The primary key makes the first write of a grain an
            -- insert-if-absent, so two activations racing on a new grain cannot both win.
            CREATE TABLE grain_state (
                service_id  varchar(150) NOT NULL,
                state_name  varchar(512) NOT NULL,
                id_n0       bigint       NOT NULL,
                id_n1       bigint       NOT NULL,
                id_ext      varchar(512) NOT NULL DEFAULT '',
                payload     jsonb        NULL,
                version     integer      NOT NULL,
                modified_at timestamptz  NOT NULL,
                PRIMARY KEY (service_id, state_name, id_n0, id_n1, id_ext)
            );

            -- Names that must be unique within a scope (company issue prefixes, label names),
            -- claimed with insert-if-absent so concurrent claims have exactly one winner.
            CREATE TABLE unique_keys (
                kind     text NOT NULL,
                scope    text NOT NULL,
                key      text NOT NULL,
                owner_id uuid NOT NULL,
                PRIMARY KEY (kind, scope, key)
            );

            CREATE FUNCTION pc_priority_rank(priority text) RETURNS integer
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1
                                           WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END $$;

            -- Setup records by company and by id.
            CREATE INDEX grain_state_by_company ON grain_state (state_name, (payload->>'companyId'))
                WHERE payload IS NOT NULL;
            CREATE INDEX grain_state_by_id ON grain_state (state_name, (payload->>'id'))
                WHERE payload IS NOT NULL;

            -- The issue list: one index in the list's own order, so a page is an index range scan
            -- whatever the company's size.
            CREATE INDEX issue_list_order ON grain_state (
                (payload->>'companyId'), pc_priority_rank(payload->>'priority'),
                (payload->>'updatedAt') DESC, (payload->>'id'))
                WHERE state_name = 'issue' AND payload IS NOT NULL AND (payload->>'hiddenAt') IS NULL;
            CREATE INDEX issue_by_status ON grain_state ((payload->>'companyId'), (payload->>'status'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            CREATE INDEX issue_by_assignee ON grain_state ((payload->>'companyId'), (payload->>'assigneeAgentId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            CREATE INDEX issue_by_project ON grain_state ((payload->>'companyId'), (payload->>'projectId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            CREATE INDEX issue_by_parent ON grain_state ((payload->>'parentId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            CREATE INDEX issue_by_identifier ON grain_state ((payload->>'identifier'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            CREATE INDEX issue_by_label ON grain_state USING gin ((payload->'labelIds'))
                WHERE state_name = 'issue' AND payload IS NOT NULL;
            """),
        (2, """
            -- Heartbeat runs that still claim to be active, by lease end: the lease sweeper's scan.
            CREATE INDEX heartbeat_run_active_lease ON grain_state ((payload->>'leaseExpiresAt'))
                WHERE state_name = 'heartbeat-run' AND payload IS NOT NULL
                  AND payload->>'status' IN ('queued', 'running');
            """),
        (3, """
            -- The issue list as plain columns, computed by PostgreSQL on every write of an issue
            -- row (NULL for every other row, and for hidden or deleted issues). Unlike expression
            -- indexes over jsonb, real columns get column statistics and allow index-only scans:
            -- a page at a deep OFFSET skips index entries without reading (or converting) the
            -- stored JSON of the rows it skips, so its cost does not grow with the company.
            ALTER TABLE grain_state
                ADD COLUMN issue_list_company uuid GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' AND (payload->>'hiddenAt') IS NULL
                         THEN (payload->>'companyId')::uuid END) STORED,
                ADD COLUMN issue_list_rank smallint GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN pc_priority_rank(payload->>'priority') END) STORED,
                ADD COLUMN issue_list_updated_at text GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN payload->>'updatedAt' END) STORED,
                ADD COLUMN issue_list_id uuid GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN (payload->>'id')::uuid END) STORED;

            -- In the list's order, carrying the primary key so a page is found from the index
            -- alone and only its own rows are then read.
            CREATE INDEX issue_list_page ON grain_state (
                issue_list_company, issue_list_rank, issue_list_updated_at DESC, issue_list_id)
                INCLUDE (service_id, id_n0, id_n1, id_ext)
                WHERE issue_list_company IS NOT NULL;
            DROP INDEX issue_list_order;

            -- Vacuum and analyze after 1% of the rows changed (default 10-20%): the list's
            -- index-only scans skip the table only on pages the visibility map marks all-visible.
            ALTER TABLE grain_state SET (
                autovacuum_vacuum_scale_factor = 0.01,
                autovacuum_vacuum_insert_scale_factor = 0.01,
                autovacuum_analyze_scale_factor = 0.01);
            """),
        (4, """
            -- Every issue write inserts an entry into every index whose predicate it meets, so
            -- indexes hold only the rows a query looks for: an issue without parent, project,
            -- agent assignee or labels is in none of those four. Queries on a value
            -- (payload->>'parentId' = ...) imply the IS NOT NULL predicates; the label filter
            -- names its predicate. Issues are listed through issue_list_page, never through the
            -- per-company index of the other records.
            DROP INDEX grain_state_by_company;
            CREATE INDEX grain_state_by_company ON grain_state (state_name, (payload->>'companyId'))
                WHERE payload IS NOT NULL AND state_name <> 'issue';
            DROP INDEX issue_by_assignee;
            CREATE INDEX issue_by_assignee ON grain_state ((payload->>'companyId'), (payload->>'assigneeAgentId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL AND (payload->>'assigneeAgentId') IS NOT NULL;
            DROP INDEX issue_by_project;
            CREATE INDEX issue_by_project ON grain_state ((payload->>'companyId'), (payload->>'projectId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL AND (payload->>'projectId') IS NOT NULL;
            DROP INDEX issue_by_parent;
            CREATE INDEX issue_by_parent ON grain_state ((payload->>'parentId'))
                WHERE state_name = 'issue' AND payload IS NOT NULL AND (payload->>'parentId') IS NOT NULL;
            DROP INDEX issue_by_label;
            CREATE INDEX issue_by_label ON grain_state USING gin ((payload->'labelIds'))
                WHERE state_name = 'issue' AND payload IS NOT NULL AND (payload->'labelIds') <> '[]'::jsonb;
            """),
        (5, """
            -- The list's q searches title, identifier and description by substring. Without an
            -- index every search reads every text of the company, at a cost of text length times
            -- term length per row. A trigram index finds the candidate rows, and the company
            -- column in the same GIN index (btree_gin) keeps a search inside its own company's
            -- entries: one tenant's text never adds to another tenant's search. Both extensions
            -- are trusted, so a database owner without superuser rights can create them.
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE EXTENSION IF NOT EXISTS btree_gin;
            CREATE INDEX issue_search ON grain_state USING gin (
                issue_list_company,
                (payload->>'title') gin_trgm_ops,
                (payload->>'identifier') gin_trgm_ops,
                (payload->>'description') gin_trgm_ops)
                WHERE issue_list_company IS NOT NULL;
            """),
        (6, """
            -- Comments: append-only content outside the issue's grain state (which stays small).
            -- Written by the issue grain before its state changes, so a crash leaves at worst a
            -- comment whose issue was not bumped, never an acknowledged comment that is missing.
            CREATE TABLE issue_comment (
                id              uuid        PRIMARY KEY,
                company_id      uuid        NOT NULL,
                issue_id        uuid        NOT NULL,
                author_agent_id uuid        NULL,
                author_user_id  text        NULL,
                body            text        NOT NULL,
                created_at      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL
            );
            -- The thread in its order, both directions.
            CREATE INDEX issue_comment_thread ON issue_comment (issue_id, created_at, id);
            -- The list's q also matches comment bodies; led by the company like issue_search, so
            -- one tenant's comments never add to another tenant's search.
            CREATE INDEX issue_comment_search ON issue_comment USING gin (company_id, body gin_trgm_ops);
            -- The search joins matching comments back to their issues by id.
            CREATE INDEX issue_by_list_id ON grain_state (issue_list_id) WHERE issue_list_company IS NOT NULL;

            -- The activity log, the event log of live events. seq is the order of events, the page
            -- cursor and the SSE event id. run_id references nothing: an unknown run must never
            -- fail the mutation being logged.
            CREATE TABLE activity_log (
                seq         bigserial   PRIMARY KEY,
                id          uuid        NOT NULL UNIQUE,
                company_id  uuid        NOT NULL,
                actor_type  text        NOT NULL DEFAULT 'system',
                actor_id    text        NOT NULL,
                action      text        NOT NULL,
                entity_type text        NOT NULL,
                entity_id   text        NOT NULL,
                agent_id    uuid        NULL,
                run_id      uuid        NULL,
                details     jsonb       NULL,
                created_at  timestamptz NOT NULL
            );
            CREATE INDEX activity_by_company ON activity_log (company_id, seq);
            CREATE INDEX activity_by_entity ON activity_log (company_id, entity_type, entity_id, seq);
            CREATE INDEX activity_by_agent ON activity_log (company_id, agent_id, seq) WHERE agent_id IS NOT NULL;
            CREATE INDEX activity_by_run ON activity_log (run_id) WHERE run_id IS NOT NULL;

            -- The doorbell of live events: every HTTP process LISTENs on one connection and, when
            -- rung, reads the table (the truth) forward from what its subscribers last saw.
            -- NOTIFY is delivered at commit, so a listener never reads ahead of the row.
            CREATE FUNCTION pc_activity_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('paperclip_activity', NEW.company_id::text || ':' || NEW.seq::text);
                RETURN NULL;
            END $$;
            CREATE TRIGGER activity_log_notify AFTER INSERT ON activity_log
                FOR EACH ROW EXECUTE FUNCTION pc_activity_notify();
            """),
        (7, """
            -- Wakeup requests (reference §2.10 agent_wakeup_requests): append-only rows written
            -- before the request that caused them is answered, and the outbox of webhook delivery.
            -- A deliverer claims a due row by setting claimed_until (a lease) and claim_token; a
            -- deliverer that dies leaves a claim that expires, and the row is due again.
            CREATE TABLE agent_wakeup_requests (
                id                      uuid PRIMARY KEY,
                service_id              varchar(150) NOT NULL,
                company_id              uuid         NOT NULL,
                agent_id                uuid         NOT NULL,
                source                  text         NOT NULL,
                trigger_detail          text         NOT NULL,
                reason                  text         NULL,
                issue_id                uuid         NULL,
                comment_id              uuid         NULL,
                payload                 jsonb        NULL,
                status                  text         NOT NULL,
                requested_by_actor_type text         NULL,
                requested_by_actor_id   text         NULL,
                run_id                  uuid         NULL,
                error                   text         NULL,
                requested_at            timestamptz  NOT NULL,
                updated_at              timestamptz  NOT NULL,
                finished_at             timestamptz  NULL,
                webhook_url             text         NULL,
                attempts                integer      NOT NULL DEFAULT 0,
                next_attempt_at         timestamptz  NULL,
                claimed_until           timestamptz  NULL,
                claim_token             uuid         NULL,
                last_error              text         NULL
            );

            -- An agent's wakeups, newest first.
            CREATE INDEX wakeup_by_agent ON agent_wakeup_requests (service_id, agent_id, requested_at DESC, id);

            -- The outbox: only rows still waiting for their webhook.
            CREATE INDEX wakeup_outbox_due ON agent_wakeup_requests (service_id, next_attempt_at)
                WHERE status = 'queued' AND webhook_url IS NOT NULL;
            """),
        (8, """
            -- Document revisions (reference §2.6): append-only bodies outside the issue's grain state,
            -- which holds only each document's head (latest revision id and number). A revision is
            -- inserted before the head points at it, so a crash leaves at worst a row above its
            -- document's head: reads stop at the head, and the next write of that document replaces it.
            CREATE TABLE document_revision (
                id                 uuid        PRIMARY KEY,
                company_id         uuid        NOT NULL,
                issue_id           uuid        NOT NULL,
                document_id        uuid        NOT NULL,
                document_key       text        NOT NULL,
                revision_number    integer     NOT NULL,
                title              text        NULL,
                format             text        NOT NULL,
                body               text        NOT NULL,
                change_summary     text        NULL,
                created_by_agent_id uuid       NULL,
                created_by_user_id text        NULL,
                created_at         timestamptz NOT NULL,
                -- Numbers stay contiguous: one row per number and document.
                UNIQUE (document_id, revision_number)
            );
            -- Deleting an issue removes its revisions.
            CREATE INDEX document_revision_by_issue ON document_revision (issue_id);
            """),
        (9, """
            -- Attachments (reference §2.7): the metadata row of the reference's assets and
            -- issue_attachments in one, written by the HTTP process in the same transaction as the
            -- bytes, after the last chunk: an upload that fails or is cut off leaves nothing.
            CREATE TABLE issue_attachment (
                id                  uuid        PRIMARY KEY,
                company_id          uuid        NOT NULL,
                issue_id            uuid        NOT NULL,
                issue_comment_id    uuid        NULL REFERENCES issue_comment ON DELETE SET NULL,
                asset_id            uuid        NOT NULL UNIQUE,
                provider            text        NOT NULL,
                object_key          text        NOT NULL,
                content_type        text        NOT NULL,
                byte_size           bigint      NOT NULL,
                sha256              text        NOT NULL,
                original_filename   text        NULL,
                created_by_agent_id uuid        NULL,
                created_by_user_id  text        NULL,
                created_at          timestamptz NOT NULL,
                updated_at          timestamptz NOT NULL,
                UNIQUE (company_id, object_key)
            );
            -- An issue's attachments, newest first.
            CREATE INDEX issue_attachment_by_issue ON issue_attachment (issue_id, created_at DESC, id DESC);

            -- The bytes, in chunks of at most 256 KiB so neither side ever holds a whole file.
            -- Chunks are written before their row exists: the foreign key is checked at commit.
            CREATE TABLE attachment_chunk (
                attachment_id uuid    NOT NULL REFERENCES issue_attachment ON DELETE CASCADE
                                      DEFERRABLE INITIALLY DEFERRED,
                chunk_index   integer NOT NULL,
                data          bytea   NOT NULL,
                PRIMARY KEY (attachment_id, chunk_index)
            );
            -- Out of line without compression: uploads are mostly compressed already (images,
            -- PDFs), and compressing them again costs CPU on every write for nothing.
            ALTER TABLE attachment_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
            """),
        (10, """
            -- The rules of the issue tree, checked by PostgreSQL inside the statement that writes an
            -- issue's state (names in StateRules): a new parent must be a stored issue of the same
            -- company and neither the issue itself nor one of its descendants; an issue that has
            -- children cannot be cleared (deleted). The issue grain checks the same first, from its
            -- own reads, for the usual answer; but those reads race with other issues' writes (the
            -- parent deleted, or the opposite link made, between the check and the write), and
            -- only a check inside the write cannot.
            -- Every write that gives an issue a new parent, and every delete, first takes one
            -- transaction-scoped advisory lock per company (class 1953654117, "tree" in ASCII),
            -- held to commit, and reads only after it: these writes of one company follow one another, each seeing what the previous
            -- one committed. Other issue writes take no lock. A holder of the lock reads without
            -- locking rows, so a writer that waits for it (holding its own row) closes no deadlock.
            CREATE FUNCTION pc_issue_parent_check() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(1953654117, hashtext(NEW.payload->>'companyId'));
                IF NOT EXISTS (
                    SELECT 1 FROM grain_state
                    WHERE service_id = NEW.service_id AND state_name = 'issue' AND payload IS NOT NULL
                      AND payload->>'id' = NEW.payload->>'parentId'
                      AND payload->>'companyId' = NEW.payload->>'companyId') THEN
                    RAISE EXCEPTION 'parent issue % not found', NEW.payload->>'parentId'
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'issue_parent_exists';
                END IF;
                -- Up from the new parent; UNION stops at any id seen before.
                IF EXISTS (
                    WITH RECURSIVE ancestor(id) AS (
                        SELECT NEW.payload->>'parentId'
                        UNION
                        SELECT g.payload->>'parentId' FROM ancestor JOIN grain_state g
                          ON g.service_id = NEW.service_id AND g.state_name = 'issue' AND g.payload IS NOT NULL
                         AND g.payload->>'id' = ancestor.id
                        WHERE g.payload->>'parentId' IS NOT NULL)
                    SELECT 1 FROM ancestor WHERE id = NEW.payload->>'id') THEN
                    RAISE EXCEPTION 'issue % would be its own ancestor', NEW.payload->>'id'
                        USING ERRCODE = 'check_violation', CONSTRAINT = 'issue_parent_acyclic';
                END IF;
                RETURN NEW;
            END $$;

            CREATE FUNCTION pc_issue_delete_check() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(1953654117, hashtext(OLD.payload->>'companyId'));
                IF EXISTS (
                    SELECT 1 FROM grain_state
                    WHERE service_id = OLD.service_id AND state_name = 'issue' AND payload IS NOT NULL
                      AND payload->>'parentId' = OLD.payload->>'id') THEN
                    RAISE EXCEPTION 'issue % has child issues', OLD.payload->>'id'
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'issue_delete_childless';
                END IF;
                RETURN NEW;
            END $$;

            CREATE TRIGGER issue_parent_on_insert BEFORE INSERT ON grain_state FOR EACH ROW
                WHEN (NEW.state_name = 'issue' AND NEW.payload->>'parentId' IS NOT NULL)
                EXECUTE FUNCTION pc_issue_parent_check();
            CREATE TRIGGER issue_parent_on_update BEFORE UPDATE ON grain_state FOR EACH ROW
                WHEN (NEW.state_name = 'issue' AND NEW.payload->>'parentId' IS NOT NULL
                      AND NEW.payload->>'parentId' IS DISTINCT FROM OLD.payload->>'parentId')
                EXECUTE FUNCTION pc_issue_parent_check();
            CREATE TRIGGER issue_delete_on_clear BEFORE UPDATE ON grain_state FOR EACH ROW
                WHEN (NEW.state_name = 'issue' AND NEW.payload IS NULL AND OLD.payload IS NOT NULL)
                EXECUTE FUNCTION pc_issue_delete_check();

            -- Names unique within a scope (a company's label names, case-insensitively; issue
            -- prefixes) are kept unique by the stored records themselves. The claims table did
            -- it with a row written before the record: a creator that died in between left its
            -- claim behind and the name taken for good. Now name and record are one row, stored
            -- in one statement, and a name is free again once its record is deleted (cleared).
            CREATE UNIQUE INDEX label_name_unique
                ON grain_state (service_id, (payload->>'companyId'), lower(payload->>'name'))
                WHERE state_name = 'label' AND payload IS NOT NULL;
            CREATE UNIQUE INDEX company_prefix_unique
                ON grain_state (service_id, (payload->>'issuePrefix'))
                WHERE state_name = 'company' AND payload IS NOT NULL;
            DROP TABLE unique_keys;
            """),
        (11, """
            -- Every documented list filter as a plain column, and for each an index in the list's
            -- order led by the company: the first page of status=todo (every agent's inbox, every
            -- heartbeat) is the first 50 entries of one index, however many issues the company has.
            -- The jsonb expression indexes they replace could only find all matches, which were
            -- then sorted: 150-230 ms at 100,000 issues. The label ids become a uuid[] so a row is
            -- checked without reading its stored JSON.
            CREATE FUNCTION pc_uuid_array(ids jsonb) RETURNS uuid[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS 'SELECT array_agg(value::uuid) FROM jsonb_array_elements_text(ids)';
            ALTER TABLE grain_state
                ADD COLUMN issue_list_status text GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN payload->>'status' END) STORED,
                ADD COLUMN issue_list_assignee uuid GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN (payload->>'assigneeAgentId')::uuid END) STORED,
                ADD COLUMN issue_list_project uuid GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN (payload->>'projectId')::uuid END) STORED,
                ADD COLUMN issue_list_parent uuid GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' THEN (payload->>'parentId')::uuid END) STORED,
                ADD COLUMN issue_list_labels uuid[] GENERATED ALWAYS AS (
                    CASE WHEN state_name = 'issue' AND (payload->'labelIds') <> '[]'::jsonb
                         THEN pc_uuid_array(payload->'labelIds') END) STORED;
            CREATE INDEX issue_list_by_status ON grain_state (
                issue_list_company, issue_list_status, issue_list_rank, issue_list_updated_at DESC, issue_list_id)
                INCLUDE (service_id, id_n0, id_n1, id_ext)
                WHERE issue_list_company IS NOT NULL;
            -- Only rows that have the value are in the next four: most issues are in none of them.
            CREATE INDEX issue_list_by_assignee ON grain_state (
                issue_list_company, issue_list_assignee, issue_list_rank, issue_list_updated_at DESC, issue_list_id)
                INCLUDE (service_id, id_n0, id_n1, id_ext)
                WHERE issue_list_company IS NOT NULL AND issue_list_assignee IS NOT NULL;
            CREATE INDEX issue_list_by_project ON grain_state (
                issue_list_company, issue_list_project, issue_list_rank, issue_list_updated_at DESC, issue_list_id)
                INCLUDE (service_id, id_n0, id_n1, id_ext)
                WHERE issue_list_company IS NOT NULL AND issue_list_project IS NOT NULL;
            CREATE INDEX issue_list_by_parent ON grain_state (
                issue_list_company, issue_list_parent, issue_list_rank, issue_list_updated_at DESC, issue_list_id)
                INCLUDE (service_id, id_n0, id_n1, id_ext)
                WHERE issue_list_company IS NOT NULL AND issue_list_parent IS NOT NULL;
            CREATE INDEX issue_list_by_label ON grain_state USING gin (issue_list_company, issue_list_labels)
                WHERE issue_list_company IS NOT NULL AND issue_list_labels IS NOT NULL;
            DROP INDEX issue_by_status;
            DROP INDEX issue_by_assignee;
            DROP INDEX issue_by_project;
            DROP INDEX issue_by_label;
            """),
    ];
}
