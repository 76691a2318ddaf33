-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

-- The schema guard first: an upgrade, too, runs as a superuser in the schema
-- holdings, and must not run next to objects another role controls.
--@include src/install/00_schema_guard.sql

-- lineage_key_match takes the key as SQL (a new argument, default $1): the
-- check below matches each journal row's key through it.
DROP FUNCTION @extschema@.lineage_key_match(regclass, text);
--@create-functions lineage_key_match
-- 0.2.0's journal may hold forged rows (issue 18): keep only those the tables
-- show (lineage_edit_unshown), before anything below changes a table; set the
-- rest aside.
--@include src/install/07_user_edit_quarantine.sql
DO $quarantine$
DECLARE
    tn text;
    t regclass;
    moved bigint := 0;
    n bigint;
BEGIN
    -- Journal rows naming no table of the extension.
    WITH gone AS (
        DELETE FROM @extschema@.user_edit e
         WHERE pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') OPERATOR(pg_catalog.||) '.'
                                      OPERATOR(pg_catalog.||) pg_catalog.quote_ident(e.table_name)) IS NULL
            OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g
                            WHERE g.tgrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@')
                                      OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(e.table_name))
                              AND g.tgname OPERATOR(pg_catalog.=) 'lineage_record')
        RETURNING e.*)
    INSERT INTO @extschema@.user_edit_quarantine (table_name, key, row_data, supersedes_shipped, edited_at, reason)
    SELECT g.table_name, g.key, g.row_data, g.supersedes_shipped, g.edited_at, 'names no tracked table of the extension'
      FROM gone g;
    GET DIAGNOSTICS moved = ROW_COUNT;
    FOR tn, t IN SELECT DISTINCT e.table_name, pg_catalog.to_regclass(pg_catalog.quote_ident('@extschema@') OPERATOR(pg_catalog.||) '.'
                                                                   OPERATOR(pg_catalog.||) pg_catalog.quote_ident(e.table_name))
                   FROM @extschema@.user_edit e LOOP
        EXECUTE pg_catalog.format($q$
            WITH gone AS (
                DELETE FROM @extschema@.user_edit e
                 WHERE e.table_name = $1 AND %s
                RETURNING e.*)
            INSERT INTO @extschema@.user_edit_quarantine (table_name, key, row_data, supersedes_shipped, edited_at, reason)
            SELECT g.table_name, g.key, g.row_data, g.supersedes_shipped, g.edited_at,
                   CASE WHEN g.row_data IS NULL THEN 'a deletion mark for a row the table still has'
                        ELSE 'a row the table does not show' END
              FROM gone g$q$, @extschema@.lineage_edit_unshown(t)) USING tn;
        GET DIAGNOSTICS n = ROW_COUNT;
        moved := moved OPERATOR(pg_catalog.+) n;
    END LOOP;
    IF moved OPERATOR(pg_catalog.>) 0 THEN
        RAISE WARNING 'holdings: % journal rows did not match the tables and were moved to holdings.user_edit_quarantine', moved
            USING DETAIL = '0.2.0 let any role write the journal (issue 18); a restore would have written these rows over the figures.',
                  HINT = 'SELECT * FROM holdings.user_edit_quarantine; write again in its table any row that was yours.';
    END IF;
END
$quarantine$;

-- Lineage (issue 18): user_edit's replay becomes a statement trigger (a new
-- definition, made again by 06_lineage_replay.sql below).
DROP TRIGGER user_edit_replay ON @extschema@.user_edit;

-- Data releases, vintages of every figure table, the load lock, the one merge
-- (new in 0.3.0).
--@include src/install/44_data_release.sql
-- The loaders' one staging-and-merge step (new in 0.3.0).
--@include src/install/46_load_helpers.sql

