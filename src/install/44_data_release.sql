-- Data releases and the one write path of shipped and loaded figures.
--
-- Every file a loader reads is a data release (holdings.data_release: dataset,
-- file, URL, the publisher's vintage, sha256, counts), and every figure row
-- points to its release (release_id). Install, upgrade and every loader write
-- figures the same way: parse -> load_check (unknown labels, repeated keys) ->
-- stage (a temporary table LIKE the target) -> load_merge (a release script's
-- first load into an empty table, which has nothing to merge, goes straight
-- in: load_stage_merge, 46_load_helpers.sql). load_merge never
-- replaces a figure of a newer release by one of an older release (the older
-- figure goes to the vintage table: kept_newer); a same-or-newer release
-- replaces it and the replaced figure is kept as a vintage. Under the lineage
-- rules (05_lineage.sql) a release script never writes over a key the user
-- wrote or deleted (kept_user). Loads serialise on holdings.load_lock.
-- docs/development.md ("Adding a dataset") shows how a new loader uses this.

CREATE TABLE @extschema@.data_release (
    id text PRIMARY KEY,
    source_id text NOT NULL,
    file_name text,
    url text,
    vintage date NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    rows_inserted bigint NOT NULL DEFAULT 0,
    rows_updated bigint NOT NULL DEFAULT 0,
    rows_kept bigint NOT NULL DEFAULT 0,
    latest_period date,
    shipped boolean NOT NULL DEFAULT true
);
CREATE INDEX data_release_source_idx ON @extschema@.data_release (source_id, vintage);
COMMENT ON TABLE @extschema@.data_release IS
    'Every file loaded into the figure tables (shipped or loaded by a user): dataset, file, vintage, checksum and what the load wrote';
COMMENT ON COLUMN @extschema@.data_release.id IS 'Release id: <source_id>/<vintage>/<first 12 hex digits of the sha256>';
COMMENT ON COLUMN @extschema@.data_release.source_id IS 'The dataset (a row of holdings.source)';
COMMENT ON COLUMN @extschema@.data_release.file_name IS 'File name as downloaded';
COMMENT ON COLUMN @extschema@.data_release.url IS 'Where the file was downloaded';
COMMENT ON COLUMN @extschema@.data_release.vintage IS 'The publisher''s vintage date: printed in the file where it prints one, else given to the loader (else the day of the load)';
COMMENT ON COLUMN @extschema@.data_release.sha256 IS 'SHA-256 of the file''s text (UTF-8), hex';
COMMENT ON COLUMN @extschema@.data_release.loaded_at IS 'When the release was first loaded';
COMMENT ON COLUMN @extschema@.data_release.rows_inserted IS 'Rows the loads of this release inserted (figures and vintages)';
COMMENT ON COLUMN @extschema@.data_release.rows_updated IS 'Rows the loads of this release updated (figures and vintages)';
COMMENT ON COLUMN @extschema@.data_release.rows_kept IS 'Figures of this release not written because a newer release''s (kept_newer) or the user''s (kept_user) stays';
COMMENT ON COLUMN @extschema@.data_release.latest_period IS 'The newest period (as_of) of the figures the release gives';
COMMENT ON COLUMN @extschema@.data_release.shipped IS 'True for rows installed by the extension';

-- Superseded figures of every figure table but position (position_vintage):
-- one row per key, dataset and release, so that every release's figure is
-- kept (a third release replacing a figure adds a row, never overwrites the
-- second's). A row written by hand has no release: release_id '' (the
-- default), one such row per key and dataset. ('' and not null: the release
-- is part of the primary key, which the lineage journal keys rows by; for the
-- same reason the column has no foreign key to data_release.)
CREATE TABLE @extschema@.figure_vintage (
    table_name text NOT NULL,
    key jsonb NOT NULL,
    source_id text NOT NULL,
    figure jsonb NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text NOT NULL DEFAULT '',
    PRIMARY KEY (table_name, key, source_id, release_id)
);
COMMENT ON TABLE @extschema@.figure_vintage IS
    'Figures a release gave for a key of a figure table (transaction, custody_holding, treasury_yield, fx_rate, dollar_index, position_comparison) that the table no longer holds: replaced by a newer release, or older than the one it holds; one row per key, dataset and release';
COMMENT ON COLUMN @extschema@.figure_vintage.table_name IS 'The figure table, in schema holdings';
COMMENT ON COLUMN @extschema@.figure_vintage.key IS 'Primary key of the figure in that table, a JSON array of its columns as text in key order: ["DGS10", "2026-04-17"]';
COMMENT ON COLUMN @extschema@.figure_vintage.source_id IS 'The dataset that printed the figure';
COMMENT ON COLUMN @extschema@.figure_vintage.figure IS 'The figure''s columns (without key, source and release) as jsonb';
COMMENT ON COLUMN @extschema@.figure_vintage.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.figure_vintage.release_id IS 'The release that printed the figure (holdings.data_release.id); '''' for a row written by hand (part of the primary key: one row per key, dataset and release)';

-- One row: every load updates it first, so loads serialise (READ COMMITTED:
-- the second waits, then sees the first's rows; REPEATABLE READ or
-- SERIALIZABLE: the second fails with 40001 if the first committed after its
-- snapshot). Not data: not lineage-tracked, not dumped (CREATE EXTENSION makes it).
CREATE TABLE @extschema@.load_lock (
    id boolean PRIMARY KEY DEFAULT true CHECK (id)
);
INSERT INTO @extschema@.load_lock DEFAULT VALUES;
COMMENT ON TABLE @extschema@.load_lock IS
    'One row that every load updates first, so that loads serialise; roles that load need UPDATE on it';
COMMENT ON COLUMN @extschema@.load_lock.id IS 'Always true (one row; a load rewrites it unchanged, like fx_rate_version)';

-- What a loader passes from load_begin to load_merge.
CREATE TYPE @extschema@.load_release AS (
    id text,
    source_id text,
    vintage date,
    dry_run boolean,
    reloaded boolean
);
COMMENT ON TYPE @extschema@.load_release IS 'Loader helper: the release being loaded (id, dataset, vintage) and whether the load is a dry run';
COMMENT ON COLUMN @extschema@.load_release.id IS 'Release id (holdings.data_release.id)';
COMMENT ON COLUMN @extschema@.load_release.source_id IS 'The dataset (a row of holdings.source)';
COMMENT ON COLUMN @extschema@.load_release.vintage IS 'The release''s vintage';
COMMENT ON COLUMN @extschema@.load_release.dry_run IS 'True: report only, write nothing';
COMMENT ON COLUMN @extschema@.load_release.reloaded IS 'True when the release was loaded before (its kept figures are counted once)';

-- The extension's installed data files (<sharedir>/extension/holdings/, the
-- official files of data/): the install and upgrade scripts load them.
CREATE FUNCTION @extschema@.data_file(name text) RETURNS text
    AS 'MODULE_PATHNAME', 'holdings_data_file' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.data_file(text) IS
    'The text of one of the extension''s installed data files (a path relative to <sharedir>/extension/holdings, such as tic/slt_table3.txt); nothing outside that directory';
REVOKE EXECUTE ON FUNCTION @extschema@.data_file(text) FROM PUBLIC;

-- The install's first load goes into tables without indexes: their indexes
-- are built once after the data (one sort each) instead of a btree descent
-- for every row written. load_defer_indexes drops the indexes of empty tables
-- (primary keys included), keeping each definition and each primary key's
-- columns (lineage_key_columns reads them, so load_merge still merges on the
-- key) in settings local to the transaction; load_restore_indexes creates
-- them again, with the same names and definitions. The merge never scans a
-- target for each staged row (hash joins; new keys come from its plan). An
-- upgrade's tables keep their indexes.
CREATE FUNCTION @extschema@.load_defer_indexes(tables regclass[]) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    t regclass;
    ix record;
    nonempty boolean;
    -- Starts empty: load_restore_indexes runs these statements, so nothing
    -- set before the script (a session, role or database setting) may join them.
    deferred text[] := '{}';
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'load_defer_indexes is for the extension''s install script'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('SELECT EXISTS (SELECT FROM %s)', t) INTO nonempty;
        IF nonempty THEN
            RAISE EXCEPTION 'load_defer_indexes: table % is not empty', t USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        PERFORM pg_catalog.set_config('holdings_load.key_' || t::oid::text,
                                      coalesce(@extschema@.lineage_key_columns(t)::text, ''), true);
        FOR ix IN SELECT i.indexrelid::regclass AS index_name, pg_catalog.pg_get_indexdef(i.indexrelid) AS index_def,
                         c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS constraint_def
                    FROM pg_index i
                    LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                   WHERE i.indrelid = t
                   ORDER BY i.indexrelid LOOP
            IF ix.conname IS NULL THEN
                deferred := deferred || ix.index_def;
                EXECUTE format('DROP INDEX %s', ix.index_name);
            ELSE
                deferred := deferred || format('ALTER TABLE %s ADD CONSTRAINT %I %s', t, ix.conname, ix.constraint_def);
                EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', t, ix.conname);
            END IF;
        END LOOP;
    END LOOP;
    PERFORM pg_catalog.set_config('holdings_load.deferred_indexes', deferred::text, true);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_defer_indexes(regclass[]) IS
    'Install script helper: drops the indexes of empty tables before their first load, keeping their definitions (and primary key columns) for load_restore_indexes';
REVOKE EXECUTE ON FUNCTION @extschema@.load_defer_indexes(regclass[]) FROM PUBLIC;

CREATE FUNCTION @extschema@.load_restore_indexes() RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    statement text;
BEGIN
    IF NOT @extschema@.lineage_in_release_script() THEN
        RAISE EXCEPTION 'load_restore_indexes is for the extension''s install script'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH statement IN ARRAY coalesce(NULLIF(pg_catalog.current_setting('holdings_load.deferred_indexes', true), '')::text[],
                                        '{}') LOOP
        EXECUTE statement;
    END LOOP;
    PERFORM pg_catalog.set_config('holdings_load.deferred_indexes', '', true);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_restore_indexes() IS
    'Install script helper: creates the indexes load_defer_indexes dropped, after the data';
REVOKE EXECUTE ON FUNCTION @extschema@.load_restore_indexes() FROM PUBLIC;

-- Starts a load: checks the dataset, serialises on load_lock, records the
-- release (unless dry_run) and returns it for load_merge. The vintage is the
-- one the file prints (printed_vintage, found by the loader), else the given
-- one, else today.
CREATE FUNCTION @extschema@.load_begin(source_id text, document text, vintage date, url text, file_name text,
                                       dry_run boolean, printed_vintage date DEFAULT NULL)
    RETURNS @extschema@.load_release
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release;
    digest text;
    src_url text;
BEGIN
    IF load_begin.source_id IS NULL OR document IS NULL OR dry_run IS NULL THEN
        RAISE EXCEPTION 'a loader needs a document, a source id and dry_run' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT s.url INTO src_url FROM @extschema@.source s WHERE s.id = load_begin.source_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown source "%"', load_begin.source_id
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the release to holdings.source first.';
    END IF;
    -- Serialise with every other load (a dry run waits for a running load too).
    IF dry_run THEN
        PERFORM 1 FROM @extschema@.load_lock FOR SHARE;
    ELSE
        UPDATE @extschema@.load_lock SET id = true;  -- a new row version, same content
    END IF;
    digest := pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(document, 'UTF8')), 'hex');
    r.source_id := load_begin.source_id;
    r.vintage := coalesce(printed_vintage, load_begin.vintage, CURRENT_DATE);
    r.id := pg_catalog.format('%s/%s/%s', load_begin.source_id, pg_catalog.to_char(r.vintage, 'YYYY-MM-DD'),
                              pg_catalog.left(digest, 12));
    r.dry_run := dry_run;
    r.reloaded := EXISTS (SELECT 1 FROM @extschema@.data_release d WHERE d.id = r.id);
    -- (For load_data_file, which returns the release it loaded.)
    PERFORM pg_catalog.set_config('holdings_load.release', r.id, true);
    IF NOT dry_run AND NOT r.reloaded THEN
        INSERT INTO @extschema@.data_release (id, source_id, file_name, url, vintage, sha256, shipped)
        VALUES (r.id, r.source_id,
                coalesce(load_begin.file_name, pg_catalog.substring(coalesce(load_begin.url, src_url), '([^/]+)$')),
                coalesce(load_begin.url, src_url), r.vintage, digest, @extschema@.lineage_in_release_script());
    END IF;
    RETURN r;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_begin(text, text, date, text, text, boolean, date) IS
    'Loader helper: checks the dataset, serialises the load (holdings.load_lock), records the release and returns it for load_merge';

-- The one row check of every loader: over a parsed document (a table with a
-- "line" column), 22P02 naming the line of the first row whose mapping is
-- missing (mapped_column null) and of the first repeated key (noun null: the
-- parsed table's column "noun" names what is repeated).
-- Whether a key repeats is one sort of a 64-bit hash per key (about twice as
-- fast as grouping the keys, which spills for the ECB file's 210,545 rates
-- under work_mem 4MB): distinct hashes are distinct keys; an equal pair (a
-- repeated key or, rarely, two keys with one hash) goes to the exact search,
-- which finds the line or nothing. (Every key column's type needs an extended
-- hash function: text, date, boolean, integer, holding have one.)
CREATE FUNCTION @extschema@.load_check(what text, parsed regclass, key_columns text[], mapped_column text DEFAULT NULL,
                                       unknown_what text DEFAULT 'row label', noun text DEFAULT 'row',
                                       shown_columns text[] DEFAULT NULL, label_column text DEFAULT 'label')
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    repeated boolean;
BEGIN
    IF mapped_column IS NOT NULL THEN
        EXECUTE pg_catalog.format('SELECT p.line, p.%I::text AS label FROM %s p WHERE p.%I IS NULL ORDER BY p.line LIMIT 1',
                       label_column, parsed, mapped_column) INTO bad;
        IF bad.line IS NOT NULL THEN
            RAISE EXCEPTION '%, line %: unknown % "%"', what, bad.line, unknown_what, bad.label
                USING ERRCODE = 'invalid_text_representation',
                      HINT = 'Map the label in the loader''s label table (holdings.tic_label, holdings.fx_label), then load again.';
        END IF;
    END IF;
    -- (Whether a key repeats: distinct hashes, distinct keys; see above.)
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(DISTINCT pg_catalog.hash_record_extended(ROW(%s), 0)) <> pg_catalog.count(*) FROM %s p',
                   (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I', c), ', ') FROM pg_catalog.unnest(key_columns) AS c), parsed) INTO repeated;
    IF NOT repeated THEN
        RETURN;
    END IF;
    EXECUTE pg_catalog.format('SELECT (pg_catalog.array_agg(p.line ORDER BY p.line))[2] AS line, pg_catalog.concat_ws('' '', %s) AS shown,
                           %s AS noun
                      FROM %s p GROUP BY %s HAVING pg_catalog.count(*) > 1 ORDER BY 1 LIMIT 1',
                   (SELECT pg_catalog.string_agg(pg_catalog.format('pg_catalog.min(p.%I::text)', c), ', ') FROM pg_catalog.unnest(coalesce(shown_columns, key_columns)) AS c),
                   CASE WHEN noun IS NULL THEN 'pg_catalog.min(p.noun)' ELSE pg_catalog.quote_literal(noun) END,
                   parsed,
                   (SELECT pg_catalog.string_agg(pg_catalog.format('p.%I', c), ', ') FROM pg_catalog.unnest(key_columns) AS c)) INTO bad;
    IF bad.line IS NOT NULL THEN
        RAISE EXCEPTION '%, line %: a second % for %', what, bad.line, bad.noun, bad.shown
            USING ERRCODE = 'invalid_text_representation';
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_check(text, regclass, text[], text, text, text, text[], text) IS
    'Loader helper (every loader): 22P02 naming the line of the first unmapped label and of the first repeated key of a parsed document';

-- What a load wrote, added to its release's counts (load_merge, and
-- load_stage_merge's first load of an empty table): only when something
-- changes, so a reload that writes nothing leaves the release alone; the
-- figures a reloaded release keeps were counted the first time.
CREATE FUNCTION @extschema@.load_release_count(r @extschema@.load_release, inserted bigint, updated bigint, kept bigint,
                                               latest date)
    RETURNS void
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    UPDATE @extschema@.data_release d
       SET rows_inserted = d.rows_inserted OPERATOR(pg_catalog.+) inserted,
           rows_updated = d.rows_updated OPERATOR(pg_catalog.+) updated,
           rows_kept = d.rows_kept OPERATOR(pg_catalog.+) CASE WHEN r.reloaded THEN 0 ELSE kept END,
           latest_period = GREATEST(d.latest_period, latest)
     WHERE d.id OPERATOR(pg_catalog.=) r.id
       AND (inserted OPERATOR(pg_catalog.+) updated OPERATOR(pg_catalog.>) 0
            OR (kept OPERATOR(pg_catalog.>) 0 AND NOT r.reloaded) OR latest OPERATOR(pg_catalog.>) d.latest_period
            OR (d.latest_period IS NULL AND latest IS NOT NULL))
$fn$;
COMMENT ON FUNCTION @extschema@.load_release_count(@extschema@.load_release, bigint, bigint, bigint, date) IS
    'Loader helper: adds what a load inserted, updated and kept to its release''s counts, and its newest period';

-- The one merge. Brings target to the staged rows (staging, LIKE target) and
-- returns what it wrote or kept: (action, table_name, key, old_value,
-- new_value), values without the key columns, shipped and release_id.
--   inserted    a key target lacks
--   updated     the figure differs and its release is not newer than this one's
--               (the replaced figure goes to the vintage table: its own row)
--   kept_newer  the figure differs and target holds it from a newer release:
--               target is not written, this release's figure goes to the vintage table
--   kept_user   release scripts only: the key is the user's (user_edit), not written
-- An equal figure is not reported (a row without a release adopts this one; an
-- equal figure from an older release is still kept as a vintage). The vintage
-- table of <t> is holdings.<t>_vintage if it exists, else figure_vintage;
-- tables without release_id (reference tables, lineage_merge) have none, and
-- there every differing shipped row is updated. r null: a release script's
-- merge of rows without a release (reference tables, the bank figures of
-- position: lineage_merge). Rows of target not staged are left alone.
CREATE FUNCTION @extschema@.load_merge(target regclass, staging regclass, r @extschema@.load_release)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    tname text := (SELECT c.relname FROM pg_class c WHERE c.oid = target);
    keys text[] := @extschema@.lineage_key_columns(target);
    in_release boolean := @extschema@.lineage_in_release_script();
    -- No report only for a release script's load_data_file: the setting is
    -- any session's, role's or database's to set, and must not silence (or
    -- change) what a user's or the refresh command's loader returns.
    report boolean := NOT (in_release AND coalesce(pg_catalog.current_setting('holdings_load.report', true), '') = 'off');
    writing boolean := NOT coalesce(r.dry_run, false);
    has_release boolean;
    user_keys boolean;
    vintage_table regclass;
    vstage regclass;
    plan text := 'holdings_merge_' || (SELECT c.relname FROM pg_class c WHERE c.oid = target);
    ignored text[];
    on_key text;
    cols text;
    pcols text;
    same text;
    fresh text;
    inserted bigint := 0;
    overlap boolean;
    first_type text;
    ranged boolean;
    first_min text;
    first_max text;
    staged_rows bigint;
    known_rows bigint;
    updated_rows bigint;
    adopted_rows bigint;
    kept_rows bigint;
    vintage_rows bigint;
    latest date;
BEGIN
    IF target IS NULL OR staging IS NULL THEN
        RAISE EXCEPTION 'load_merge needs a target and a staging table' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    has_release := EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target AND a.attname = 'release_id' AND NOT a.attisdropped);
    IF has_release AND tname <> 'figure_vintage' AND tname NOT LIKE '%\_vintage' THEN
        vintage_table := coalesce(pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') || '.' || pg_catalog.quote_ident(tname || '_vintage')),
                                  '@extschema@.figure_vintage'::regclass);
    END IF;
    -- Release scripts never write a key of user_edit (the user's row, or a
    -- shipped row the user deleted). Read only in a release script: a loading
    -- role has no SELECT on user_edit, and `in_release AND EXISTS (...)` is
    -- one query whose generic plan (chosen after a few calls) checks that
    -- privilege even when in_release is false.
    user_keys := false;
    IF in_release THEN
        user_keys := EXISTS (SELECT 1 FROM @extschema@.user_edit e WHERE e.table_name = tname);
    END IF;
    -- A figure is the same whichever dataset or release printed it.
    ignored := CASE WHEN has_release THEN ARRAY['shipped', 'source_id', 'release_id'] ELSE ARRAY['shipped'] END;
    SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') INTO on_key FROM unnest(keys) AS k;
    SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum),
           string_agg(CASE WHEN a.attname = 'release_id' THEN 'coalesce(s.release_id, $1)' ELSE format('s.%I', a.attname) END,
                      ', ' ORDER BY a.attnum)
      INTO cols, pcols
      FROM pg_attribute a WHERE a.attrelid = target AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'shipped';
    -- Whether the staged figure equals the stored one: column by column
    -- (built-in types by their equality, others by their canonical text).
    SELECT coalesce(string_agg(CASE WHEN ty.typnamespace = 'pg_catalog'::regnamespace
                                    THEN format('t.%1$I IS NOT DISTINCT FROM s.%1$I', a.attname)
                                    ELSE format('t.%1$I::text IS NOT DISTINCT FROM s.%1$I::text', a.attname) END,
                               ' AND ' ORDER BY a.attnum), 'true')
      INTO same
      FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
     WHERE a.attrelid = target AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname <> ALL (ignored) AND a.attname <> ALL (keys);

    -- Keys target has: the plan, every such staged row with its action (one
    -- join; the old row as jsonb only where it differs).
    IF pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(plan)) IS NOT NULL THEN
        EXECUTE format('DROP TABLE pg_temp.%I', plan);
    END IF;
    -- The staged rows, counted once, with their newest period and the range
    -- of their keys' first column: when target holds no key in that range (a
    -- new series), no key can match and the plan is empty without the join
    -- (one range probe of target, never a pass over it per staged row).
    first_type := (SELECT pg_catalog.format_type(a.atttypid, NULL) FROM pg_attribute a
                    WHERE a.attrelid = target AND a.attname = keys[1]);
    ranged := pg_catalog.to_regprocedure(format('pg_catalog.min(%s)', first_type)) IS NOT NULL;
    EXECUTE format('SELECT pg_catalog.count(*), %s, %s FROM %s s',
                   CASE WHEN 'as_of' = ANY (keys)
                        THEN format('pg_catalog.max(s.as_of) FILTER (WHERE coalesce(%s, $1) = $1)',
                                    CASE WHEN has_release THEN 's.release_id' ELSE 'NULL::text' END)
                        ELSE 'NULL::date' END,
                   CASE WHEN ranged THEN format('pg_catalog.min(s.%1$I)::text, pg_catalog.max(s.%1$I)::text', keys[1])
                        ELSE 'NULL::text, NULL::text' END,
                   staging)
        INTO staged_rows, latest, first_min, first_max USING r.id;
    IF staged_rows = 0 THEN
        overlap := false;
    ELSIF ranged THEN
        -- (One value, a single series: an equality probe, no ordering of text
        -- under the collation, cheap also on a table without its index.)
        EXECUTE pg_catalog.format(CASE WHEN first_min = first_max THEN 'SELECT EXISTS (SELECT FROM %1$s t WHERE t.%2$I = $1::%3$s)'
                            ELSE 'SELECT EXISTS (SELECT FROM %1$s t WHERE t.%2$I >= $1::%3$s AND t.%2$I <= $2::%3$s)' END,
                       target, keys[1], first_type)
            INTO overlap USING first_min, first_max;
    ELSE
        overlap := true;
    END IF;
    -- Statistics of the staged keys, what the plan's join on them estimates
    -- from (the other columns' would cost more than they help). When no key
    -- can match (a new series, a first load): no statistics and no plan
    -- (every staged row is new).
    known_rows := 0; updated_rows := 0; adopted_rows := 0; kept_rows := 0; vintage_rows := 0;
    IF overlap THEN
        EXECUTE pg_catalog.format('ANALYZE %s (%s)', staging, (SELECT pg_catalog.string_agg(pg_catalog.format('%I', k), ', ') FROM pg_catalog.unnest(keys) AS k));
        EXECUTE format(
            'CREATE TEMPORARY TABLE %1$I ON COMMIT DROP AS
             SELECT q.*,
                    CASE WHEN $1 AND NOT q._old_shipped THEN CASE WHEN q._same THEN ''same'' ELSE ''kept_user'' END
                         WHEN q._old_vintage > q._new_vintage THEN CASE WHEN q._same THEN ''older_same'' ELSE ''kept_newer'' END
                         WHEN q._same THEN CASE WHEN %2$L AND q._old_release IS NULL THEN ''adopted'' ELSE ''same'' END
                         ELSE ''updated'' END AS _action
               FROM (SELECT s.*, t.shipped AS _old_shipped,
                            CASE WHEN NOT (%3$s) THEN pg_catalog.to_jsonb(t) END AS _old,
                            %4$s AS _old_release, %5$s AS _old_vintage, %6$s AS _new_vintage, (%3$s) AS _same
                       FROM %7$s s JOIN %8$s t ON %9$s %10$s) q',
            plan, has_release, same,
            CASE WHEN has_release THEN 't.release_id' ELSE 'NULL::text' END,
            CASE WHEN has_release THEN 'od.vintage' ELSE 'NULL::date' END,
            CASE WHEN has_release THEN 'coalesce(nd.vintage, $2)' ELSE 'NULL::date' END,
            staging, target, on_key,
            CASE WHEN has_release THEN 'LEFT JOIN @extschema@.data_release od ON od.id = t.release_id
                                        LEFT JOIN @extschema@.data_release nd ON nd.id = s.release_id' ELSE '' END)
            USING in_release, r.vintage;
        -- (What the plan holds, counted once: the steps with nothing to do are skipped.)
        EXECUTE format('SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE p._action = ''updated''),
                               pg_catalog.count(*) FILTER (WHERE p._action = ''adopted''),
                               pg_catalog.count(*) FILTER (WHERE p._action IN (''kept_newer'', ''kept_user'')),
                               pg_catalog.count(*) FILTER (WHERE p._action IN (''updated'', ''kept_newer'', ''older_same''))
                          FROM %I p', plan)
            INTO known_rows, updated_rows, adopted_rows, kept_rows, vintage_rows;
    END IF;
    -- Keys target lacks: inserted, unless the user deleted the shipped row (a
    -- release script). The plan holds every staged row whose key target has
    -- (staged keys are unique: load_check), so these are the staged rows the
    -- plan lacks: all of them when it is empty or absent (a first load), none
    -- when it holds all (a reload), else an anti-join with the plan, never a
    -- pass over target.
    fresh := format('FROM %s s WHERE ', staging)
             || CASE WHEN known_rows = 0 THEN 'true'
                     WHEN staged_rows = known_rows THEN 'false'
                     ELSE format('NOT EXISTS (SELECT FROM %I t WHERE %s)', plan, on_key) END;

    IF report THEN
        RETURN QUERY EXECUTE format(
            'SELECT * FROM (%2$s
                 SELECT CASE WHEN %3$s THEN ''kept_user'' ELSE ''inserted'' END, %1$L::text, %4$s AS key, NULL::jsonb,
                        pg_catalog.to_jsonb(s) - $1
                   %5$s) AS x
              ORDER BY x.key',
            tname,
            CASE WHEN overlap
                 THEN format('SELECT p._action, %L::text, %s AS key, p._old - $1, pg_catalog.to_jsonb(p) - $1 - $2
                                FROM %I p WHERE p._action IN (''updated'', ''kept_newer'', ''kept_user'')
                              UNION ALL', tname, @extschema@.lineage_key_expr(target, 'p'), plan)
                 ELSE '' END,
            CASE WHEN user_keys THEN format('EXISTS (SELECT FROM @extschema@.user_edit x WHERE x.table_name = %L AND x.key = %s)',
                                            tname, @extschema@.lineage_key_expr(target, 's'))
                 ELSE 'false' END,
            @extschema@.lineage_key_expr(target, 's'), fresh)
            USING keys || ARRAY['shipped', 'release_id'],
                  ARRAY['_old_shipped', '_old', '_old_release', '_old_vintage', '_new_vintage', '_same', '_action'];
    END IF;

    IF writing THEN
        IF updated_rows > 0 THEN
            EXECUTE format('UPDATE %s t SET (%s) = ROW(%s) FROM %I s WHERE %s AND s._action = ''updated''',
                           target, cols, pcols, plan, on_key) USING r.id;
        END IF;
        IF has_release AND adopted_rows > 0 THEN  -- an equal figure without a release takes this one
            EXECUTE format('UPDATE %s t SET source_id = s.source_id, release_id = coalesce(s.release_id, $1)
                              FROM %I s WHERE %s AND s._action = ''adopted''', target, plan, on_key) USING r.id;
        END IF;
        EXECUTE format('INSERT INTO %s (%s, shipped) SELECT %s, $2 %s %s',
                       target, cols, pcols, fresh,
                       CASE WHEN user_keys THEN format('AND NOT EXISTS (SELECT FROM @extschema@.user_edit x WHERE x.table_name = %L AND x.key = %s)',
                                                       tname, @extschema@.lineage_key_expr(target, 's'))
                            ELSE '' END)
            USING r.id, in_release;
        GET DIAGNOSTICS inserted = ROW_COUNT;
    END IF;

    -- Vintages: the replaced figure of an update, this release's figure where
    -- a newer one stays; one row per key, dataset and release (the vintage
    -- table's key has the release), so merged by the same rules a vintage of
    -- one release is never replaced by another release's, and a reload finds
    -- its own rows the same. A replaced figure without a release (written by
    -- hand) is kept under release_id ''.
    IF vintage_table IS NOT NULL AND vintage_rows > 0 THEN
        vstage := @extschema@.load_staging(vintage_table, 'holdings_merge_vintage_' || tname);
        EXECUTE format(
            'INSERT INTO %1$s SELECT v.* FROM %2$I p,
                 LATERAL (SELECT CASE WHEN p._action = ''updated''
                                      THEN p._old || pg_catalog.jsonb_build_object(''release_id'', coalesce(p._old ->> ''release_id'', ''''))
                                      ELSE pg_catalog.to_jsonb(p) || pg_catalog.jsonb_build_object(''release_id'', coalesce(p.release_id, $1, '''')) END AS f) f,
                 LATERAL pg_catalog.jsonb_populate_record(NULL::%1$s, %3$s) v
              WHERE p._action IN (''updated'', ''kept_newer'', ''older_same'')',
            vstage, plan,
            CASE WHEN vintage_table = '@extschema@.figure_vintage'::regclass
                 THEN format('pg_catalog.jsonb_build_object(''table_name'', %L::text, ''key'', %s, ''source_id'', f.f -> ''source_id'',
                                  ''release_id'', f.f -> ''release_id'', ''shipped'', true, ''figure'', f.f - $2 - $3)',
                             tname, @extschema@.lineage_key_expr(target, 'p'))
                 ELSE 'f.f' END)
            USING r.id, keys || ARRAY['shipped', 'source_id', 'release_id'],
                  ARRAY['_old_shipped', '_old', '_old_release', '_old_vintage', '_new_vintage', '_same', '_action'];
        RETURN QUERY SELECT * FROM @extschema@.load_merge(vintage_table, vstage, r);
        EXECUTE format('DROP TABLE %s', vstage);
    END IF;

    IF r.id IS NOT NULL AND writing THEN
        PERFORM @extschema@.load_release_count(r, inserted, updated_rows, kept_rows, latest);
    END IF;
    IF overlap THEN
        EXECUTE format('DROP TABLE pg_temp.%I', plan);
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_merge(regclass, regclass, @extschema@.load_release) IS
    'The one merge of every loader and release script: inserts new keys, updates figures unless a newer release holds them (kept_newer), keeps replaced and older figures as vintages, never writes a user''s key in a release script (kept_user); returns every row written or kept';
