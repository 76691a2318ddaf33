-- Every data table under the lineage rules (05_lineage.sql), after the data:
-- from here on, rows written outside an extension script are the user's.
-- The one list of tracked tables: the upgrade source includes this file too.
SELECT @extschema@.lineage_track(t::regclass) FROM pg_catalog.unnest(ARRAY[
    '@extschema@.source', '@extschema@.currency', '@extschema@.country', '@extschema@.holder',
    '@extschema@.tic_label', '@extschema@.position', '@extschema@.position_comparison',
    '@extschema@.disclosure', '@extschema@.fx_rate', '@extschema@.dollar_index',
    '@extschema@.rate_set',
    '@extschema@.transaction', '@extschema@.position_vintage', '@extschema@.custody_holding',
    '@extschema@.treasury_yield', '@extschema@.fx_label', '@extschema@.country_currency',
    '@extschema@.euro_adoption',
    '@extschema@.data_release', '@extschema@.figure_vintage']) AS t;
