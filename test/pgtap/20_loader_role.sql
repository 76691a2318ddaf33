-- The loaders are declared once (holdings.loader, loader_step, load_run,
-- src/install/47_loaders.sql), and a role that is not the owner loads with
-- exactly the grants docs/refresh.md documents (read from the document).
BEGIN;
SELECT plan(23);

-- One function per loader row, with the row's description as its comment,
-- and no loader function without a row.
SELECT set_eq($$
    SELECT p.proname::text FROM pg_proc p
     WHERE p.pronamespace = 'holdings'::regnamespace AND p.proname ~ '^load_'
       AND p.oid = pg_catalog.to_regprocedure(format('holdings.%I(text,text,boolean,date,text,text)', p.proname))$$,
    $$SELECT name FROM holdings.loader$$,
    'every loader function has its row in holdings.loader, and every row its function');
SELECT is_empty($$
    SELECT l.name FROM holdings.loader l
     WHERE obj_description(pg_catalog.to_regprocedure(format('holdings.%I(text,text,boolean,date,text,text)', l.name)),
                           'pg_proc') IS DISTINCT FROM l.description$$,
    'each loader function''s comment is its row''s description');
SELECT results_eq($$SELECT loader, pg_catalog.array_agg(target ORDER BY step) FROM holdings.loader_step GROUP BY 1 ORDER BY 1$$,
    $$VALUES ('load_ecb_rates', '{fx_rate}'::text[]),
             ('load_fed_h10_monthly', '{fx_rate}'),
             ('load_fred_series', '{custody_holding,treasury_yield,dollar_index}'),
             ('load_tic_form_s', '{transaction}'),
             ('load_tic_mfh', '{position,position_vintage,position_comparison}'),
             ('load_tic_slt_table3', '{position,transaction}'),
             ('load_tic_slt_table5', '{position,position_vintage}'),
             ('load_tic_table3d', '{position_vintage,transaction}')$$,
    'what each loader writes, in order');
SELECT throws_ok($$SELECT * FROM holdings.load_run('load_nothing', 'x', 'fred-dgs10', true, NULL, NULL, NULL)$$,
    '42883', 'no loader "load_nothing"', 'load_run refuses a name that is not a loader');
SELECT throws_ok($$SELECT * FROM holdings.load_run(NULL, 'x', 'fred-dgs10', true, NULL, NULL, NULL)$$,
    '22004', 'load_run needs the name of a loader', 'and a null name');

-- The documented grants, as documented.
\set recipe `sed -n '/^.\{3\}sql test-grants:refresh$/,/^.\{3\}$/p' docs/refresh.md | sed '1d;$d'`
:recipe
CREATE ROLE holdings_loader_only;
GRANT USAGE ON SCHEMA holdings TO holdings_loader_only;
GRANT EXECUTE ON FUNCTION holdings.load_fred_series(text,text,boolean,date,text,text) TO holdings_loader_only;

-- A role with the loader alone cannot run the steps it calls as its caller.
SET ROLE holdings_loader_only;
SELECT throws_ok($$SELECT * FROM holdings.load_fred_series(E'observation_date,DGS10\n2026-11-30,4.11\n', 'fred-dgs10', true)$$,
    '42501', 'permission denied for function load_run', 'EXECUTE on a loader alone is not enough');
SELECT results_eq($$SELECT count(*) FROM holdings.loader_step$$, $$VALUES (15::bigint)$$,
    'any role reads what the loaders do');
SELECT throws_ok($$UPDATE holdings.loader_step SET mapping = 'SELECT 1' WHERE loader = 'load_fred_series'$$,
    '42501', NULL, 'no role but the owner changes a loader');
RESET ROLE;

-- Per-loader grants hold through load_run (review3): a role granted the FRED
-- loader and the steps, with every table the ECB loader writes, still cannot
-- run the ECB loader, directly or by name.
GRANT EXECUTE ON FUNCTION
    holdings.load_run(text,text,text,boolean,date,text,text), holdings.load_begin(text,text,date,text,text,boolean,date),
    holdings.load_check(text,regclass,text[],text,text,text,text[],text),
    holdings.load_stage_merge(regclass,text[],text,holdings.load_release),
    holdings.load_merge(regclass,regclass,holdings.load_release), holdings.load_staging(regclass,text),
    holdings.document_failure(text,bigint,text), holdings.parse_fred_csv(text), holdings.parse_ecb_eurofxref(text)
  TO holdings_loader_only;
GRANT SELECT ON holdings.source, holdings.currency TO holdings_loader_only;
GRANT SELECT, INSERT, UPDATE ON holdings.custody_holding, holdings.treasury_yield, holdings.dollar_index,
    holdings.figure_vintage, holdings.data_release, holdings.fx_rate TO holdings_loader_only;
