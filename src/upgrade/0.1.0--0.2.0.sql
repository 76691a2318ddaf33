-- Upgrade source: 0.1.0 to 0.2.0 (tools/generate.py expands the --@ directives).
-- scripts/test-upgrade checks that the result equals a fresh 0.2.0 install.

-- Lineage: superseded, the lineage functions and triggers.
--@include src/install/05_lineage.sql

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

-- 0.1.0 could not tell every user change from a shipped row (a figure revised by
-- load_tic_mfh stayed shipped; four tables had no flag). A row is shipped iff
-- it equals the row 0.1.0 shipped for its key; a key 0.1.0 shipped that is gone
-- was deleted by the user, and is superseded.
--@release-data 0.1.0 old_
DO $classify$
DECLARE
    t regclass;
    staged regclass;
    on_key text;
BEGIN
    FOR t, staged IN
        SELECT c.oid::regclass, to_regclass('pg_temp.' || quote_ident('old_' || c.relname))
          FROM pg_catalog.pg_class c
         WHERE c.relnamespace = '@extschema@'::regnamespace AND c.relkind = 'r'
           AND to_regclass('pg_temp.' || quote_ident('old_' || c.relname)) IS NOT NULL
    LOOP
        SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') INTO on_key
          FROM unnest(@extschema@.lineage_key_columns(t)) AS k;
        EXECUTE format('UPDATE %s t SET shipped = false WHERE t.shipped AND NOT EXISTS (SELECT 1 FROM %s s WHERE %s
                          AND pg_catalog.to_jsonb(t) - ''shipped'' = pg_catalog.to_jsonb(s) - ''shipped'')',
                       t, staged, on_key);
        EXECUTE format('INSERT INTO @extschema@.superseded (table_name, key)
                        SELECT %L, %s FROM %s s
                         WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)',
                       (SELECT relname FROM pg_catalog.pg_class WHERE oid = t), @extschema@.lineage_key_expr(t, 's'),
                       staged, t, on_key);
        EXECUTE format('DROP TABLE %s', staged);
    END LOOP;
END
$classify$;

-- Coverage, home currency, sum_in, fx_rate_info, private holdings (new in 0.2.0).
--@include src/install/65_analyst.sql

-- The shipped data of 0.2.0, merged under the lineage rules.
--@release-data current new_
SELECT @extschema@.lineage_apply_release('new_');

-- Every table under the lineage rules (as 90_constraints.sql does).
SELECT @extschema@.lineage_track(t::regclass) FROM unnest(ARRAY[
    '@extschema@.source', '@extschema@.currency', '@extschema@.country', '@extschema@.holder',
    '@extschema@.tic_label', '@extschema@.position', '@extschema@.position_comparison',
    '@extschema@.disclosure', '@extschema@.fx_rate', '@extschema@.dollar_index',
    '@extschema@.country_currency', '@extschema@.euro_adoption']) AS t;
