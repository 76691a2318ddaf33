-- Parsers and loaders of the two exchange-rate files the extension ships: the
-- Federal Reserve H.10/G.5 monthly averages (datasets/exchange-rates layout)
-- and the ECB euro reference rates (eurofxref-hist.csv). Same contract as the
-- flow loaders (47_flow_loaders.sql): all or nothing, 22P02 naming the line,
-- (action, table_name, key, old_value, new_value), dry_run.

CREATE TABLE @extschema@.fx_label (
    label text PRIMARY KEY,
    currency text REFERENCES @extschema@.currency (code),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.fx_label IS
    'How a country label of the Federal Reserve H.10/G.5 monthly file maps to a currency; add a row when a release prints a new label';
COMMENT ON COLUMN @extschema@.fx_label.label IS 'Country label as printed';
COMMENT ON COLUMN @extschema@.fx_label.currency IS 'ISO 4217 code; null for a label that is not loaded (Venezuela: one label over several redenominations)';
COMMENT ON COLUMN @extschema@.fx_label.shipped IS 'True for rows installed by the extension';

-- The parsers (parse_fed_h10_monthly, parse_ecb_eurofxref) are in
-- 43_fx_parsers.sql.

-- load_fed_h10_monthly: into fx_rate, rate set fed-monthly.
CREATE FUNCTION @extschema@.load_fed_h10_monthly(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    staged regclass;
BEGIN
    PERFORM @extschema@.check_source(load_fed_h10_monthly.source_id);
    CREATE TEMPORARY TABLE holdings_load_h10 ON COMMIT DROP AS
    SELECT p.line, p.label, p.as_of, p.per_usd, m.label AS known, m.currency
      FROM @extschema@.parse_fed_h10_monthly(document) p LEFT JOIN @extschema@.fx_label m ON m.label = p.label;
    SELECT h.line, h.label INTO bad FROM holdings_load_h10 h WHERE h.known IS NULL ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        PERFORM @extschema@.document_failure('Fed H.10 document', bad.line, format('unknown country label "%s"', bad.label));
    END IF;
    SELECT max(h.line) AS line, h.label, h.as_of INTO bad FROM holdings_load_h10 h
     GROUP BY h.label, h.as_of HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        PERFORM @extschema@.document_failure('Fed H.10 document', bad.line, format('a second rate for %s %s', bad.label, bad.as_of));
    END IF;
    staged := @extschema@.load_staging('@extschema@.fx_rate', 'holdings_load_fx');
    EXECUTE format('INSERT INTO %s (rate_set, currency, as_of, per_usd, source_id)
                    SELECT ''fed-monthly'', currency, as_of, per_usd, $1 FROM holdings_load_h10 WHERE currency IS NOT NULL',
                   staged) USING load_fed_h10_monthly.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.fx_rate', staged, dry_run);
    DROP TABLE holdings_load_h10;
    EXECUTE format('DROP TABLE %s', staged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_fed_h10_monthly(text, text, boolean) IS
    'Loads Federal Reserve H.10/G.5 monthly averages into fx_rate (rate set fed-monthly), all or nothing; returns every change (dry_run: reports without writing)';

-- load_ecb_rates: into fx_rate, rate set ecb-daily, crossed through the USD
-- column (per_usd = rate / USD rate; EUR = 1 / USD rate; rounded to 20 places).
CREATE FUNCTION @extschema@.load_ecb_rates(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    staged regclass;
BEGIN
    PERFORM @extschema@.check_source(load_ecb_rates.source_id);
    CREATE TEMPORARY TABLE holdings_load_ecb ON COMMIT DROP AS
    SELECT p.*, c.code AS known FROM @extschema@.parse_ecb_eurofxref(document) p
      LEFT JOIN @extschema@.currency c ON c.code = p.currency;
    SELECT e.line, e.currency INTO bad FROM holdings_load_ecb e WHERE e.known IS NULL ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        PERFORM @extschema@.document_failure('ECB document', 1, format('unknown currency "%s"', bad.currency));
    END IF;
    SELECT max(e.line) AS line, e.as_of INTO bad FROM holdings_load_ecb e
     GROUP BY e.as_of, e.currency HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        PERFORM @extschema@.document_failure('ECB document', bad.line, format('a second line for %s', bad.as_of));
    END IF;
    staged := @extschema@.load_staging('@extschema@.fx_rate', 'holdings_load_fx');
    EXECUTE format('INSERT INTO %s (rate_set, currency, as_of, per_usd, source_id)
                    SELECT ''ecb-daily'', c.currency, c.as_of, round(c.per_eur / u.per_eur, 20), $1
                      FROM holdings_load_ecb c JOIN holdings_load_ecb u ON u.as_of = c.as_of AND u.currency = ''USD''
                     WHERE c.currency <> ''USD''
                    UNION ALL
                    SELECT ''ecb-daily'', ''EUR'', u.as_of, round(1 / u.per_eur, 20), $1
                      FROM holdings_load_ecb u WHERE u.currency = ''USD''', staged) USING load_ecb_rates.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.fx_rate', staged, dry_run);
    DROP TABLE holdings_load_ecb;
    EXECUTE format('DROP TABLE %s', staged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_ecb_rates(text, text, boolean) IS
    'Loads ECB euro reference rates (eurofxref-hist.csv) into fx_rate (rate set ecb-daily, crossed through USD), all or nothing; returns every change (dry_run: reports without writing)';
