-- The replay of user_edit by a restore (05_lineage.sql keeps the journal), and
-- who may run the lineage functions. The upgrade source includes this file.
--
-- A restore writes user_edit (pg_dump saves nothing else of the extension's
-- data); the statement trigger user_edit_replay queues the rows a statement
-- wrote and lineage_replay_queued replays them over the shipped rows:
--   * all at once, the extension's deferrable constraints (foreign keys
--     between its tables, unique constraints other than primary keys) checked
--     after the last row, so no row order matters: a COPY (any pg_restore
--     schedule, psql -1) replays everything in one pass, swaps of unique
--     values through a temporary value included;
--   * if that fails on a constraint (pg_dump --inserts: each row is its own
--     statement and transaction, so a row can come before its parent, or
--     before the other half of a swap), one by one, each checked on its own:
--     what holds goes, the rest waits in lineage_replay_queue and is tried
--     again with the rows each later statement brings.
-- A restore that fires no trigger (a data-only restore with
-- --disable-triggers) is replayed when it re-enables them: the event trigger
-- holdings_lineage_replay runs lineage_replay_pending() after any ALTER TABLE
-- of user_edit. lineage_replay_pending() is also there to run by hand: it
-- replays every row of user_edit its table does not show, and raises the
-- constraint's error if one cannot be replayed. While a row is replayed its
-- key is in the queue, which is how lineage_record tells the replay's writes
-- from the user's (only the owner of user_edit writes the queue).

CREATE TABLE @extschema@.lineage_replay_queue (
    table_name text NOT NULL,
    key text[] NOT NULL,
    PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE @extschema@.lineage_replay_queue IS
    'Internal, not dumped: rows of user_edit a restore wrote that wait to be replayed (their parent row, or the other half of a swap, has not arrived yet); empty once a restore is complete';
COMMENT ON COLUMN @extschema@.lineage_replay_queue.table_name IS 'user_edit.table_name of the waiting row';
COMMENT ON COLUMN @extschema@.lineage_replay_queue.key IS 'user_edit.key of the waiting row';

-- Is t one of the extension's own tracked tables: a table in the extension's
-- schema, a member of extension holdings, with this extension's lineage_record
-- trigger on it? Catalog reads only (no cast or operator a role could plant).
CREATE FUNCTION @extschema@.lineage_tracked(t regclass) RETURNS boolean
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    -- plpgsql, not sql: lineage_record asks for every row it records, and
    -- plpgsql keeps the query's plan where an SQL function would plan it
    -- again at each call.
    RETURN EXISTS (
        SELECT 1
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_depend d
            ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.objsubid OPERATOR(pg_catalog.=) 0
           AND d.deptype OPERATOR(pg_catalog.=) 'e'
          JOIN pg_catalog.pg_extension x
            ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
           AND d.refobjid OPERATOR(pg_catalog.=) x.oid AND x.extname OPERATOR(pg_catalog.=) 'holdings'
         WHERE c.oid OPERATOR(pg_catalog.=) t AND c.relkind OPERATOR(pg_catalog.=) 'r'
           AND c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
           AND EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                        WHERE g.tgrelid OPERATOR(pg_catalog.=) c.oid
                          AND g.tgname OPERATOR(pg_catalog.=) 'lineage_record'
                          AND g.tgfoid OPERATOR(pg_catalog.=) '@extschema@.lineage_record()'::pg_catalog.regprocedure));
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_tracked(regclass) IS
    'True for the extension''s own tracked tables (schema holdings, member of the extension, lineage triggers on): the only tables the lineage triggers and the replay write for';

-- One row of user_edit over its table: update in place (foreign keys keep
-- pointing at it), insert, or delete. Tables other than the extension's
-- tracked ones are refused (a forged journal row, e.g. for fx_rate_version).
-- Runs as the restoring role (SECURITY INVOKER).
CREATE FUNCTION @extschema@.lineage_replay_row(t regclass, k text[], r jsonb) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    cols text;
    names text;
    done integer;
