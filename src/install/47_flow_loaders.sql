-- Loaders of the official files behind transaction, position (Table 3 and
-- Table 5), custody_holding, treasury_yield and dollar_index. Each takes the
-- document text, the dataset (a row of holdings.source) and optionally the
-- file's vintage, URL and name; is all or nothing (one statement); names the
-- line of any error (22P02); and returns what it writes or keeps: (action,
-- table_name, key, old_value, new_value). With dry_run => true it returns the
-- same report and writes nothing. Every loader is load_begin -> parse ->
-- load_check, then one load_stage_merge (46_load_helpers.sql) per table it
-- writes, with its own mapping: staged LIKE the table, then load_merge
-- (44_data_release.sql): a figure of a newer release is never replaced by an
-- older one (kept_newer), replaced figures stay as vintages.

-- Raises 22P02 "<what>, line <n>: <message>"; declared boolean so that SQL can
-- call it in a CASE, and VOLATILE so that the planner never folds a call with
-- constant arguments (it would raise while planning).
CREATE FUNCTION @extschema@.document_failure(what text, line bigint, message text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RAISE EXCEPTION '%, line %: %', what, line, message USING ERRCODE = 'invalid_text_representation';
END
$fn$;
COMMENT ON FUNCTION @extschema@.document_failure(text, bigint, text) IS
    'Parser helper: raises 22P02 naming the document and line (never returns)';

-- A fresh staging table LIKE target, dropped at the end of the transaction.
CREATE FUNCTION @extschema@.load_staging(target regclass, name text) RETURNS regclass
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(name)) IS NOT NULL THEN
        EXECUTE format('DROP TABLE pg_temp.%I', name);
    END IF;
    EXECUTE format('CREATE TEMPORARY TABLE %I (LIKE %s INCLUDING DEFAULTS) ON COMMIT DROP', name, target);
    RETURN pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(name));
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_staging(regclass, text) IS 'Loader helper: an empty temporary table LIKE target';