-- Every figure points to its release (a fresh install has the column last, too).
ALTER TABLE @extschema@.position ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.position.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
ALTER TABLE @extschema@.position_comparison ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.position_comparison.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
ALTER TABLE @extschema@.fx_rate ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.fx_rate.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
ALTER TABLE @extschema@.dollar_index ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.dollar_index.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
ALTER TABLE @extschema@.transaction ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.transaction.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
-- position_vintage keeps one row per key, dataset and release (46_flows.sql):
-- the release joins its primary key ('' for a row written by hand; 0.2.0's
-- rows take their release after the loads below, and so do the keys of the
-- user's edits in user_edit).
ALTER TABLE @extschema@.position_vintage ADD COLUMN release_id text NOT NULL DEFAULT '';
COMMENT ON COLUMN @extschema@.position_vintage.release_id IS 'The data release (holdings.data_release.id) the figure comes from; '''' for a row written by hand (part of the primary key: one row per key, dataset and release)';
COMMENT ON TABLE @extschema@.position_vintage IS
    'Figures for a key of position that position does not ship: older vintages and less precise printings of the same figure, per source and release';
ALTER TABLE @extschema@.position_vintage DROP CONSTRAINT position_vintage_pkey,
    ADD PRIMARY KEY (holder_id, instrument, as_of, source_id, release_id);
ALTER TABLE @extschema@.custody_holding ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.custody_holding.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';
ALTER TABLE @extschema@.treasury_yield ADD COLUMN release_id text;
COMMENT ON COLUMN @extschema@.treasury_yield.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

-- The loaders take the file's vintage, URL and name (new signatures) and go
-- through load_check and load_merge; their 0.2.0 helpers are gone.
DROP FUNCTION @extschema@.load_tic_form_s(text, text, boolean);
DROP FUNCTION @extschema@.load_tic_slt_table3(text, text, boolean);
DROP FUNCTION @extschema@.load_tic_slt_table5(text, text, boolean);
DROP FUNCTION @extschema@.load_fred_series(text, text, boolean);
DROP FUNCTION @extschema@.load_tic_mfh(text, text, boolean);
DROP FUNCTION @extschema@.load_fed_h10_monthly(text, text, boolean);
DROP FUNCTION @extschema@.load_ecb_rates(text, text, boolean);
DROP FUNCTION @extschema@.load_positions(regclass, boolean);
DROP FUNCTION @extschema@.load_apply(regclass, regclass, boolean);
DROP FUNCTION @extschema@.check_tic_rows(text, jsonb);
DROP FUNCTION @extschema@.check_source(text);
-- Every loader, declared once (holdings.loader, loader_step, load_run).
--@include src/install/47_loaders.sql

-- ---- issue 20 (flows), before --@changed-functions: monthly_components changes
-- its result columns, so it and the views over monthly_flows are dropped and
-- made again here (the changed-functions step then replaces it with itself).
DROP VIEW @extschema@.bi_flow_decomposition;
DROP VIEW @extschema@.bi_flows;
DROP VIEW @extschema@.series_boundary;
DROP VIEW @extschema@.monthly_flows;
DROP FUNCTION @extschema@.monthly_components(text);
-- Yields as of a date, the market's return, the duration model and the base.
-- flow_decompose's instrument form and its two new result attributes.
--@include src/install/56_flow_decompose_instrument.sql
--@include src/install/63_price_effect.sql
--@include src/install/66_flow_views.sql
COMMENT ON COLUMN @extschema@.transaction.valuation_change IS 'Valuation change reported with the flow (Table 3 long-term from 2023-02); null where not reported, as for every bills row (bills flows are changes in holdings: TIC reports no valuation for them)';

-- Functions whose body changed (same signature).
--@changed-functions

-- Issue 18 item 3: fx_rate_changed() acts only on the extension's fx_rate and
-- rate_set (its new body comes with the changed functions above; PUBLIC loses
-- EXECUTE in 96_privileges.sql below).

-- Issue 23: the FX aggregates take a currency_code (no collation), so that
-- postgres_fdw sends them to shards; text arguments reach them through an
-- implicit cast. The released text aggregates and their text step go (a view
-- of the user's that calls them must be dropped first and created again after
-- the update: its text then binds to the new aggregates unchanged).
DO $check$
DECLARE
    dependents text;
BEGIN
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), '; ')
      INTO dependents
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.refobjid
      JOIN pg_catalog.pg_extension e ON e.extnamespace OPERATOR(pg_catalog.=) p.pronamespace
     WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
       AND d.deptype OPERATOR(pg_catalog.=) 'n'
       AND e.extname OPERATOR(pg_catalog.=) 'holdings'
       AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['net_foreign_selling', 'fx_decompose']::pg_catalog.name[])
       AND p.pronargs OPERATOR(pg_catalog.=) 3
       AND p.proargtypes[2] OPERATOR(pg_catalog.=) 'pg_catalog.text'::pg_catalog.regtype;
    IF dependents IS NOT NULL THEN
        RAISE EXCEPTION 'holdings 0.3.0 replaces net_foreign_selling(holding, date, text) and fx_decompose(holding, date, text), which these objects use: %', dependents
            USING ERRCODE = 'dependent_objects_still_exist',
                  HINT = 'Drop them, run ALTER EXTENSION holdings UPDATE, then create them again with the same text: it binds to the new aggregates (report currency of type holdings.currency_code; text arguments are cast to it).';
    END IF;
END
$check$;
DROP AGGREGATE @extschema@.net_foreign_selling(@extschema@.holding, date, text);
DROP AGGREGATE @extschema@.fx_decompose(@extschema@.holding, date, text);
DROP FUNCTION @extschema@.fx_levels_accum(internal, @extschema@.holding, date, text);
--@include src/install/52_fx_aggregates.sql
-- Issue 20: net foreign purchases, holdings_decline (its FX form takes a
-- currency_code, made just above), period labels, did_they_sell.
--@include src/install/68_flow_answers.sql

-- Lineage (issue 18): the replay queue, the new lineage functions, the event
-- trigger, and EXECUTE revoked from PUBLIC.
--@include src/install/06_lineage_replay.sql

-- Loading the installed data files, and their freshness (new in 0.3.0).
--@include src/install/49_data_files.sql

-- Issue 20 (flows): TIC Table 3D's parser (new in 0.3.0; its loader came with
-- 47_loaders.sql above); the shipped loads below load its file (after Table 3,
-- mfhhis01 and Table 5).
--@include src/install/49_table3d.sql

-- The reference rows of 0.3.0 (sources, codes, labels, bank figures), merged
-- under the lineage rules; then every shipped file through its loader (the
-- figures 0.2.0 shipped adopt their release; newer ones replace them).
--@release-data current new_
-- The loaders map labels through tic_label and fx_label. A user may have
-- changed or deleted a shipped label; the release's figures are mapped with
-- the release's labels (as a fresh install does before the user's edits), so
-- those are kept aside for the loads below.
CREATE TEMPORARY TABLE holdings_release_tic_label AS SELECT * FROM pg_temp.new_tic_label;
CREATE TEMPORARY TABLE holdings_release_fx_label AS SELECT * FROM pg_temp.new_fx_label;
SELECT @extschema@.lineage_apply_release('new_');
-- While this script writes them, the lineage triggers of the figure tables
-- would do nothing for each of their rows (a release script writes shipped
-- rows); 95_lineage_tracking.sql below puts them back.
DO $quiet$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['position', 'position_comparison', 'position_vintage', 'transaction', 'custody_holding',
                             'treasury_yield', 'fx_rate', 'dollar_index'] LOOP
        EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I DISABLE TRIGGER lineage_mark, DISABLE TRIGGER lineage_record', t);
    END LOOP;
END
$quiet$;
-- Issue 20: bills flows carry no reported valuation (TIC reports none for
-- them; 0.2.0 shipped zero). The shipped rows say so before the loads, which
-- would otherwise keep 0.2.0's zero as a superseded vintage that a fresh
-- install does not have. A user's row (not shipped) is left alone.
UPDATE @extschema@.transaction SET valuation_change = NULL
 WHERE shipped AND instrument = 'UST-BILLS' AND series = 'tic-bills-change' AND valuation_change IS NOT NULL;
CREATE TEMPORARY TABLE holdings_live_tic_label AS SELECT * FROM @extschema@.tic_label;
CREATE TEMPORARY TABLE holdings_live_fx_label AS SELECT * FROM @extschema@.fx_label;
DELETE FROM @extschema@.tic_label;
INSERT INTO @extschema@.tic_label SELECT * FROM pg_temp.holdings_release_tic_label;
DELETE FROM @extschema@.fx_label;
INSERT INTO @extschema@.fx_label SELECT * FROM pg_temp.holdings_release_fx_label;
--@shipped-data
-- position_vintage: 0.2.0 kept one vintage per key and dataset, and each
-- dataset was one shipped file: a row of 0.2.0 (release '') is the figure of
-- its dataset's release. The loads above wrote the releases' vintages next
-- to them (the key has the release), as a fresh install has them.
-- 1. The user's edits (0.2.0's key: holder, instrument, as_of, source) take
--    the release of their dataset ('' for a dataset without a shipped
--    release: the user's own): a row of the user's moves there, over the row
--    the loads wrote (the user's row wins, as in a load's kept_user), and a
--    deletion mark deletes it.
-- 2. 0.2.0's shipped rows go where the loads wrote the same key, dataset and
--    release (or the user's edit stands), else take their dataset's release
--    (a key the loads did not reach: the user's row stood over it in position).
CREATE TEMPORARY TABLE holdings_vintage_edit ON COMMIT DROP AS
SELECT e.key, e.row_data IS NULL AS deleted,
       coalesce((SELECT d.id FROM @extschema@.data_release d
                  WHERE d.shipped AND d.source_id OPERATOR(pg_catalog.=) e.key[4]
                  ORDER BY d.vintage DESC, d.id DESC LIMIT 1), '') AS release_id
  FROM @extschema@.user_edit e
 WHERE e.table_name OPERATOR(pg_catalog.=) 'position_vintage' AND pg_catalog.cardinality(e.key) OPERATOR(pg_catalog.=) 4;
DELETE FROM @extschema@.position_vintage v USING pg_temp.holdings_vintage_edit e
 WHERE v.shipped AND v.holder_id OPERATOR(pg_catalog.=) e.key[1] AND v.instrument OPERATOR(pg_catalog.=) e.key[2]
   AND v.as_of OPERATOR(pg_catalog.=) e.key[3]::pg_catalog.date AND v.source_id OPERATOR(pg_catalog.=) e.key[4]
   AND v.release_id OPERATOR(pg_catalog.=) e.release_id;
UPDATE @extschema@.position_vintage v SET release_id = e.release_id FROM pg_temp.holdings_vintage_edit e
 WHERE NOT v.shipped AND NOT e.deleted AND v.release_id OPERATOR(pg_catalog.=) '' AND e.release_id OPERATOR(pg_catalog.<>) ''
   AND v.holder_id OPERATOR(pg_catalog.=) e.key[1] AND v.instrument OPERATOR(pg_catalog.=) e.key[2]
   AND v.as_of OPERATOR(pg_catalog.=) e.key[3]::pg_catalog.date AND v.source_id OPERATOR(pg_catalog.=) e.key[4];
-- (The journal rows take the same release: lineage_rekey_edits, which a
-- restored 0.2.0 dump's replay runs too.)
SELECT @extschema@.lineage_rekey_edits();
DROP TABLE pg_temp.holdings_vintage_edit;
CREATE TEMPORARY TABLE holdings_vintage_release ON COMMIT DROP AS
SELECT DISTINCT ON (d.source_id) d.source_id, d.id
  FROM @extschema@.data_release d WHERE d.shipped
 ORDER BY d.source_id, d.vintage DESC, d.id DESC;
DELETE FROM @extschema@.position_vintage v USING pg_temp.holdings_vintage_release d
 WHERE v.shipped AND v.release_id OPERATOR(pg_catalog.=) '' AND d.source_id OPERATOR(pg_catalog.=) v.source_id
   AND (EXISTS (SELECT FROM @extschema@.position_vintage w
                 WHERE w.holder_id OPERATOR(pg_catalog.=) v.holder_id AND w.instrument OPERATOR(pg_catalog.=) v.instrument
                   AND w.as_of OPERATOR(pg_catalog.=) v.as_of AND w.source_id OPERATOR(pg_catalog.=) v.source_id
                   AND w.release_id OPERATOR(pg_catalog.=) d.id)
        OR EXISTS (SELECT FROM @extschema@.user_edit u
                    WHERE u.table_name OPERATOR(pg_catalog.=) 'position_vintage'
                      AND u.key OPERATOR(pg_catalog.=) ARRAY[v.holder_id, v.instrument, pg_catalog.to_jsonb(v.as_of) OPERATOR(pg_catalog.#>>) '{}', v.source_id, d.id]));
UPDATE @extschema@.position_vintage v SET release_id = d.id FROM pg_temp.holdings_vintage_release d
 WHERE v.shipped AND v.release_id OPERATOR(pg_catalog.=) '' AND d.source_id OPERATOR(pg_catalog.=) v.source_id;
DROP TABLE pg_temp.holdings_vintage_release;
-- A shipped figure the loads did not reach (the user's row stood over its key,
-- so its vintage was not rewritten) belongs to its dataset's release, as in a
-- fresh install.
DO $adopt$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['position', 'position_comparison', 'transaction', 'custody_holding',
                             'treasury_yield', 'fx_rate', 'dollar_index'] LOOP
        EXECUTE pg_catalog.format(
            'UPDATE @extschema@.%I x SET release_id = d.id FROM @extschema@.data_release d
              WHERE x.release_id IS NULL AND x.shipped AND d.shipped AND d.source_id = x.source_id', t);
    END LOOP;
END
$adopt$;
-- The labels as they were (the user's edits included).
DELETE FROM @extschema@.tic_label;
INSERT INTO @extschema@.tic_label SELECT * FROM pg_temp.holdings_live_tic_label;
DELETE FROM @extschema@.fx_label;
INSERT INTO @extschema@.fx_label SELECT * FROM pg_temp.holdings_live_fx_label;
DROP TABLE pg_temp.holdings_release_tic_label, pg_temp.holdings_release_fx_label,
           pg_temp.holdings_live_tic_label, pg_temp.holdings_live_fx_label;

-- Foreign keys of the new columns and tables, then the lineage rules on the
-- new tables.
--@include src/install/91_release_constraints.sql
-- Every table under the lineage rules again (deferrable unique constraints,
-- triggers fired ALWAYS), the new tables too.
--@include src/install/95_lineage_tracking.sql

-- Privileges (issue 18): PUBLIC no longer executes the journal's machinery,
-- the loaders or the parsers.
--@include src/install/96_privileges.sql

-- Planner statistics on the figures' currency (new in 0.3.0), then the
-- statistics of the tables the data steps filled (as after a fresh install).
--@include src/install/92_statistics.sql
--@include src/install/97_analyze.sql