BEGIN
    IF t IS NULL OR k IS NULL OR NOT @extschema@.lineage_tracked(t) THEN
        RAISE EXCEPTION 'user_edit has a row for %, which is not a table under lineage: it is not replayed', t
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Only the extension''s tracked tables are journalled; remove this row from holdings.user_edit (or from the dump).';
    END IF;
    IF r IS NULL THEN
        EXECUTE pg_catalog.format('DELETE FROM %s d WHERE %s', t, @extschema@.lineage_key_match(t, 'd')) USING k;
        RETURN;
    END IF;
    -- Only the columns the edit has: a dump of an older release replays into
    -- a table that may have gained columns (they keep their defaults).
    SELECT pg_catalog.string_agg(pg_catalog.format('%1$I = r.%1$I', attname), ', '), pg_catalog.string_agg(pg_catalog.format('%I', attname), ', ')
      INTO cols, names
      FROM pg_catalog.pg_attribute WHERE attrelid = t AND attnum > 0 AND NOT attisdropped AND r ? attname;
    EXECUTE pg_catalog.format('UPDATE %1$s d SET %2$s FROM pg_catalog.jsonb_populate_record(NULL::%1$s, $2) r WHERE %3$s',
                   t, cols, @extschema@.lineage_key_match(t, 'd'))
        USING k, r;
    GET DIAGNOSTICS done = ROW_COUNT;
    IF done = 0 THEN
        EXECUTE pg_catalog.format('INSERT INTO %1$s (%2$s) SELECT %2$s FROM pg_catalog.jsonb_populate_record(NULL::%1$s, $1)', t, names)
            USING r;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replay_row(regclass, text[], jsonb) IS
    'Lineage: replays one row of user_edit over its table (update in place, insert, or delete); tracked tables only';

