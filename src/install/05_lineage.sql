-- Lineage: every row of every extension table is either shipped by a release
-- (shipped = true) or the user's (shipped = false). Only an extension script
-- (CREATE EXTENSION, ALTER EXTENSION UPDATE) writes shipped rows. Every other
-- write is the user's, and triggers keep its result in holdings.user_edit: the
-- user's row for each key they wrote, or a mark for a shipped key they deleted.
-- pg_dump saves user_edit (and nothing else of the extension's tables); a
-- restore replays it over the freshly installed shipped rows
-- (06_lineage_replay.sql), so no restore order (pg_restore -j, --inserts) can
-- break it; an upgrade never ships over a key of user_edit.
-- docs/development.md explains the rules; tables opt in with lineage_track().

CREATE TABLE @extschema@.user_edit (
    table_name text NOT NULL,
    key text[] NOT NULL,
    row_data jsonb,
    supersedes_shipped boolean NOT NULL,
    edited_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE @extschema@.user_edit IS
    'What users wrote in the extension''s tables, per key: kept by triggers, saved by pg_dump, replayed by a restore, never overwritten by an upgrade';
COMMENT ON COLUMN @extschema@.user_edit.table_name IS 'Table of the row, in schema holdings';
COMMENT ON COLUMN @extschema@.user_edit.key IS 'Primary key of the row, as text, in key column order';
COMMENT ON COLUMN @extschema@.user_edit.row_data IS 'The user''s row; null: the user deleted the shipped row of this key';
COMMENT ON COLUMN @extschema@.user_edit.supersedes_shipped IS 'True when a shipped row of this key existed (the user revised or deleted it)';
COMMENT ON COLUMN @extschema@.user_edit.edited_at IS 'When the user last wrote this key';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.user_edit', '');

CREATE FUNCTION @extschema@.lineage_in_release_script() RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_lineage_in_release_script' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.lineage_in_release_script() IS
    'True while an extension script of holdings runs: only then are rows written as shipped';

CREATE FUNCTION @extschema@.lineage_key_columns(t regclass) RETURNS text[]
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    keys text[];
BEGIN
    -- plpgsql, not sql: the lineage triggers ask for every row, and plpgsql
    -- keeps the query's plan where an SQL function plans it at each call.
    keys := (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.n)
               FROM pg_catalog.pg_index i
              CROSS JOIN LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = t AND i.indisprimary);
    IF keys IS NULL THEN
        -- The install's first load: a table whose primary key is built after
        -- its data (load_defer_indexes, 44_data_release.sql) keeps its key here.
        keys := NULLIF(pg_catalog.current_setting('holdings_load.key_' || t::oid::text, true), '')::text[];
    END IF;
    RETURN keys;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_columns(regclass) IS 'Primary key columns of a table, in key order';

-- The key of a row as text[] (the form user_edit keeps), from its jsonb image.
CREATE FUNCTION @extschema@.lineage_key(t regclass, r jsonb) RETURNS text[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT array_agg(r ->> c ORDER BY n) FROM unnest(@extschema@.lineage_key_columns(t)) WITH ORDINALITY AS k (c, n)
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key(regclass, jsonb) IS 'Primary key of a row (given as jsonb) as text[], in key order';

-- The same key as an SQL expression over the columns of alias (for set-based use).
CREATE FUNCTION @extschema@.lineage_key_expr(t regclass, alias text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT 'ARRAY[' || string_agg(format('pg_catalog.to_jsonb(%I.%I) #>> ''{}''', alias, c), ', ' ORDER BY n) || ']::text[]'
      FROM unnest(@extschema@.lineage_key_columns(t)) WITH ORDINALITY AS k (c, n)
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_expr(regclass, text) IS 'Lineage helper: SQL giving a row''s primary key as text[]';

-- A condition matching the key of table t (alias) to a text[] key, typed
-- column by column (so that the primary key's index serves it): key is an SQL
-- expression, the parameter $1 unless given (a journal row's e.key in the
-- set-based checks of lineage_replay_pending and the upgrade from 0.2.0).
CREATE FUNCTION @extschema@.lineage_key_match(t regclass, alias text, key text DEFAULT '$1') RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT string_agg(format('%I.%I = (%s)[%s]::%s', alias, a.attname, key, k.n, format_type(a.atttypid, a.atttypmod)),
                      ' AND ' ORDER BY k.n)
      FROM pg_index i
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = t AND i.indisprimary
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_match(regclass, text, text) IS
    'Lineage helper: SQL matching a table''s primary key to a text[] key given as SQL (default $1), typed';

-- True while a restore replays user_edit (the replay's own writes are not edits).
CREATE FUNCTION @extschema@.lineage_replaying() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT coalesce(current_setting('holdings_lineage.replaying', true), '') = 'on'
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replaying() IS 'True while user_edit is being replayed into the tables (a restore); informational: the lineage triggers do not rely on it';

-- Who can run the lineage functions, and as whom (issue 18): every trigger
-- function below is revoked from PUBLIC (06_lineage_replay.sql), so no role
-- but the extension's owner can attach one to a table (CREATE TRIGGER needs
-- EXECUTE); the triggers lineage_track() puts on the extension's tables still
-- fire for every writer (PostgreSQL checks EXECUTE only when the trigger is
-- created). Only lineage_record is SECURITY DEFINER, and it refuses every
-- table but the extension's own tracked ones before it reads a row.

-- BEFORE INSERT OR UPDATE of every tracked table: only a release writes shipped rows.
-- Runs as the writer (SECURITY INVOKER): it writes nothing but NEW, so even on
-- a table of the writer's own it can do nothing the writer could not.
CREATE FUNCTION @extschema@.lineage_mark() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF @extschema@.lineage_in_release_script() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_catalog.to_jsonb(NEW) - 'shipped' = pg_catalog.to_jsonb(OLD) - 'shipped' THEN
        NEW.shipped := OLD.shipped;  -- nothing changed: the row keeps its lineage
    ELSE
        NEW.shipped := false;
    END IF;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_mark() IS
    'Trigger: a row written outside an extension script is the user''s (shipped = false)';

-- AFTER INSERT, UPDATE or DELETE of every tracked table: keeps user_edit.
-- SECURITY DEFINER, because a role allowed to write a table must not need (or
-- get) any privilege on user_edit: the journal is written by this trigger
-- alone, so it holds only writes the role was allowed to make. That is safe
-- only on the extension's own tables, whose columns have the extension's (or
-- built-in) types: the first thing the function does, before it reads NEW or
-- OLD (to_jsonb would run a cast of the table's column types, as the owner),
-- is to refuse any other table with 42501 (lineage_tracked). The journal is
-- keyed on that checked table's name. search_path is pinned; EXECUTE is
-- revoked from PUBLIC, so no other role can attach it anywhere.
CREATE FUNCTION @extschema@.lineage_record() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    tname text;
    new_key text[];
    old_key text[];
    old_supersedes boolean := false;
BEGIN
    -- lineage_tracked(TG_RELID), written out (the trigger's cached plan, no call).
    IF TG_LEVEL <> 'ROW' OR TG_WHEN <> 'AFTER' OR NOT EXISTS (
        SELECT 1
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_depend d
            ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.objsubid OPERATOR(pg_catalog.=) 0
           AND d.deptype OPERATOR(pg_catalog.=) 'e'
          JOIN pg_catalog.pg_extension x
            ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
           AND d.refobjid OPERATOR(pg_catalog.=) x.oid AND x.extname OPERATOR(pg_catalog.=) 'holdings'
         WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID AND c.relkind OPERATOR(pg_catalog.=) 'r'
           AND c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                        WHERE g.tgrelid OPERATOR(pg_catalog.=) c.oid
                          AND g.tgname OPERATOR(pg_catalog.=) 'lineage_record'
                          AND g.tgfoid OPERATOR(pg_catalog.=) '@extschema@.lineage_record()'::pg_catalog.regprocedure)) THEN
        RAISE EXCEPTION 'lineage_record() runs only as the lineage trigger of the tables of extension holdings, not on %.%',
                        TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT c.relname::text INTO STRICT tname FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) TG_RELID;
    IF @extschema@.lineage_in_release_script() THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_key := @extschema@.lineage_key(TG_RELID, pg_catalog.to_jsonb(OLD));
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_key := @extschema@.lineage_key(TG_RELID, pg_catalog.to_jsonb(NEW));
    END IF;
    -- The replay's own write of a journal row (its key waits in the queue,
    -- which only the replay, run by user_edit's owner, writes): not an edit.
    -- (Not the holdings_lineage.replaying setting: any role can set that.)
    IF EXISTS (SELECT 1 FROM @extschema@.lineage_replay_queue q
                WHERE q.table_name = tname AND (q.key = new_key OR q.key = old_key)) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_supersedes := OLD.shipped OR coalesce((SELECT e.supersedes_shipped FROM @extschema@.user_edit e
                                                    WHERE e.table_name = tname AND e.key = old_key), false);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF TG_OP = 'UPDATE' AND NEW.shipped THEN
            RETURN NULL;  -- a no-op update of a shipped row
        END IF;
        INSERT INTO @extschema@.user_edit AS e (table_name, key, row_data, supersedes_shipped)
        VALUES (tname, new_key, pg_catalog.to_jsonb(NEW),
                TG_OP = 'UPDATE' AND new_key = old_key AND old_supersedes)
        ON CONFLICT (table_name, key) DO UPDATE
           SET row_data = EXCLUDED.row_data, edited_at = EXCLUDED.edited_at,
               supersedes_shipped = e.supersedes_shipped OR EXCLUDED.supersedes_shipped;
        IF TG_OP = 'INSERT' OR new_key = old_key THEN
            RETURN NULL;
        END IF;
    END IF;
    -- The old key is gone (a delete, or an update that changed the key): a
    -- shipped row, or the user's revision of one, leaves a deletion mark; the
    -- user's own row leaves nothing.
    IF old_supersedes THEN
        INSERT INTO @extschema@.user_edit AS e (table_name, key, row_data, supersedes_shipped)
        VALUES (tname, old_key, NULL, true)
        ON CONFLICT (table_name, key) DO UPDATE SET row_data = NULL, edited_at = EXCLUDED.edited_at,
                                                    supersedes_shipped = true;
    ELSE
        DELETE FROM @extschema@.user_edit e WHERE e.table_name = tname AND e.key = old_key;
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_record() IS
    'Trigger: records what the user wrote or deleted in holdings.user_edit (the extension''s tracked tables only)';

-- AFTER INSERT on user_edit, once per statement (a restore's COPY, or each
-- INSERT of a pg_dump --inserts dump), outside a release and outside the
-- lineage triggers: queues the new rows and replays them over the shipped rows
-- (lineage_replay_queued, 06_lineage_replay.sql). Runs as the writer of
-- user_edit (its owner or a superuser: nobody else may write it).
CREATE FUNCTION @extschema@.lineage_replay() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF TG_LEVEL <> 'STATEMENT' OR TG_RELID OPERATOR(pg_catalog.<>) '@extschema@.user_edit'::pg_catalog.regclass THEN
        RAISE EXCEPTION 'lineage_replay() runs only as the trigger of holdings.user_edit, not on %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF pg_catalog.pg_trigger_depth() > 1 OR @extschema@.lineage_in_release_script() THEN
        RETURN NULL;  -- lineage_record writing the journal, or a release script
    END IF;
    INSERT INTO @extschema@.lineage_replay_queue (table_name, key)
    SELECT a.table_name, a.key FROM added a
    ON CONFLICT (table_name, key) DO NOTHING;
    -- (A dump of 0.2.0: its journal's keys of position_vintage get 0.3.0's.
    -- Only when the statement wrote such a row: a --inserts restore is one
    -- statement per row.)
    IF EXISTS (SELECT 1 FROM added a WHERE a.table_name = 'position_vintage' AND pg_catalog.cardinality(a.key) = 4) THEN
        PERFORM @extschema@.lineage_rekey_edits();
    END IF;
    PERFORM @extschema@.lineage_replay_queued();
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replay() IS
    'Trigger: rows written to user_edit by a restore are replayed into their tables';

-- TRUNCATE would remove rows without a trace in user_edit. Runs as the
-- truncating role and only raises: harmless on any table.
CREATE FUNCTION @extschema@.lineage_no_truncate() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'cannot truncate %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Use DELETE: it records which shipped rows you removed, so a restore or an upgrade does not bring them back.';
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_no_truncate() IS
    'Trigger: TRUNCATE of a tracked table is refused (DELETE keeps the record of removed shipped rows)';

-- lineage_track(table): puts a table under the lineage rules. The table needs
-- a primary key and a last column "shipped boolean NOT NULL DEFAULT true";
-- install scripts call this after the data (95_lineage_tracking.sql). Foreign
-- keys between the extension's tables and unique constraints other than the
-- primary key become DEFERRABLE (still checked at once, unless a restore's
-- replay defers them: a user who swapped two countries' alpha3 through a
-- temporary value has two journal rows that only hold together). The
-- triggers fire ALWAYS: also in a session with session_replication_role =
-- replica (a logical-replication subscriber applying rows, or a superuser's
-- bulk write), so every write is journalled.
CREATE FUNCTION @extschema@.lineage_track(t regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    fk text;
    def text;
BEGIN
    IF @extschema@.lineage_key_columns(t) IS NULL THEN
        RAISE EXCEPTION 'lineage: table % has no primary key', t;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = 'shipped' AND atttypid = 'boolean'::regtype) THEN
        RAISE EXCEPTION 'lineage: table % has no boolean column "shipped"', t;
    END IF;
    EXECUTE format('ALTER TABLE %s ALTER COLUMN shipped SET DEFAULT false', t);
    FOR fk IN SELECT conname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid
               WHERE c.conrelid = t AND c.contype = 'f' AND NOT c.condeferrable
                 AND r.relnamespace = '@extschema@'::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', t, fk);
    END LOOP;
    -- A unique constraint cannot be altered: it is made again, deferrable.
    FOR fk, def IN SELECT conname, pg_catalog.pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint
                    WHERE conrelid = t AND contype = 'u' AND NOT condeferrable
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I, ADD CONSTRAINT %I %s DEFERRABLE INITIALLY IMMEDIATE',
                       t, fk, fk, def);
    END LOOP;
    EXECUTE format('DROP TRIGGER IF EXISTS lineage_mark ON %1$s;
                    DROP TRIGGER IF EXISTS lineage_record ON %1$s;
                    DROP TRIGGER IF EXISTS lineage_no_truncate ON %1$s;
                    CREATE TRIGGER lineage_no_truncate BEFORE TRUNCATE ON %1$s
                        FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.lineage_no_truncate();
                    CREATE TRIGGER lineage_mark BEFORE INSERT OR UPDATE ON %1$s
                        FOR EACH ROW EXECUTE FUNCTION @extschema@.lineage_mark();
                    CREATE TRIGGER lineage_record AFTER INSERT OR UPDATE OR DELETE ON %1$s
                        FOR EACH ROW EXECUTE FUNCTION @extschema@.lineage_record();
                    ALTER TABLE %1$s ENABLE ALWAYS TRIGGER lineage_no_truncate,
                                     ENABLE ALWAYS TRIGGER lineage_mark,
                                     ENABLE ALWAYS TRIGGER lineage_record', t);
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_track(regclass) IS
    'Puts an extension table under the lineage rules: triggers that keep user_edit (fired always), deferrable foreign keys and unique constraints';

-- Release scripts only: brings the shipped rows of target to those of staging
-- (a table LIKE target): changed shipped rows are updated, new keys inserted,
-- never over a key the user wrote or deleted (user_edit).
CREATE FUNCTION @extschema@.lineage_merge(target regclass, staging regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'lineage_merge runs only in the extension''s release scripts';
    END IF;
    -- The loaders' merge (44_data_release.sql), without a release: the rows of
    -- a table without release_id (reference tables).
    PERFORM pg_catalog.count(*) FROM @extschema@.load_merge(target, staging, NULL);
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_merge(regclass, regclass) IS
    'Release scripts: updates and inserts the shipped rows of a table from a staged release, never over the user''s keys';

-- Release scripts only: deletes the shipped rows a release no longer ships.
CREATE FUNCTION @extschema@.lineage_prune(target regclass, staging regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'lineage_prune runs only in the extension''s release scripts';
    END IF;
    -- A figure loaded from a data release (release_id) belongs to that release.
    EXECUTE format('DELETE FROM %s t WHERE t.shipped AND NOT EXISTS (SELECT 1 FROM %s s WHERE %s)%s',
                   target, staging,
                   (SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') FROM unnest(@extschema@.lineage_key_columns(target)) AS k),
                   CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = target AND attname = 'release_id' AND NOT attisdropped)
                        THEN ' AND t.release_id IS NULL' ELSE '' END);
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_prune(regclass, regclass) IS
    'Release scripts: deletes shipped rows that the staged release no longer ships';

-- Release scripts only: applies a staged release (tables pg_temp.<prefix><table>,
-- made by tools/generate.py's --@release-data): merges parents first, prunes
-- children first, and drops the staging tables.
CREATE FUNCTION @extschema@.lineage_apply_release(prefix text) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    pending regclass[];
    ordered regclass[] := '{}';
    t regclass;
    progress boolean;
    i integer;
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'lineage_apply_release runs only in the extension''s release scripts';
    END IF;
    SELECT array_agg(c.oid::regclass ORDER BY c.relname) INTO pending
      FROM pg_class c
     WHERE c.relnamespace = '@extschema@'::regnamespace AND c.relkind = 'r'
       AND to_regclass('pg_temp.' || quote_ident(prefix || c.relname)) IS NOT NULL;
    WHILE cardinality(pending) > 0 LOOP
        progress := false;
        FOREACH t IN ARRAY pending LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_constraint k
                            WHERE k.conrelid = t AND k.contype = 'f' AND k.confrelid <> t
                              AND k.confrelid = ANY (pending)) THEN
                ordered := ordered || t;
                pending := array_remove(pending, t);
                progress := true;
            END IF;
        END LOOP;
        IF NOT progress THEN
            RAISE EXCEPTION 'lineage: foreign keys form a cycle among %', pending;
        END IF;
    END LOOP;
    FOREACH t IN ARRAY ordered LOOP
        PERFORM @extschema@.lineage_merge(t, to_regclass('pg_temp.' || quote_ident(prefix || (SELECT relname FROM pg_class WHERE oid = t))));
    END LOOP;
    FOR i IN REVERSE cardinality(ordered)..1 LOOP
        t := ordered[i];
        PERFORM @extschema@.lineage_prune(t, to_regclass('pg_temp.' || quote_ident(prefix || (SELECT relname FROM pg_class WHERE oid = t))));
        EXECUTE format('DROP TABLE pg_temp.%I', prefix || (SELECT relname FROM pg_class WHERE oid = t));
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_apply_release(text) IS
    'Release scripts: applies the staged shipped data of a release to every table, never over the user''s keys';
