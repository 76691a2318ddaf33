-- The catalog as users and BI tools see it: comments everywhere, volatility,
-- strictness and parallel safety as the truth, nothing outside the schema.
BEGIN;
SELECT plan(8);

SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
     WHERE p.pronamespace = 'holdings'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL$$,
    'every function and aggregate has a COMMENT');
SELECT is_empty($$
    SELECT c.oid::regclass, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'holdings'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0
       AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL$$,
    'every column of every table and view has a COMMENT');
SELECT is_empty($$
    SELECT c.oid::regclass FROM pg_class c
     WHERE c.relnamespace = 'holdings'::regnamespace AND c.relkind IN ('r', 'v')
       AND obj_description(c.oid, 'pg_class') IS NULL$$,
    'every table and view has a COMMENT');
SELECT set_eq($$
    SELECT proname::text FROM pg_proc WHERE pronamespace = 'holdings'::regnamespace AND provolatile = 'v'$$,
    ARRAY['fx_rate_changed', 'load_tic_mfh',
          'lineage_in_release_script', 'lineage_mark', 'lineage_record', 'lineage_replay', 'lineage_no_truncate',
          'lineage_track', 'lineage_merge', 'lineage_prune', 'lineage_apply_release',
          'lineage_replay_row', 'lineage_replay_queued', 'lineage_replay_pending', 'lineage_replay_after_alter', 'lineage_rekey_edits',
          'load_tic_form_s', 'load_tic_slt_table3', 'load_tic_slt_table5', 'load_fred_series', 'load_fed_h10_monthly', 'load_ecb_rates', 'load_staging', 'document_failure',
          'load_begin', 'load_check', 'load_merge', 'load_release_count', 'load_stage_merge', 'load_run', 'load_data_file', 'load_tic_table3d', 'data_file',
          'load_defer_indexes', 'load_restore_indexes'],
    'only triggers, loaders and the lineage machinery are VOLATILE');
SELECT set_eq($$
    SELECT proname::text FROM pg_proc WHERE pronamespace = 'holdings'::regnamespace AND provolatile = 's'
       AND prokind = 'f'$$,
    ARRAY['fx_rate', 'fx_convert', 'fx_net_selling_final', 'fx_decompose_final', 'monthly_components',
          'flow_decompose_final', 'flow_decompose_reported_final',
          'lineage_key_columns', 'lineage_key', 'lineage_key_match', 'lineage_key_expr', 'lineage_replaying', 'lineage_edit_unshown',
          'lineage_tracked',
          'net_foreign_selling', 'fx_decompose',  -- the two-step final steps on dated_levels
          -- they read tables too (fx_rate, position, the home-currency tables)
          'sum_in_accum', 'fx_rate_info', 'fx_rate_available', 'latest_complete_month', 'home_currency',
          -- issue 20: flows with their caveats, yields as of a date
          'did_they_sell', 'treasury_yield_at', 'flow_decompose_instrument_final'],
    'the functions that read fx_rate, other tables or the catalog are STABLE, nothing else');
SELECT set_eq($$
    SELECT proname::text FROM pg_proc WHERE pronamespace = 'holdings'::regnamespace AND proparallel <> 's'$$,
    ARRAY['fx_rate_changed', 'load_tic_mfh',
          'lineage_in_release_script', 'lineage_mark', 'lineage_record', 'lineage_replay', 'lineage_no_truncate',
          'lineage_track', 'lineage_merge', 'lineage_prune', 'lineage_apply_release',
          'lineage_replay_row', 'lineage_replay_queued', 'lineage_replay_pending', 'lineage_replay_after_alter', 'lineage_rekey_edits',
          'load_tic_form_s', 'load_tic_slt_table3', 'load_tic_slt_table5', 'load_fred_series', 'load_fed_h10_monthly', 'load_ecb_rates', 'load_staging',
          'load_begin', 'load_check', 'load_merge', 'load_release_count', 'load_stage_merge', 'load_run', 'load_data_file', 'load_tic_table3d',
          'load_defer_indexes', 'load_restore_indexes'],
    'everything but triggers, loaders and the lineage machinery is PARALLEL SAFE');
SELECT is_empty($$
    SELECT a.aggfnoid::regprocedure FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
     WHERE p.pronamespace = 'holdings'::regnamespace
       AND (a.aggcombinefn = 0 OR (a.aggtranstype = 'internal'::regtype
            AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0
                 OR NOT (SELECT proisstrict FROM pg_proc WHERE oid = a.aggserialfn)
                 OR NOT (SELECT proisstrict FROM pg_proc WHERE oid = a.aggdeserialfn))))$$,
    'every aggregate has a combine function, and STRICT serial/deserial functions for internal states');
SELECT is_empty($$
    SELECT d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
      JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
     WHERE e.extname = 'holdings' AND d.deptype = 'e' AND p.pronamespace <> 'holdings'::regnamespace$$,
    'every function of the extension lives in schema holdings');

SELECT * FROM finish();
ROLLBACK;