-- Journal rows of 0.2.0, keyed by 0.2.0's primary key: position_vintage's
-- was (holder_id, instrument, as_of, source_id), 0.3.0's ends with release_id
-- (one vintage per key, dataset and release). A dump of 0.2.0 restored into
-- 0.3.0 brings such rows; each takes the release the upgrade from 0.2.0 gives
-- it (its dataset's newest shipped release, '' for a dataset without one), in
-- user_edit (the row's release_id too) and in lineage_replay_queue, so that
-- the replay revises or deletes the shipped row of that release instead of
-- adding a row of release '' beside it (or deleting nothing). Where the
-- journal already has the new key, the old row is dropped. Returns how many
-- rows it re-keyed; called by the replay before it replays (lineage_replay,
-- lineage_replay_pending).
CREATE FUNCTION @extschema@.lineage_rekey_edits() RETURNS integer
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    e record;
    rel text;
    nk text[];
    n integer := 0;
BEGIN
    FOR e IN SELECT u.key FROM @extschema@.user_edit u
              WHERE u.table_name = 'position_vintage' AND pg_catalog.cardinality(u.key) = 4
    LOOP
        rel := coalesce((SELECT d.id FROM @extschema@.data_release d
                          WHERE d.shipped AND d.source_id = e.key[4]
                          ORDER BY d.vintage DESC, d.id DESC LIMIT 1), '');
        nk := e.key || rel;
        IF EXISTS (SELECT 1 FROM @extschema@.user_edit u WHERE u.table_name = 'position_vintage' AND u.key = nk) THEN
            DELETE FROM @extschema@.user_edit u WHERE u.table_name = 'position_vintage' AND u.key = e.key;
        ELSE
            UPDATE @extschema@.user_edit u
               SET key = nk,
                   row_data = CASE WHEN u.row_data IS NOT NULL THEN u.row_data || pg_catalog.jsonb_build_object('release_id', rel) END
             WHERE u.table_name = 'position_vintage' AND u.key = e.key;
        END IF;
        DELETE FROM @extschema@.lineage_replay_queue q WHERE q.table_name = 'position_vintage' AND q.key = e.key;
        IF FOUND THEN
            INSERT INTO @extschema@.lineage_replay_queue (table_name, key) VALUES ('position_vintage', nk)
            ON CONFLICT (table_name, key) DO NOTHING;
        END IF;
        n := n + 1;
    END LOOP;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_rekey_edits() IS
    'Lineage: gives journal rows of 0.2.0 (a restored dump) 0.3.0''s key: position_vintage''s edits take their dataset''s shipped release; returns how many';

-- Replays the rows waiting in lineage_replay_queue (see the top of this file);
-- returns how many it replayed. Rows for a table this release does not have
-- leave the queue (they stay in user_edit).
CREATE FUNCTION @extschema@.lineage_replay_queued() RETURNS integer
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    cons text;
    e record;
    n integer;
    replayed integer := 0;
    progress boolean;
BEGIN
    DELETE FROM @extschema@.lineage_replay_queue q
     WHERE NOT EXISTS (SELECT 1 FROM @extschema@.user_edit u WHERE u.table_name = q.table_name AND u.key = q.key)
        OR pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(q.table_name)) IS NULL;
    IF NOT EXISTS (SELECT 1 FROM @extschema@.lineage_replay_queue) THEN
        RETURN 0;
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', n.nspname, c.conname), ', ' ORDER BY c.conname) INTO cons
      FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
     WHERE c.connamespace = '@extschema@'::regnamespace AND c.condeferrable;
    PERFORM pg_catalog.set_config('holdings_lineage.replaying', 'on', true);
    LOOP
        -- Every waiting row at once, the constraints checked after the last one.
        BEGIN
            IF cons IS NOT NULL THEN
                EXECUTE 'SET CONSTRAINTS ' || cons || ' DEFERRED';
            END IF;
            FOR e IN SELECT u.table_name, u.key, u.row_data
                       FROM @extschema@.lineage_replay_queue q
                       JOIN @extschema@.user_edit u ON u.table_name = q.table_name AND u.key = q.key
                      ORDER BY u.edited_at, u.table_name, u.key
            LOOP
                PERFORM @extschema@.lineage_replay_row(
                    pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(e.table_name)),
                    e.key, e.row_data);
            END LOOP;
            IF cons IS NOT NULL THEN
                EXECUTE 'SET CONSTRAINTS ' || cons || ' IMMEDIATE';
            END IF;
            DELETE FROM @extschema@.lineage_replay_queue;
            GET DIAGNOSTICS n = ROW_COUNT;
            replayed := replayed + n;
            EXIT;
        EXCEPTION WHEN integrity_constraint_violation THEN
            NULL;  -- some row needs a row that has not arrived yet: one by one
        END;
        -- One by one: each row that holds on its own goes.
        progress := false;
        FOR e IN SELECT u.table_name, u.key, u.row_data
                   FROM @extschema@.lineage_replay_queue q
                   JOIN @extschema@.user_edit u ON u.table_name = q.table_name AND u.key = q.key
                  ORDER BY u.edited_at, u.table_name, u.key
        LOOP
            BEGIN
                IF cons IS NOT NULL THEN
                    EXECUTE 'SET CONSTRAINTS ' || cons || ' DEFERRED';
                END IF;
                PERFORM @extschema@.lineage_replay_row(
                    pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(e.table_name)),
                    e.key, e.row_data);
                IF cons IS NOT NULL THEN
                    EXECUTE 'SET CONSTRAINTS ' || cons || ' IMMEDIATE';
                END IF;
                DELETE FROM @extschema@.lineage_replay_queue q WHERE q.table_name = e.table_name AND q.key = e.key;
                replayed := replayed + 1;
                progress := true;
            EXCEPTION WHEN integrity_constraint_violation THEN
                NULL;  -- it waits
            END;
        END LOOP;
        EXIT WHEN NOT progress OR NOT EXISTS (SELECT 1 FROM @extschema@.lineage_replay_queue);
    END LOOP;
    PERFORM pg_catalog.set_config('holdings_lineage.replaying', 'off', true);
    SELECT pg_catalog.count(*) INTO n FROM @extschema@.lineage_replay_queue;
    IF n > 0 THEN
        RAISE WARNING 'holdings: % row(s) of user_edit wait to be replayed: they need rows that have not been restored yet', n
            USING HINT = 'A restore of a pg_dump --inserts dump replays them when those rows arrive. Once the restore is complete, SELECT holdings.lineage_replay_pending() replays what is left or reports why it cannot.';
    END IF;
    RETURN replayed;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replay_queued() IS
    'Lineage: replays the rows of user_edit waiting in lineage_replay_queue, all at once or else one by one; returns how many it replayed';

