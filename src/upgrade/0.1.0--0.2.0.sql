-- Upgrade source: 0.1.0 to 0.2.0, as released (history: the committed holdings--0.1.0--0.2.0.sql is what ships; this file no longer builds, as the install sources moved on).
-- scripts/test-dump (test/lineage/lineage_check.py upgrade) checks that 0.1.0 upgraded through this step equals a fresh install.

-- Lineage: user_edit, the lineage functions and triggers.
--@include src/install/05_lineage.sql

-- Rate sets, the rate cache's version row, the per_usd check, ENABLE ALWAYS
-- triggers (before anything below writes fx_rate).
--@include src/install/41_rate_set.sql

-- btree deduplication for holding (btequalimage).
--@include src/install/21_holding_equalimage.sql

-- Tables that had no "shipped" column in 0.1.0 (their rows are classified below).
ALTER TABLE @extschema@.currency ADD COLUMN shipped boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN @extschema@.currency.shipped IS 'True for rows installed by the extension';
ALTER TABLE @extschema@.country ADD COLUMN shipped boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN @extschema@.country.shipped IS 'True for rows installed by the extension';
ALTER TABLE @extschema@.position_comparison ADD COLUMN shipped boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN @extschema@.position_comparison.shipped IS 'True for rows installed by the extension';
ALTER TABLE @extschema@.dollar_index ADD COLUMN shipped boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN @extschema@.dollar_index.shipped IS 'True for rows installed by the extension';

-- C entry points renamed to holdings_<SQL name>; load_tic_mfh keeps unchanged
-- figures shipped.
--@changed-functions
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_mfh(text) FROM PUBLIC;

-- Casts for clients that send string parameters as varchar (pgJDBC setString).
--@include src/install/15_client_casts.sql

-- The BI views changed columns (explicit numeric precision, amount_usd): drop
-- and create them again (a view of yours on one of them must be dropped first).
DROP VIEW @extschema@.major_holders;
DROP VIEW @extschema@.positions;
DROP VIEW @extschema@.fx_rates_monthly;
DROP VIEW @extschema@.disclosures;
DROP VIEW @extschema@.dollar_index_monthly;
--@include src/install/60_views.sql

-- flow_decompose: flows, valuation and FX (new in 0.2.0).
--@include src/install/55_flows_aggregate.sql

-- Two-step FX aggregates (new in 0.2.0).
--@include src/install/70_two_step.sql

-- 0.1.0 saved the user's rows with pg_dump filters ("WHERE NOT shipped");
-- 0.2.0 saves user_edit instead: the tables leave pg_dump's configuration.
DO $unconfigure$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['source', 'holder', 'tic_label', 'position', 'disclosure', 'fx_rate'] LOOP
        EXECUTE format('ALTER EXTENSION holdings DROP TABLE @extschema@.%1$I; ALTER EXTENSION holdings ADD TABLE @extschema@.%1$I', t);
    END LOOP;
END
$unconfigure$;

-- 0.1.0 could not tell every user change from a shipped row (a figure revised
-- by load_tic_mfh stayed shipped; four tables had no flag). A row is shipped
-- iff it equals the row 0.1.0 shipped for its key; every other row is the
-- user's, and a key 0.1.0 shipped that is gone was deleted by the user. All of
-- it goes into user_edit, as the lineage triggers would have recorded it.
--@release-data 0.1.0 old_
DO $classify$
DECLARE
    t regclass;
    staged regclass;
    name text;
    on_key text;
BEGIN
    FOR t, staged, name IN
        SELECT c.oid::regclass, to_regclass('pg_temp.' || quote_ident('old_' || c.relname)), c.relname
          FROM pg_catalog.pg_class c
         WHERE c.relnamespace = '@extschema@'::regnamespace AND c.relkind = 'r'
           AND to_regclass('pg_temp.' || quote_ident('old_' || c.relname)) IS NOT NULL
    LOOP
        SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') INTO on_key
          FROM unnest(@extschema@.lineage_key_columns(t)) AS k;
        EXECUTE format('WITH mine AS (
                            UPDATE %1$s t SET shipped = false
                             WHERE NOT t.shipped OR NOT EXISTS (SELECT 1 FROM %2$s s WHERE %3$s
                                       AND pg_catalog.to_jsonb(t) - ''shipped'' = pg_catalog.to_jsonb(s) - ''shipped'')
                            RETURNING t.*)
                        INSERT INTO @extschema@.user_edit (table_name, key, row_data, supersedes_shipped)
                        SELECT %4$L, %5$s, pg_catalog.to_jsonb(t), EXISTS (SELECT 1 FROM %2$s s WHERE %3$s) FROM mine t',
                       t, staged, on_key, name, @extschema@.lineage_key_expr(t, 't'));
        EXECUTE format('INSERT INTO @extschema@.user_edit (table_name, key, row_data, supersedes_shipped)
                        SELECT %L, %s, NULL, true FROM %s s WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)',
                       name, @extschema@.lineage_key_expr(t, 's'), staged, t, on_key);
        EXECUTE format('DROP TABLE %s', staged);
    END LOOP;
END
$classify$;

-- Transactions, custody, yields and vintages (new in 0.2.0), with their foreign
-- keys (a fresh install adds these in 90_constraints.sql).
-- load_tic_mfh takes dry_run and reports like the other loaders (47_flow_loaders.sql).
DROP FUNCTION @extschema@.load_tic_mfh(text, text);
--@include src/install/46_flows.sql
--@include src/install/47_flow_loaders.sql
--@include src/install/48_fx_loaders.sql
ALTER TABLE @extschema@.transaction
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.position_vintage
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.custody_holding
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.treasury_yield
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
-- Coverage, home currency, sum_in, fx_rate_info, private holdings (new in 0.2.0).
--@include src/install/65_analyst.sql

-- The shipped data of 0.2.0, merged under the lineage rules.
--@release-data current new_
SELECT @extschema@.lineage_apply_release('new_');

-- Flow views and monthly components (new in 0.2.0).
--@include src/install/66_flow_views.sql

--@include src/install/95_lineage_tracking.sql
