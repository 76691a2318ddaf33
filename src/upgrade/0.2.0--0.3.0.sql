-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

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
-- Net foreign purchases, holdings_decline, period labels, did_they_sell.
--@include src/install/68_flow_answers.sql
COMMENT ON COLUMN @extschema@.transaction.valuation_change IS 'Valuation change reported with the flow (Table 3 long-term from 2023-02); null where not reported, as for every bills row (bills flows are changes in holdings: TIC reports no valuation for them)';

-- Functions whose body changed (same signature).
--@changed-functions

-- ---- issue 20 (flows): TIC Table 3D, bills flows from 2012-01 ----
-- Table 3D's parser and loader (new in 0.3.0).
--@include src/install/49_table3d.sql
-- The shipped data of 0.3.0 (Table 3D's vintages and bills flows, its holders,
-- bills rows without a reported valuation), merged under the lineage rules.
--@release-data current new_
SELECT @extschema@.lineage_apply_release('new_');
--@include src/install/97_analyze.sql
