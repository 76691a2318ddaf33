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

-- load_fed_h10_monthly: into fx_rate, rate set fed-monthly. LUF, which the
-- Fed never printed, at par with BEF (the Belgium-Luxembourg monetary union;
-- both entered the euro at 40.3399), so fed-monthly converts every euro
-- member's legacy currency (issue 20).
CREATE FUNCTION @extschema@.load_fed_h10_monthly(document text, source_id text, dry_run boolean DEFAULT false,
                                                 vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_fed_h10_monthly.source_id, document, load_fed_h10_monthly.vintage,
                                                          load_fed_h10_monthly.url, load_fed_h10_monthly.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_h10 ON COMMIT DROP AS
    SELECT p.line, p.label, p.as_of, p.per_usd, m.label AS known, m.currency
      FROM @extschema@.parse_fed_h10_monthly(document) p LEFT JOIN @extschema@.fx_label m ON m.label = p.label;
    PERFORM @extschema@.load_check('Fed H.10 document', 'holdings_load_h10', '{label,as_of}', 'known',
                                   unknown_what => 'country label', noun => 'rate');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.fx_rate', '{rate_set,currency,as_of,per_usd,source_id}',
        'SELECT ''fed-monthly'', currency, as_of, per_usd, $1 FROM holdings_load_h10 WHERE currency IS NOT NULL
         UNION ALL
         SELECT ''fed-monthly'', ''LUF'', as_of, per_usd, $1 FROM holdings_load_h10
          WHERE currency = ''BEF'' AND NOT EXISTS (SELECT FROM holdings_load_h10 WHERE currency = ''LUF'')', r);
    DROP TABLE holdings_load_h10;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_fed_h10_monthly(text, text, boolean, date, text, text) IS
    'Loads Federal Reserve H.10/G.5 monthly averages into fx_rate (rate set fed-monthly; LUF at par with BEF), all or nothing, never over a newer release''s rates; returns every row written or kept (dry_run: reports without writing)';

-- load_ecb_rates: into fx_rate, rate set ecb-daily, crossed through the USD
-- column (per_usd = rate / USD rate; EUR = 1 / USD rate; rounded to 20 places).
-- Also fed-monthly rates of the euro members' legacy currencies the Fed never
-- published (SIT, CYP, MTL, SKK, EEK, LVL, LTL, HRK, BGN; issue 20): the
-- average of each complete month's daily cross rates, rounded to 20 places.
CREATE FUNCTION @extschema@.load_ecb_rates(document text, source_id text, dry_run boolean DEFAULT false,
                                           vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_ecb_rates.source_id, document, load_ecb_rates.vintage,
                                                          load_ecb_rates.url, load_ecb_rates.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_ecb ON COMMIT DROP AS
    SELECT p.*, c.code AS known FROM @extschema@.parse_ecb_eurofxref(document) p
      LEFT JOIN @extschema@.currency c ON c.code = p.currency;
    PERFORM @extschema@.load_check('ECB document', 'holdings_load_ecb', '{as_of,currency}', 'known',
                                   unknown_what => 'currency', noun => 'line', shown_columns => '{as_of}',
                                   label_column => 'currency');
    -- ecb-daily, then fed-monthly for the euro members' legacy currencies the
    -- Fed never published: each complete month's average of the daily cross
    -- rates (the newest day is the newest USD rate's: every day with one has
    -- its EUR rate).
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.fx_rate', '{rate_set,currency,as_of,per_usd,source_id}',
        'SELECT ''ecb-daily'', c.currency, c.as_of, round(c.per_eur / u.per_eur, 20), $1
           FROM holdings_load_ecb c JOIN holdings_load_ecb u ON u.as_of = c.as_of AND u.currency = ''USD''
          WHERE c.currency <> ''USD''
         UNION ALL
         SELECT ''ecb-daily'', ''EUR'', u.as_of, round(1 / u.per_eur, 20), $1 FROM holdings_load_ecb u WHERE u.currency = ''USD''
         UNION ALL
         SELECT ''fed-monthly'', c.currency, (date_trunc(''month'', c.as_of) + interval ''1 month'' - interval ''1 day'')::date,
                round(avg(round(c.per_eur / u.per_eur, 20)), 20), $1
           FROM holdings_load_ecb c JOIN holdings_load_ecb u ON u.as_of = c.as_of AND u.currency = ''USD''
          WHERE c.currency IN (''SIT'', ''CYP'', ''MTL'', ''SKK'', ''EEK'', ''LVL'', ''LTL'', ''HRK'', ''BGN'')
            AND date_trunc(''month'', c.as_of) < (SELECT date_trunc(''month'', max(l.as_of)) FROM holdings_load_ecb l
                                                   WHERE l.currency = ''USD'')
          GROUP BY c.currency, date_trunc(''month'', c.as_of)', r);
    DROP TABLE holdings_load_ecb;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_ecb_rates(text, text, boolean, date, text, text) IS
    'Loads ECB euro reference rates (eurofxref-hist.csv) into fx_rate (rate set ecb-daily, crossed through USD; fed-monthly averages of complete months for the legacy currencies SIT, CYP, MTL, SKK, EEK, LVL, LTL, HRK, BGN), all or nothing, never over a newer release''s rates; returns every row written or kept (dry_run: reports without writing)';
