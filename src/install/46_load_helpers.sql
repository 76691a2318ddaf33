-- The loaders' common step (load_run, 47_loaders.sql): every loader parses
-- its document into a temporary table, checks it (load_check), then, for each
-- table it writes, maps the parsed rows into that table's columns and merges
-- them (load_merge, 44_data_release.sql). The mapping is the loader's own SQL
-- (holdings.loader_step); staging and merging have one home here.

-- Stages the rows of mapping (a SELECT giving the columns named, in that
-- order; $1 is the release's dataset, for source_id, $2 the release's id, for
-- the release_id of a vintage table's key) in a fresh temporary
-- table LIKE target, merges them into target under release r (load_merge:
-- never over a newer release's figure, replaced figures kept as vintages,
-- nothing written when r.dry_run), drops the staging table and returns
-- load_merge's report (action, table_name, key, old_value, new_value).
-- A first load into an empty table without a report (the install's and
-- upgrades' load_data_file; a release script's only) has nothing to merge:
-- every row is new, and no key is the user's (user_edit). There the
-- mapping's rows go straight into target with the release, as load_merge
-- would insert them all, without the staging copy (about a third of the ECB
-- file's load).
CREATE FUNCTION @extschema@.load_stage_merge(target regclass, columns text[], mapping text, r @extschema@.load_release)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    staged regclass;
    tname text := (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = target);
    list text := (SELECT pg_catalog.string_agg(pg_catalog.format('%I', c), ', ' ORDER BY n)
                    FROM pg_catalog.unnest(columns) WITH ORDINALITY AS u (c, n));
    in_release boolean := @extschema@.lineage_in_release_script();
    empty boolean;
    inserted bigint;
    latest date;
BEGIN
    IF target IS NULL OR columns IS NULL OR mapping IS NULL OR r IS NULL THEN
        RAISE EXCEPTION 'load_stage_merge needs a target, its columns, a mapping and a release'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- (A release script's only, like load_merge's load without a report: a
    -- session, role or database setting holdings_load.report takes no load
    -- of a user or of the refresh command here.)
    IF r.id IS NOT NULL AND NOT r.dry_run AND in_release
       AND coalesce(pg_catalog.current_setting('holdings_load.report', true), '') = 'off'
       AND NOT columns && ARRAY['release_id', 'shipped']
       AND EXISTS (SELECT FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = target AND a.attname = 'release_id' AND NOT a.attisdropped) THEN
        EXECUTE pg_catalog.format('SELECT NOT EXISTS (SELECT FROM %s)', target) INTO empty;
        -- (user_edit in its own statement: load_merge says why.)
        IF empty THEN
            empty := NOT EXISTS (SELECT FROM @extschema@.user_edit e WHERE e.table_name = tname);
        END IF;
    END IF;
    IF empty THEN
        EXECUTE pg_catalog.format('WITH w AS (INSERT INTO %s (%s, release_id, shipped) SELECT m.*, $2, $3 FROM (%s) AS m
                                              RETURNING %s AS as_of)
                                   SELECT pg_catalog.count(*), pg_catalog.max(w.as_of) FROM w',
                                  target, list, mapping,
                                  CASE WHEN 'as_of' = ANY (@extschema@.lineage_key_columns(target)) THEN 'as_of' ELSE 'NULL::date' END)
            INTO inserted, latest USING r.source_id, r.id, in_release;
        PERFORM @extschema@.load_release_count(r, inserted, 0, 0, latest);
        RETURN;
    END IF;
    staged := @extschema@.load_staging(target, 'holdings_stage_' || tname);
    EXECUTE pg_catalog.format('INSERT INTO %s (%s) %s', staged, list, mapping)
        USING r.source_id, r.id;
    RETURN QUERY SELECT * FROM @extschema@.load_merge(target, staged, r);
    EXECUTE pg_catalog.format('DROP TABLE %s', staged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_stage_merge(regclass, text[], text, @extschema@.load_release) IS
    'Loader helper (every loader): stages the rows of the loader''s mapping (a SELECT; $1 = the dataset, $2 = the release) in a temporary table LIKE target, merges them (load_merge) and returns the report; an install''s or upgrade''s first load into an empty table writes them straight in';

-- TIC Tables 3 and 3D print a holder's Treasuries as a total, long-term and
-- short-term figure (millions): one row per instrument that is printed.
CREATE FUNCTION @extschema@.tic_maturity_split(holdings numeric, long_term numeric, short_term numeric)
    RETURNS TABLE (instrument text, mn numeric)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT i.instrument, i.mn
      FROM (VALUES ('UST', holdings), ('UST-NOTES-BONDS', long_term), ('UST-BILLS', short_term)) AS i (instrument, mn)
     WHERE i.mn IS NOT NULL
$fn$;
COMMENT ON FUNCTION @extschema@.tic_maturity_split(numeric, numeric, numeric) IS
    'Loader helper (TIC Tables 3 and 3D): the total, long-term and short-term figures as rows (UST, UST-NOTES-BONDS, UST-BILLS), the printed ones only';
