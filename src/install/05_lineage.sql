-- Lineage: every row of every extension table is either shipped by a release
-- (shipped = true) or the user's (shipped = false). Only an extension script
-- (CREATE EXTENSION, ALTER EXTENSION UPDATE) writes shipped rows; any other
-- write makes the row the user's, and a shipped row the user revised or deleted
-- is remembered in holdings.superseded. pg_dump saves the user's rows and
-- superseded (pg_extension_config_dump), so a restore or an upgrade gives back
-- exactly what the user changed, and a release never overwrites it.
-- docs/development.md explains the rules; tables opt in with lineage_track().

CREATE TABLE @extschema@.superseded (
    table_name text NOT NULL,
    key text[] NOT NULL,
    superseded_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);
-- No unique constraint on purpose: a parallel pg_restore may write the same key
-- from two sessions (this table's data and a revised row's), and a unique index
-- would make one wait on the other. Readers treat duplicates as one.
CREATE INDEX superseded_key_idx ON @extschema@.superseded (table_name, key);
COMMENT ON TABLE @extschema@.superseded IS
    'Shipped rows the user revised or deleted: a restore or a new release never brings them back';
COMMENT ON COLUMN @extschema@.superseded.table_name IS 'Table of the row, in schema holdings';
COMMENT ON COLUMN @extschema@.superseded.key IS 'Primary key of the row, as text, in key column order';
COMMENT ON COLUMN @extschema@.superseded.superseded_at IS 'When the user first changed the shipped row';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.superseded', '');

CREATE FUNCTION @extschema@.lineage_in_release_script() RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_lineage_in_release_script' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.lineage_in_release_script() IS
    'True while an extension script of holdings runs: only then are rows written as shipped';

CREATE FUNCTION @extschema@.lineage_key_columns(t regclass) RETURNS text[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT array_agg(a.attname::text ORDER BY k.n)
      FROM pg_index i
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = t AND i.indisprimary
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_columns(regclass) IS 'Primary key columns of a table, in key order';

-- The key of a row as text[] (the form superseded keeps), from its jsonb image.
CREATE FUNCTION @extschema@.lineage_key(t regclass, r jsonb) RETURNS text[]
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT array_agg(r ->> c ORDER BY n) FROM unnest(@extschema@.lineage_key_columns(t)) WITH ORDINALITY AS k (c, n)
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key(regclass, jsonb) IS 'Primary key of a row (given as jsonb) as text[], in key order';

-- A WHERE clause matching the key of table t against the record $1, or (typed)
-- against the text[] $1 when from_text.
CREATE FUNCTION @extschema@.lineage_key_match(t regclass, alias text, from_text boolean) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT string_agg(CASE WHEN from_text
                           THEN format('%I.%I = $1[%s]::%s', alias, a.attname, k.n, format_type(a.atttypid, a.atttypmod))
                           ELSE format('%I.%I = ($1).%I', alias, a.attname, a.attname) END, ' AND ' ORDER BY k.n)
      FROM pg_index i
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, n)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = t AND i.indisprimary
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_match(regclass, text, boolean) IS 'Lineage helper: SQL matching a table''s primary key to $1';

-- The same key as an SQL expression over the columns of alias (for set-based use).
CREATE FUNCTION @extschema@.lineage_key_expr(t regclass, alias text) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT 'ARRAY[' || string_agg(format('pg_catalog.to_jsonb(%I.%I) #>> ''{}''', alias, c), ', ' ORDER BY n) || ']::text[]'
      FROM unnest(@extschema@.lineage_key_columns(t)) WITH ORDINALITY AS k (c, n)
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_key_expr(regclass, text) IS 'Lineage helper: SQL giving a row''s primary key as text[]';

CREATE FUNCTION @extschema@.lineage_supersede(t regclass, key text[]) RETURNS void
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    INSERT INTO @extschema@.superseded (table_name, key)
    SELECT c.relname, key FROM pg_class c
     WHERE c.oid = t
       AND NOT EXISTS (SELECT 1 FROM @extschema@.superseded s WHERE s.table_name = c.relname AND s.key = key)
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_supersede(regclass, text[]) IS 'Lineage helper: remembers that the user changed a shipped row';

-- The row trigger of every tracked table.
CREATE FUNCTION @extschema@.lineage_row() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF @extschema@.lineage_in_release_script() THEN
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- A row of the user for a key that has a shipped row replaces that row: a
        -- restore writes revised rows this way, and a revision may come as an
        -- insert. SKIP LOCKED: a concurrent restore of superseded may be
        -- deleting the same shipped row; the insert then waits on its key.
        EXECUTE format('DELETE FROM %1$s d WHERE d.ctid = ANY (ARRAY(SELECT s.ctid FROM %1$s s WHERE s.shipped AND %2$s FOR UPDATE SKIP LOCKED))',
                       TG_RELID::regclass, @extschema@.lineage_key_match(TG_RELID, 's', false))
            USING NEW;
        NEW.shipped := false;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.shipped THEN
            PERFORM @extschema@.lineage_supersede(TG_RELID, @extschema@.lineage_key(TG_RELID, pg_catalog.to_jsonb(OLD)));
        END IF;
        NEW.shipped := false;
        RETURN NEW;
    ELSE
        IF OLD.shipped THEN
            PERFORM @extschema@.lineage_supersede(TG_RELID, @extschema@.lineage_key(TG_RELID, pg_catalog.to_jsonb(OLD)));
        END IF;
        RETURN OLD;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_row() IS
    'Trigger: rows written outside an extension script are the user''s; a shipped row the user changes is remembered in superseded';