-- Replays every row of user_edit that its table does not show (a restore that
-- fired no trigger: data-only with --disable-triggers; rows still waiting
-- after a --inserts restore). Returns how many rows it replayed; raises the
-- constraint's error (23xxx) if a row cannot be replayed, and 42501 for a row
-- of a table that is not under lineage. Runs as the caller (the owner of
-- user_edit or a superuser: revoked from PUBLIC).
CREATE FUNCTION @extschema@.lineage_replay_pending() RETURNS integer
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    tn text;
    t regclass;
    cons text;
    e record;
    replayed integer;
BEGIN
    IF @extschema@.lineage_in_release_script() THEN
        RETURN 0;
    END IF;
    PERFORM @extschema@.lineage_rekey_edits();
    FOR tn IN SELECT DISTINCT u.table_name FROM @extschema@.user_edit u ORDER BY 1 LOOP
        t := pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(tn));
        CONTINUE WHEN t IS NULL;  -- a table this release does not have
        IF NOT @extschema@.lineage_tracked(t) THEN
            PERFORM @extschema@.lineage_replay_row(t, '{}', NULL);  -- raises 42501
        END IF;
        EXECUTE pg_catalog.format($q$
            INSERT INTO @extschema@.lineage_replay_queue (table_name, key)
            SELECT e.table_name, e.key FROM @extschema@.user_edit e
             WHERE e.table_name = $1 AND %s
            ON CONFLICT (table_name, key) DO NOTHING$q$, @extschema@.lineage_edit_unshown(t)) USING tn;
    END LOOP;
    replayed := @extschema@.lineage_replay_queued();
    IF EXISTS (SELECT 1 FROM @extschema@.lineage_replay_queue) THEN
        -- Once more, uncaught: the error of the constraint that fails.
        SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', n.nspname, c.conname), ', ') INTO cons
          FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
         WHERE c.connamespace = '@extschema@'::regnamespace AND c.condeferrable;
        PERFORM pg_catalog.set_config('holdings_lineage.replaying', 'on', true);
        IF cons IS NOT NULL THEN
            EXECUTE 'SET CONSTRAINTS ' || cons || ' DEFERRED';
        END IF;
        FOR e IN SELECT u.table_name, u.key, u.row_data
                   FROM @extschema@.lineage_replay_queue q
                   JOIN @extschema@.user_edit u ON u.table_name = q.table_name AND u.key = q.key
        LOOP
            PERFORM @extschema@.lineage_replay_row(
                pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(e.table_name)),
                e.key, e.row_data);
        END LOOP;
        IF cons IS NOT NULL THEN
            EXECUTE 'SET CONSTRAINTS ' || cons || ' IMMEDIATE';
        END IF;
        PERFORM pg_catalog.set_config('holdings_lineage.replaying', 'off', true);
        DELETE FROM @extschema@.lineage_replay_queue;
    END IF;
    RETURN replayed;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replay_pending() IS
    'Replays every row of user_edit its table does not show (after a restore that fired no trigger); returns the number replayed, raises if one cannot be';

-- After every ALTER TABLE (ddl_command_end), outside the release scripts:
--   * of user_edit, with its replay trigger on again (pg_restore
--     --disable-triggers re-enabling it after the COPY): replays what was
--     written while it was off (lineage_replay_pending), and sets the trigger
--     back to ALWAYS (ENABLE TRIGGER ALL makes it ORIGIN);
--   * of a tracked table whose lineage triggers are not all ENABLE ALWAYS any
--     more (DISABLE TRIGGER, ENABLE [REPLICA] TRIGGER): refused, 55000, since
--     the writes would not be journalled and a restore would lose them.
-- Runs as the role that altered the table (its owner or a superuser); any
-- other ALTER TABLE costs one look at the command list.
CREATE FUNCTION @extschema@.lineage_replay_after_alter() RETURNS event_trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r record;
    state "char";
