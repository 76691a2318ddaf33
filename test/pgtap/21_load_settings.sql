-- The loaders under the caller's session (review4): the documented refresh
-- role (docs/refresh.md's grants) loads as many files in one session as a
-- refresh does, whatever plan the plan cache picks; the settings the loaders
-- pass between their steps (holdings_load.report, holdings_load.release)
-- change neither what a loader writes nor what it returns when a session, a
-- role or a database sets them (only a release script loads without a
-- report, straight into an empty table).
BEGIN;
SELECT plan(10);

\set recipe `sed -n '/^.\{3\}sql test-grants:refresh$/,/^.\{3\}$/p' docs/refresh.md | sed '1d;$d'`
:recipe

-- A monthly refresh loads some twenty files in one session; after five calls
-- the plan cache may keep load_merge's generic plans, which must not need
-- what the role lacks (SELECT on user_edit: a release script's only).
SET ROLE holdings_refresh;
SELECT results_eq($$SELECT pg_catalog.count(*), pg_catalog.count(DISTINCT x.key)
                      FROM pg_catalog.generate_series(1, 10) AS g,
                           LATERAL holdings.load_fred_series(pg_catalog.format(E'observation_date,DGS10\n2026-11-%s,4.%s\n', 10 + g, g),
                                                             'fred-dgs10', false, date '2026-12-01' + g) AS x
                     WHERE x.action = 'inserted'$$,
    $$VALUES (10::bigint, 10::bigint)$$,
    'the refresh role loads ten files in one session');
SET LOCAL plan_cache_mode = force_generic_plan;
SELECT results_eq($$SELECT action, table_name, key FROM holdings.load_fred_series(E'observation_date,DGS10\n2026-11-30,4.50\n',
                                                                                  'fred-dgs10', false, '2026-12-20')$$,
    $$VALUES ('inserted', 'treasury_yield', '{DGS10,2026-11-30}'::text[])$$,
    'and under generic plans');
SELECT results_eq($$SELECT action, table_name FROM holdings.load_fred_series(E'observation_date,DGS10\n2026-11-30,4.60\n',
                                                                             'fred-dgs10', true, '2026-12-21')$$,
    $$VALUES ('updated', 'treasury_yield'), ('inserted', 'figure_vintage')$$,
    'and its dry run, vintages included');
RESET plan_cache_mode;

-- holdings_load.report = off (what load_data_file sets for the install's and
-- upgrades' loads) set by the caller, or for the role or the database by
-- their owner: a loader still returns its report, into a table with rows ...
SET LOCAL holdings_load.report = off;
SELECT results_eq($$SELECT action, table_name FROM holdings.load_fred_series(E'observation_date,DGS10\n2026-11-30,4.70\n',
                                                                             'fred-dgs10', false, '2026-12-22')$$,
    $$VALUES ('updated', 'treasury_yield'), ('inserted', 'figure_vintage')$$,
    'holdings_load.report = off set by the caller: the loader still returns its report');
RESET ROLE;

-- ... and into an empty one (the owner deleted the monthly index's rows): the
-- report, and the rows as a merge writes them (not shipped, this release,
-- the release's counts and newest period).
DELETE FROM holdings.dollar_index;
SET ROLE holdings_refresh;
SELECT results_eq($$SELECT action, table_name, key, new_value FROM holdings.load_fred_series(
                        E'observation_date,DTWEXBGS\n2026-11-27,120.5\n2026-11-30,121.0\n', 'fred-dtwexbgs', false, '2026-12-02')$$,
    $$VALUES ('inserted', 'dollar_index', '{DTWEXBGS,2026-11-27}'::text[], '{"value": 120.5, "source_id": "fred-dtwexbgs"}'::jsonb),
             ('inserted', 'dollar_index', '{DTWEXBGS,2026-11-30}', '{"value": 121.0, "source_id": "fred-dtwexbgs"}')$$,
    'into an empty table too');
RESET ROLE;
SELECT results_eq($$SELECT i.series, i.as_of, i.value, i.shipped, i.release_id = d.id, d.rows_inserted, d.rows_updated, d.rows_kept,
                           d.latest_period, d.shipped
                      FROM holdings.dollar_index i JOIN holdings.data_release d ON d.source_id = 'fred-dtwexbgs' AND d.vintage = '2026-12-02'
                     ORDER BY i.as_of$$,
    $$VALUES ('DTWEXBGS', date '2026-11-27', 120.5, false, true, 2::bigint, 0::bigint, 0::bigint, date '2026-11-30', false),
             ('DTWEXBGS', '2026-11-30', 121.0, false, true, 2, 0, 0, '2026-11-30', false)$$,
    'the rows and the release as a merge writes them');
-- The same file again: nothing to report, nothing written.
SET ROLE holdings_refresh;
SELECT is_empty($$SELECT * FROM holdings.load_fred_series(E'observation_date,DTWEXBGS\n2026-11-27,120.5\n2026-11-30,121.0\n',
                                                           'fred-dtwexbgs', false, '2026-12-02')$$,
    'the same file again reports nothing');
RESET ROLE;
SELECT results_eq($$SELECT (SELECT pg_catalog.count(*) FROM holdings.dollar_index),
                           (SELECT d.rows_inserted FROM holdings.data_release d WHERE d.source_id = 'fred-dtwexbgs' AND d.vintage = '2026-12-02')$$,
    $$VALUES (2::bigint, 2::bigint)$$,
    'and writes nothing');
RESET holdings_load.report;

-- load_data_file returns the release its load recorded, whatever the session
-- set holdings_load.release to (load_begin sets it for each load).
SET LOCAL holdings_load.release = 'tic-form-s/2026-07-01/6ac22414083e';
SELECT results_eq($$SELECT id, rows_inserted, rows_updated, rows_kept, latest_period
                      FROM holdings.load_data_file('fed/fred_wmtsecl1.csv', 'load_fred_series', 'fred-wmtsecl1', '2026-07-02')$$,
    $$VALUES ('fred-wmtsecl1/2026-07-02/c9f0bcec4a78', 991::bigint, 0::bigint, 0::bigint, date '2026-06-24')$$,
    'load_data_file returns the release it loaded (the shipped one, loaded again: nothing changes)');
SELECT is(pg_catalog.current_setting('holdings_load.report'), '', 'load_data_file leaves no report setting behind');

SELECT * FROM finish();
ROLLBACK;