GRANT SELECT, UPDATE ON holdings.load_lock TO holdings_loader_only;
SET ROLE holdings_loader_only;
SELECT throws_ok($$SELECT * FROM holdings.load_ecb_rates(E'Date,USD,JPY,\n2026-12-01,1.05,160.5,\n', 'ecb-eurofxref', true)$$,
    '42501', 'permission denied for function load_ecb_rates', 'a loader not granted is refused');
SELECT throws_ok($$SELECT * FROM holdings.load_run('load_ecb_rates', E'Date,USD,JPY,\n2026-12-01,1.05,160.5,\n', 'ecb-eurofxref',
                                                   true, NULL, NULL, NULL)$$,
    '42501', 'permission denied for function load_ecb_rates', 'and so is it by name through load_run');
RESET ROLE;

SET ROLE holdings_refresh;
SELECT throws_ok($$INSERT INTO holdings.loader (name, document, parse, key_columns, description)
                   VALUES ('load_mine', 'x', 'SELECT 1 AS line', '{line}', 'x')$$,
    '42501', NULL, 'the refresh role adds no loader either');
SELECT results_eq($$SELECT action, table_name, key, old_value ->> 'yield_percent', new_value ->> 'yield_percent',
                           new_value -> 'figure' ->> 'yield_percent'
                      FROM holdings.load_fred_series(E'observation_date,DGS10\n1962-02-14,4.09\n2026-11-30,4.11\n',
                                                     'fred-dgs10', true, '2026-12-02')$$,
    $$VALUES ('updated', 'treasury_yield', '{DGS10,1962-02-14}'::text[], '4.03', '4.09', NULL::text),
             ('inserted', 'treasury_yield', '{DGS10,2026-11-30}', NULL, '4.11', NULL),
             ('inserted', 'figure_vintage', '{treasury_yield,"[\"DGS10\", \"1962-02-14\"]",fred-dgs10,fred-dgs10/2026-04-21/60a7a37d852a}',
              NULL, NULL, '4.03')$$,
    'the refresh role''s dry run reports every row (a vintage''s key: key, dataset, release)');
SELECT results_eq($$SELECT action, table_name, key FROM holdings.load_fred_series(
                        E'observation_date,DGS10\n1962-02-14,4.09\n2026-11-30,4.11\n', 'fred-dgs10', false, '2026-12-02')$$,
    $$VALUES ('updated', 'treasury_yield', '{DGS10,1962-02-14}'::text[]),
             ('inserted', 'treasury_yield', '{DGS10,2026-11-30}'),
             ('inserted', 'figure_vintage', '{treasury_yield,"[\"DGS10\", \"1962-02-14\"]",fred-dgs10,fred-dgs10/2026-04-21/60a7a37d852a}')$$,
    'the refresh role loads');
-- Many loads in one session (as holdings-refresh runs every loader): the
-- loaders never read user_edit outside a release script (the role has no
-- SELECT on it; a condition holding that subquery checks the privilege once
-- its generic plan is chosen, after five calls).
SELECT is((SELECT pg_catalog.sum(n)::integer FROM pg_catalog.generate_series(1, 8) AS v,
                  LATERAL (SELECT pg_catalog.count(*) AS n FROM holdings.load_fred_series(
                               E'observation_date,DGS10\n2026-11-' || (10 + v) || E',4.0' || v || E'\n', 'fred-dgs10', false,
                               date '2026-11-20' + v)) AS x),
          8, 'eight loads in one session as the refresh role: each inserts its day, none reads user_edit');
-- An older file: kept_newer, its figure goes to the vintage table.
SELECT results_eq($$SELECT action, table_name, old_value ->> 'yield_percent', new_value ->> 'yield_percent'
                      FROM holdings.load_fred_series(E'observation_date,DGS10\n1962-02-14,4.01\n', 'fred-dgs10', false, '2026-11-02')
                     WHERE table_name = 'treasury_yield'$$,
    $$VALUES ('kept_newer', 'treasury_yield', '4.09', '4.01')$$,
    'an older file does not replace the refresh role''s newer figure');
RESET ROLE;
SELECT results_eq($$SELECT as_of, yield_percent, release_id FROM holdings.treasury_yield
                     WHERE series = 'DGS10' AND as_of IN ('1962-02-14', '2026-11-30') ORDER BY 1$$,
    $$SELECT d, y, r.id FROM (VALUES (date '1962-02-14', 4.09), (date '2026-11-30', 4.11)) AS v (d, y)
        CROSS JOIN (SELECT id FROM holdings.data_release WHERE source_id = 'fred-dgs10' AND vintage = '2026-12-02') AS r$$,
    'the figures are the newer file''s, pointing to its release');