-- TIC Form S: net purchases of Treasury bonds & notes = column [1] - column [7].
CREATE FUNCTION @extschema@.load_tic_form_s(document text, source_id text, dry_run boolean DEFAULT false,
                                            vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_tic_form_s.source_id, document, load_tic_form_s.vintage,
                                                          load_tic_form_s.url, load_tic_form_s.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_form_s ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, 'UST-NOTES-BONDS'::text AS instrument, p.as_of,
           p.treasury_purchases, p.treasury_sales
      FROM @extschema@.parse_tic_form_s(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.load_check('TIC Form S document', 'holdings_load_form_s', '{holder_id,instrument,as_of}', 'holder_id',
                                   shown_columns => '{holder_id,as_of}');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.transaction',
        '{holder_id,instrument,as_of,net_purchases,gross_purchases,gross_sales,series,source_id}',
        'SELECT holder_id, instrument, as_of, @extschema@.holding((treasury_purchases - treasury_sales) * 1000000, ''USD''),
                @extschema@.holding(treasury_purchases * 1000000, ''USD''),
                @extschema@.holding(treasury_sales * 1000000, ''USD''), ''tic-form-s'', $1
           FROM holdings_load_form_s', r);
    DROP TABLE holdings_load_form_s;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_form_s(text, text, boolean, date, text, text) IS
    'Loads TIC Form S (s1_globl.txt) net purchases of Treasury bonds & notes into transaction, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';

-- TIC Table 3: holdings (UST, UST-NOTES-BONDS, UST-BILLS) into position; long-term
-- net purchases and valuation change from 2023-02 and bills flows (printed, else
-- the change in bill holdings) into transaction.
CREATE FUNCTION @extschema@.load_tic_slt_table3(document text, source_id text, dry_run boolean DEFAULT false,
                                                vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_tic_slt_table3.source_id, document, load_tic_slt_table3.vintage,
                                                          load_tic_slt_table3.url, load_tic_slt_table3.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_table3 ON COMMIT DROP AS
    SELECT l.holder_id, p.*,
           p.short_term_holdings - lag(p.short_term_holdings) OVER (PARTITION BY p.label ORDER BY p.as_of) AS bills_change
      FROM @extschema@.parse_tic_slt_table3(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.load_check('TIC Table 3 document', 'holdings_load_table3', '{holder_id,as_of}', 'holder_id');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position',
        '{holder_id,instrument,as_of,amount,basis,source_id}',
        'SELECT t.holder_id, i.instrument, t.as_of, @extschema@.holding(i.mn * 1000000, ''USD''), ''market'', $1
           FROM holdings_load_table3 t
          CROSS JOIN LATERAL @extschema@.tic_maturity_split(t.holdings, t.long_term_holdings, t.short_term_holdings) AS i', r);
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.transaction',
        '{holder_id,instrument,as_of,net_purchases,valuation_change,series,source_id}',
        'SELECT holder_id, ''UST-NOTES-BONDS'', as_of, @extschema@.holding(long_term_net_purchases * 1000000, ''USD''),
                @extschema@.holding(long_term_valuation_change * 1000000, ''USD''), ''tic-slt'', $1
           FROM holdings_load_table3 WHERE as_of >= date ''2023-02-28'' AND long_term_net_purchases IS NOT NULL
         UNION ALL
         SELECT holder_id, ''UST-BILLS'', as_of, @extschema@.holding(coalesce(short_term_net_purchases, bills_change) * 1000000, ''USD''),
                NULL, ''tic-bills-change'', $1
           FROM holdings_load_table3 WHERE coalesce(short_term_net_purchases, bills_change) IS NOT NULL', r);
    DROP TABLE holdings_load_table3;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_slt_table3(text, text, boolean, date, text, text) IS
    'Loads TIC Table 3 (slt_table3.txt): holdings by maturity into position, net purchases and valuation change into transaction, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';

-- TIC Table 5 (billions of USD). Its "All Other" (every country beyond its top
-- 20) is not the grouping mfhhis01 prints under that label: it is not loaded
-- (Grand Total minus the listed countries gives it). A figure that the position already holds to
-- more precision (it rounds to the printed figure) is not a revision: it goes to
-- position_vintage; a different figure updates position.
CREATE FUNCTION @extschema@.load_tic_slt_table5(document text, source_id text, dry_run boolean DEFAULT false,
                                                vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_tic_slt_table5.source_id, document, load_tic_slt_table5.vintage,
                                                          load_tic_slt_table5.url, load_tic_slt_table5.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_table5 ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, l.instrument, p.as_of, p.usd_bn,
           (x.amount IS NOT NULL
            AND round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn) AS same_figure
      FROM @extschema@.parse_tic_slt_table5(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label
      LEFT JOIN @extschema@.position x ON x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of
     WHERE p.label <> 'All Other';  -- the rest beyond Table 5's top 20: not mfhhis01's "All Other"
    PERFORM @extschema@.load_check('TIC Table 5 document', 'holdings_load_table5', '{holder_id,instrument,as_of}', 'holder_id',
                                   shown_columns => '{holder_id,as_of}');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position',
        '{holder_id,instrument,as_of,amount,basis,source_id}',
        'SELECT holder_id, instrument, as_of, @extschema@.holding(usd_bn * 1000000000, ''USD''), ''market'', $1
           FROM holdings_load_table5 WHERE NOT same_figure', r);
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position_vintage',
        '{holder_id,instrument,as_of,source_id,amount}',
        'SELECT holder_id, instrument, as_of, $1, @extschema@.holding(usd_bn * 1000000000, ''USD'')
           FROM holdings_load_table5 WHERE same_figure', r);
    DROP TABLE holdings_load_table5;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_slt_table5(text, text, boolean, date, text, text) IS
    'Loads TIC Table 5 (slt_table5.txt, billions) into position (revisions) and position_vintage (figures position holds more precisely), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';

-- FRED series exports: custody (WMTSECL1), yields (DGS*) and the dollar index
-- (TWEXBGSMTH, DTWEXBGS), by the series id of the header.
CREATE FUNCTION @extschema@.load_fred_series(document text, source_id text, dry_run boolean DEFAULT false,
                                             vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_fred_series.source_id, document, load_fred_series.vintage,
                                                          load_fred_series.url, load_fred_series.file_name, dry_run);
    series_id text;
    months integer;
BEGIN
    CREATE TEMPORARY TABLE holdings_load_fred ON COMMIT DROP AS
    SELECT * FROM @extschema@.parse_fred_csv(document);
    series_id := (SELECT f.series FROM holdings_load_fred f LIMIT 1);
    IF series_id IS NULL THEN
        PERFORM @extschema@.document_failure('FRED document', 1, 'no observations');
    END IF;
    -- Constant maturity of the H.15 yield series, in months.
    months := CASE series_id WHEN 'DGS1MO' THEN 1 WHEN 'DGS3MO' THEN 3 WHEN 'DGS6MO' THEN 6 WHEN 'DGS1' THEN 12
                             WHEN 'DGS2' THEN 24 WHEN 'DGS3' THEN 36 WHEN 'DGS5' THEN 60 WHEN 'DGS7' THEN 84
                             WHEN 'DGS10' THEN 120 WHEN 'DGS20' THEN 240 WHEN 'DGS30' THEN 360 END;
    PERFORM @extschema@.load_check('FRED document', 'holdings_load_fred', '{as_of}', noun => 'observation');
    IF series_id = 'WMTSECL1' THEN
        -- Weeks printed as 0 before 2007-07 (not reported) are left out.
        RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.custody_holding',
            '{series,as_of,amount,basis,source_id}',
            'SELECT series, as_of, @extschema@.holding(value * 1000000, ''USD''), ''face'', $1 FROM holdings_load_fred
              WHERE value IS NOT NULL AND NOT (value = 0 AND as_of < date ''2007-07-04'')', r);
    ELSIF months IS NOT NULL THEN
        RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.treasury_yield',
            '{series,as_of,maturity_months,yield_percent,source_id}',
            format('SELECT series, as_of, %s, value, $1 FROM holdings_load_fred WHERE value IS NOT NULL', months), r);
    ELSIF series_id IN ('TWEXBGSMTH', 'DTWEXBGS') THEN
        RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.dollar_index',
            '{series,as_of,value,source_id}',
            'SELECT series, as_of, value, $1 FROM holdings_load_fred WHERE value IS NOT NULL', r);
    ELSE
        PERFORM @extschema@.document_failure('FRED document', 1,
            format('series %s is not one holdings loads (WMTSECL1, DGS*, TWEXBGSMTH, DTWEXBGS)', series_id));
    END IF;
    DROP TABLE holdings_load_fred;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_fred_series(text, text, boolean, date, text, text) IS
    'Loads a FRED series export into custody_holding (WMTSECL1), treasury_yield (DGS*) or dollar_index (TWEXBGSMTH, DTWEXBGS), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';

-- TIC Major Foreign Holders (mfhhis01 layout, billions of USD): official figures
-- into position, series-break comparison values into position_comparison. A
-- figure position already holds more precisely (it rounds to the printed one,
-- e.g. Table 3's millions) is not a revision: it goes to position_vintage. The
-- vintage is the date printed under the footer "Department of the
-- Treasury/Federal Reserve Board" (3/18/26) where the document has it.
CREATE FUNCTION @extschema@.load_tic_mfh(document text, source_id text, dry_run boolean DEFAULT false,
                                         vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_tic_mfh.source_id, document, load_tic_mfh.vintage,
        load_tic_mfh.url, load_tic_mfh.file_name, dry_run,
        (SELECT pg_catalog.to_date(m[1], 'MM/DD/YY')
           FROM pg_catalog.regexp_match(document, E'Federal Reserve Board[^\\n]*\\n[\\t ]*([01]?[0-9]/[0-3]?[0-9]/[0-9]{2})[\\t \\r]*\\n') AS m));
BEGIN
    -- Official figures: to position, or to position_vintage where position
    -- holds the figure more precisely (same_figure); comparison values: to
    -- position_comparison.
    CREATE TEMPORARY TABLE holdings_load_mfh ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, l.instrument, p.as_of, p.official,
           CASE WHEN p.official THEN 'official figure' ELSE 'comparison figure' END AS noun,
           @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount,
           p.official AND x.amount IS NOT NULL
               AND x.amount OPERATOR(@extschema@.<>) @extschema@.holding(p.usd_bn * 1000000000, 'USD')
               AND round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn AS same_figure
      FROM @extschema@.parse_tic_mfh(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label
      LEFT JOIN @extschema@.position x ON p.official AND x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of;
    PERFORM @extschema@.load_check('TIC document', 'holdings_load_mfh', '{holder_id,instrument,as_of,official}', 'holder_id',
                                   noun => NULL, shown_columns => '{holder_id,instrument,as_of}');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position',
        '{holder_id,instrument,as_of,amount,basis,source_id}',
        'SELECT holder_id, instrument, as_of, amount, ''market'', $1 FROM holdings_load_mfh WHERE official AND NOT same_figure', r);
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position_vintage',
        '{holder_id,instrument,as_of,source_id,amount}',
        'SELECT holder_id, instrument, as_of, $1, amount FROM holdings_load_mfh WHERE same_figure', r);
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position_comparison',
        '{holder_id,instrument,as_of,amount,source_id}',
        'SELECT holder_id, instrument, as_of, amount, $1 FROM holdings_load_mfh WHERE NOT official', r);
    DROP TABLE holdings_load_mfh;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_mfh(text, text, boolean, date, text, text) IS
    'Loads a TIC Major Foreign Holders document (mfhhis01 layout) into position (and comparison values into position_comparison), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';
