-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

-- Functions whose body changed (same signature).
--@changed-functions

-- Issue 18 item 3: fx_rate_changed() acts only on the extension's fx_rate and
-- rate_set (its new body comes with the changed functions above) and is not
-- executable by PUBLIC.
REVOKE EXECUTE ON FUNCTION @extschema@.fx_rate_changed() FROM PUBLIC;

-- Issue 23: the FX aggregates take a currency_code (no collation), so that
-- postgres_fdw sends them to shards; text arguments reach them through an
-- implicit cast. The released text aggregates and their text step go (a view
-- of the user's that calls them must be dropped first and created again after
-- the update: its text then binds to the new aggregates unchanged).
DROP AGGREGATE @extschema@.net_foreign_selling(@extschema@.holding, date, text);
DROP AGGREGATE @extschema@.fx_decompose(@extschema@.holding, date, text);
DROP FUNCTION @extschema@.fx_levels_accum(internal, @extschema@.holding, date, text);
--@include src/install/52_fx_aggregates.sql