SELECT results_eq($$SELECT rows_inserted, rows_updated, rows_kept FROM holdings.data_release
                     WHERE source_id = 'fred-dgs10' AND vintage IN ('2026-12-02', '2026-11-02') ORDER BY vintage DESC$$,
    $$VALUES (2::bigint, 1::bigint, 0::bigint), (1, 0, 1)$$,  -- (vintage rows count: inserted or updated)
    'each release counts what it wrote and kept (the older file''s vintage is a row of its own)');
-- Three releases of DGS10 for 1962-02-14 (the shipped 4.03, 2026-12-02's 4.09, 2026-11-02's
-- 4.01), then a fourth, newest (2026-12-09: 4.20) replacing 4.09: every release's figure is a
-- vintage row of its own, the newest stays in treasury_yield; each file again changes nothing.
SELECT results_eq($$SELECT action, table_name, key FROM holdings.load_fred_series(E'observation_date,DGS10\n1962-02-14,4.20\n',
                                                                                  'fred-dgs10', false, '2026-12-09')$$,
    $$SELECT * FROM (VALUES ('updated', 'treasury_yield', '{DGS10,1962-02-14}'::text[]),
                            ('inserted', 'figure_vintage',
                             ARRAY['treasury_yield', '["DGS10", "1962-02-14"]', 'fred-dgs10',
                                   (SELECT id FROM holdings.data_release WHERE source_id = 'fred-dgs10' AND vintage = '2026-12-02')])) x$$,
    'a third release replacing the figure adds the replaced one as its release''s vintage');
SELECT results_eq($$SELECT f.figure ->> 'yield_percent', d.vintage, f.release_id = d.id, f.shipped FROM holdings.figure_vintage f
                     JOIN holdings.data_release d ON d.id = f.release_id
                    WHERE f.table_name = 'treasury_yield' AND f.key = '["DGS10", "1962-02-14"]' AND f.source_id = 'fred-dgs10'
                    ORDER BY d.vintage$$,
    $$VALUES ('4.03', date '2026-04-21', true, false), ('4.01', '2026-11-02', true, false), ('4.09', '2026-12-02', true, false)$$,
    'every release''s figure is in figure_vintage, row by row, with its release (the shipped 4.03 was not overwritten; rows written by the role''s loads are not shipped)');
SELECT is((SELECT yield_percent::text || ' ' || d.vintage FROM holdings.treasury_yield y JOIN holdings.data_release d ON d.id = y.release_id
            WHERE y.series = 'DGS10' AND y.as_of = '1962-02-14'),
          '4.20 2026-12-09', 'the newest release''s figure stays in treasury_yield');
CREATE TEMP TABLE dgs10_before AS
SELECT 'y' AS t, to_jsonb(y)::text AS r FROM holdings.treasury_yield y WHERE y.series = 'DGS10'
UNION ALL SELECT 'v', to_jsonb(f)::text FROM holdings.figure_vintage f WHERE f.table_name = 'treasury_yield'
UNION ALL SELECT 'd', (to_jsonb(d) - 'loaded_at')::text FROM holdings.data_release d;
SELECT set_eq($$SELECT x.action, x.table_name FROM (VALUES (holdings.data_file('yields/DGS10.csv'), date '2026-04-21'),
                        (E'observation_date,DGS10\n1962-02-14,4.09\n2026-11-30,4.11\n', '2026-12-02'),
                        (E'observation_date,DGS10\n1962-02-14,4.01\n', '2026-11-02'),
                        (E'observation_date,DGS10\n1962-02-14,4.20\n', '2026-12-09')) AS f (doc, v),
                     LATERAL holdings.load_fred_series(f.doc, 'fred-dgs10', false, f.v) x$$,
    $$VALUES ('kept_newer', 'treasury_yield')$$,
    'the four files again: the older ones'' 1962-02-14 is kept_newer, nothing else is reported');
SELECT set_eq($$SELECT 'y' AS t, to_jsonb(y)::text AS r FROM holdings.treasury_yield y WHERE y.series = 'DGS10'
                UNION ALL SELECT 'v', to_jsonb(f)::text FROM holdings.figure_vintage f WHERE f.table_name = 'treasury_yield'
                UNION ALL SELECT 'd', (to_jsonb(d) - 'loaded_at')::text FROM holdings.data_release d$$,
              'SELECT * FROM dgs10_before',
    'and nothing changes: no yield, vintage or release row');
-- FRED's own refusal (loader.refuse) still names the document and line.
SELECT throws_ok($$SELECT * FROM holdings.load_fred_series(E'observation_date,DEXJPUS\n2026-11-30,150.1\n', 'fred-dgs10', true)$$,
    '22P02', 'FRED document, line 1: series DEXJPUS is not one holdings loads (WMTSECL1, DGS*, TWEXBGSMTH, DTWEXBGS)',
    'a series no table takes is refused');

SELECT * FROM finish();
ROLLBACK;