BEGIN
    -- Only tables of the extension's schema concern it. The filter reads
    -- nothing but the catalog: the trigger fires for every ALTER TABLE in the
    -- database, by roles that may have no USAGE on the extension's schema.
    FOR r IN SELECT DISTINCT c.objid FROM pg_catalog.pg_event_trigger_ddl_commands() c
               JOIN pg_catalog.pg_class k ON k.oid OPERATOR(pg_catalog.=) c.objid
               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) k.relnamespace
              WHERE c.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                AND n.nspname OPERATOR(pg_catalog.=) '@extschema@'
    LOOP
        IF @extschema@.lineage_in_release_script() THEN
            RETURN;
        END IF;
        IF r.objid OPERATOR(pg_catalog.=) '@extschema@.user_edit'::pg_catalog.regclass THEN
            SELECT g.tgenabled INTO state FROM pg_catalog.pg_trigger g
             WHERE g.tgrelid OPERATOR(pg_catalog.=) r.objid AND g.tgname OPERATOR(pg_catalog.=) 'user_edit_replay';
            IF state IS NOT NULL AND state OPERATOR(pg_catalog.<>) 'D' THEN
                PERFORM @extschema@.lineage_replay_pending();
                IF state OPERATOR(pg_catalog.<>) 'A' THEN
                    ALTER TABLE @extschema@.user_edit ENABLE ALWAYS TRIGGER user_edit_replay;
                END IF;
            END IF;
        ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                       WHERE g.tgrelid OPERATOR(pg_catalog.=) r.objid
                         AND g.tgname OPERATOR(pg_catalog.=) ANY ('{lineage_mark,lineage_record,lineage_no_truncate}'::pg_catalog.name[])
                         AND g.tgenabled OPERATOR(pg_catalog.<>) 'A')
              AND @extschema@.lineage_tracked(r.objid::pg_catalog.regclass) THEN
            RAISE EXCEPTION 'the lineage triggers of % must stay enabled (ENABLE ALWAYS)', r.objid::pg_catalog.regclass
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'Writes to the extension''s tables are journalled in holdings.user_edit, so that a dump keeps them; without the triggers a restore would lose them.';
        END IF;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_replay_after_alter() IS
    'Event trigger: after an ALTER TABLE of user_edit (a restore re-enabling its triggers) replays what its tables do not show; refuses to disable the lineage triggers of a tracked table';

CREATE TRIGGER user_edit_replay AFTER INSERT ON @extschema@.user_edit
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.lineage_replay();
-- Also in a session with session_replication_role = replica.
ALTER TABLE @extschema@.user_edit ENABLE ALWAYS TRIGGER user_edit_replay;

CREATE EVENT TRIGGER holdings_lineage_replay ON ddl_command_end WHEN TAG IN ('ALTER TABLE')
    EXECUTE FUNCTION @extschema@.lineage_replay_after_alter();
ALTER EVENT TRIGGER holdings_lineage_replay ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER holdings_lineage_replay IS
    'holdings: replays user_edit after a restore that wrote it with its triggers disabled (pg_restore --disable-triggers); keeps the lineage triggers of the extension''s tables enabled';

-- Nobody but the extension's owner (and superusers) may run, or attach to a
-- table, the trigger functions and the machinery; the triggers the extension
-- puts on its tables fire for every writer all the same. The helpers that read
-- nothing but the catalog (lineage_in_release_script, lineage_replaying,
-- lineage_tracked, lineage_key*) stay public: lineage_mark and the loaders
-- call them as the writing role.
REVOKE EXECUTE ON FUNCTION
    @extschema@.lineage_mark(), @extschema@.lineage_record(), @extschema@.lineage_replay(),
    @extschema@.lineage_no_truncate(), @extschema@.lineage_replay_after_alter(),
    @extschema@.lineage_track(regclass), @extschema@.lineage_merge(regclass, regclass),
    @extschema@.lineage_prune(regclass, regclass), @extschema@.lineage_apply_release(text),
    @extschema@.lineage_replay_row(regclass, text[], jsonb), @extschema@.lineage_replay_queued(),
    @extschema@.lineage_replay_pending(), @extschema@.lineage_rekey_edits()
FROM PUBLIC;