-- Restoring superseded (pg_restore) removes the shipped rows the user had changed.
CREATE FUNCTION @extschema@.lineage_superseded_restored() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    t regclass := pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(NEW.table_name));
BEGIN
    -- Only a direct write (a restore, or a user marking a key): the lineage
    -- trigger's own record of a change (depth > 1) must not delete the row it is
    -- updating.
    IF t IS NOT NULL AND pg_catalog.pg_trigger_depth() = 1 AND NOT @extschema@.lineage_in_release_script() THEN
        EXECUTE format('DELETE FROM %1$s d WHERE d.ctid = ANY (ARRAY(SELECT s.ctid FROM %1$s s WHERE s.shipped AND %2$s FOR UPDATE SKIP LOCKED))',
                       t, @extschema@.lineage_key_match(t, 's', true))
            USING NEW.key;
    END IF;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_superseded_restored() IS
    'Trigger: a superseded key written outside an extension script removes the shipped row of that key';
CREATE TRIGGER superseded_restored AFTER INSERT ON @extschema@.superseded
    FOR EACH ROW EXECUTE FUNCTION @extschema@.lineage_superseded_restored();

-- lineage_track(table): puts a table under the lineage rules. The table needs
-- a primary key and a last column "shipped boolean NOT NULL DEFAULT true";
-- install scripts call this after the data (90_constraints.sql).
CREATE FUNCTION @extschema@.lineage_track(t regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF @extschema@.lineage_key_columns(t) IS NULL THEN
        RAISE EXCEPTION 'lineage: table % has no primary key', t;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t AND attname = 'shipped' AND atttypid = 'boolean'::regtype) THEN
        RAISE EXCEPTION 'lineage: table % has no boolean column "shipped"', t;
    END IF;
    EXECUTE format('ALTER TABLE %s ALTER COLUMN shipped SET DEFAULT false', t);
    EXECUTE format('DROP TRIGGER IF EXISTS lineage_insert ON %1$s;
                    DROP TRIGGER IF EXISTS lineage_update ON %1$s;
                    DROP TRIGGER IF EXISTS lineage_delete ON %1$s;
                    CREATE TRIGGER lineage_insert BEFORE INSERT ON %1$s
                        FOR EACH ROW EXECUTE FUNCTION @extschema@.lineage_row();
                    CREATE TRIGGER lineage_update BEFORE UPDATE ON %1$s
                        FOR EACH ROW WHEN (OLD.shipped OR NEW.shipped) EXECUTE FUNCTION @extschema@.lineage_row();
                    CREATE TRIGGER lineage_delete AFTER DELETE ON %1$s
                        FOR EACH ROW WHEN (OLD.shipped) EXECUTE FUNCTION @extschema@.lineage_row()', t);
    PERFORM pg_catalog.pg_extension_config_dump(t, 'WHERE NOT shipped');
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_track(regclass) IS
    'Puts an extension table under the lineage rules: triggers, and pg_dump of the user''s rows';

-- Release scripts only: brings the shipped rows of target to those of staging
-- (a table LIKE target): changed shipped rows are updated, new keys inserted
-- unless the user owns the key (a row of theirs, or a superseded key).
CREATE FUNCTION @extschema@.lineage_merge(target regclass, staging regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    cols text;
    scols text;
    keys text[] := @extschema@.lineage_key_columns(target);
    on_key text;
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'lineage_merge runs only in the extension''s release scripts';
    END IF;
    SELECT string_agg(format('%I', attname), ', ' ORDER BY attnum), string_agg(format('s.%I', attname), ', ' ORDER BY attnum)
      INTO cols, scols
      FROM pg_attribute WHERE attrelid = target AND attnum > 0 AND NOT attisdropped AND attname <> 'shipped';
    SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') INTO on_key FROM unnest(keys) AS k;
    EXECUTE format('UPDATE %s t SET (%s) = ROW(%s) FROM %s s WHERE %s AND t.shipped
                      AND pg_catalog.to_jsonb(t) - ''shipped'' <> pg_catalog.to_jsonb(s) - ''shipped''',
                   target, cols, scols, staging, on_key);
    EXECUTE format('INSERT INTO %s (%s, shipped) SELECT %s, true FROM %s s
                     WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)
                       AND NOT EXISTS (SELECT 1 FROM @extschema@.superseded x
                                        WHERE x.table_name = %L AND x.key = %s)',
                   target, cols, scols, staging, target, on_key,
                   (SELECT relname FROM pg_class WHERE oid = target), @extschema@.lineage_key_expr(target, 's'));
END
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_merge(regclass, regclass) IS
    'Release scripts: updates and inserts the shipped rows of a table from a staged release, never over the user''s rows';

-- Release scripts only: deletes the shipped rows a release no longer ships.
CREATE FUNCTION @extschema@.lineage_prune(target regclass, staging regclass) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'lineage_prune runs only in the extension''s release scripts';
    END IF;
    EXECUTE format('DELETE FROM %s t WHERE t.shipped AND NOT EXISTS (SELECT 1 FROM %s s WHERE %s)',
                   target, staging,
                   (SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') FROM unnest(@extschema@.lineage_key_columns(target)) AS k));
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
    'Release scripts: applies the staged shipped data of a release to every table, never over the user''s rows';
