-- Loaders of the official files behind transaction, position (Table 3 and
-- Table 5), custody_holding, treasury_yield and dollar_index. Each takes the
-- document text and the source id (a row of holdings.source), is all or
-- nothing (one statement), names the line of any error (22P02), and returns
-- what it changes: (action, table_name, key, old_value, new_value). With
-- dry_run => true it returns the same report and writes nothing. Lineage
-- rules (05_lineage.sql): keys that exist and differ are updated, missing keys
-- inserted; never INSERT ... ON CONFLICT DO UPDATE.

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

CREATE FUNCTION @extschema@.check_source(source_id text) RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF source_id IS NULL OR NOT EXISTS (SELECT 1 FROM @extschema@.source s WHERE s.id = check_source.source_id) THEN
        RAISE EXCEPTION 'unknown source "%"', source_id
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the release to holdings.source first.';
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_source(text) IS 'Loader helper: 23503 unless the source id is a row of holdings.source';

-- Brings the rows of target to those of staging (a temporary table LIKE target):
-- returns, then (unless dry_run) applies, every update of an existing key whose
-- values differ and every insert of a missing key. A row whose figures are the
-- same is not touched even if the source differs (an unchanged shipped figure
-- stays shipped). Rows of target not in staging are left alone.
CREATE FUNCTION @extschema@.load_apply(target regclass, staging regclass, dry_run boolean)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    keys text[] := @extschema@.lineage_key_columns(target);
    on_key text;
    cols text;
    scols text;
    tname text := (SELECT c.relname FROM pg_class c WHERE c.oid = target);
BEGIN
    SELECT string_agg(format('t.%1$I = s.%1$I', k), ' AND ') INTO on_key FROM unnest(keys) AS k;
    SELECT string_agg(format('%I', attname), ', ' ORDER BY attnum), string_agg(format('s.%I', attname), ', ' ORDER BY attnum)
      INTO cols, scols
      FROM pg_attribute WHERE attrelid = target AND attnum > 0 AND NOT attisdropped AND attname <> 'shipped';
    RETURN QUERY EXECUTE format(
        'SELECT CASE WHEN t.%1$I IS NULL THEN ''inserted'' ELSE ''updated'' END, %2$L::text, %3$s,
                CASE WHEN t.%1$I IS NULL THEN NULL ELSE pg_catalog.to_jsonb(t) - %4$L::text[] END,
                pg_catalog.to_jsonb(s) - %4$L::text[]
           FROM %5$s s LEFT JOIN %6$s t ON %7$s
          WHERE t.%1$I IS NULL
             OR pg_catalog.to_jsonb(t) - ''{shipped,source_id}''::text[] <> pg_catalog.to_jsonb(s) - ''{shipped,source_id}''::text[]
          ORDER BY 3',
        keys[1], tname, @extschema@.lineage_key_expr(target, 's'), keys || 'shipped'::text, staging, target, on_key);
    IF NOT dry_run THEN
        EXECUTE format('UPDATE %s t SET (%s) = ROW(%s) FROM %s s WHERE %s
                          AND pg_catalog.to_jsonb(t) - ''{shipped,source_id}''::text[]
                              <> pg_catalog.to_jsonb(s) - ''{shipped,source_id}''::text[]',
                       target, cols, scols, staging, on_key);
        EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s s WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)',
                       target, cols, scols, staging, target, on_key);
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_apply(regclass, regclass, boolean) IS
    'Loader helper: reports, then unless dry_run applies, the updates of differing keys and inserts of missing keys from a staging table';

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

-- Positions from a loader: a figure that replaces one from another source keeps
-- the old figure in position_vintage (the older vintage stays queryable).
CREATE FUNCTION @extschema@.load_positions(staging regclass, dry_run boolean)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    kept regclass := @extschema@.load_staging('@extschema@.position_vintage', 'holdings_load_kept');
BEGIN
    EXECUTE format(
        'INSERT INTO %s (holder_id, instrument, as_of, source_id, amount)
         SELECT t.holder_id, t.instrument, t.as_of, t.source_id, t.amount
           FROM %s s JOIN @extschema@.position t USING (holder_id, instrument, as_of)
          WHERE t.source_id <> s.source_id AND t.amount OPERATOR(@extschema@.<>) s.amount',
        kept, staging);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position_vintage', kept, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position', staging, dry_run);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_positions(regclass, boolean) IS
    'Loader helper: loads staged positions; a figure replaced by another source''s is kept in position_vintage';

-- Unknown labels and repeated keys of a parsed TIC document (rows with line
-- and label, mapped to holder_id or null): 22P02 naming the first bad line.
CREATE FUNCTION @extschema@.check_tic_rows(what text, rows jsonb) RETURNS void
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
BEGIN
    SELECT (r ->> 'line')::integer AS line, r ->> 'label' AS label INTO bad
      FROM jsonb_array_elements(rows) AS r WHERE r ->> 'holder_id' IS NULL
     ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%, line %: unknown row label "%"', what, bad.line, bad.label
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'Map the label to a holder in holdings.tic_label, then load again.';
    END IF;
    SELECT max((r ->> 'line')::integer) AS line, r ->> 'holder_id' AS holder_id, r ->> 'as_of' AS as_of INTO bad
      FROM jsonb_array_elements(rows) AS r
     GROUP BY r ->> 'holder_id', r ->> 'instrument', r ->> 'as_of' HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%, line %: a second row for % %', what, bad.line, bad.holder_id, bad.as_of
            USING ERRCODE = 'invalid_text_representation';
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.check_tic_rows(text, jsonb) IS
    'Loader helper: 22P02 naming the line of the first unknown label or repeated key';

-- TIC Form S: net purchases of Treasury bonds & notes = column [1] - column [7].
CREATE FUNCTION @extschema@.load_tic_form_s(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    staged regclass;
BEGIN
    PERFORM @extschema@.check_source(load_tic_form_s.source_id);
    CREATE TEMPORARY TABLE holdings_load_form_s ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, 'UST-NOTES-BONDS'::text AS instrument, p.as_of,
           p.treasury_purchases, p.treasury_sales
      FROM @extschema@.parse_tic_form_s(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.check_tic_rows('TIC Form S document',
        (SELECT jsonb_agg(jsonb_build_object('line', f.line, 'label', f.label, 'holder_id', f.holder_id,
                                             'instrument', f.instrument, 'as_of', f.as_of))
           FROM holdings_load_form_s f));
    staged := @extschema@.load_staging('@extschema@.transaction', 'holdings_load_transaction');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, net_purchases, gross_purchases, gross_sales, series, source_id)
                    SELECT holder_id, instrument, as_of,
                           @extschema@.holding((treasury_purchases - treasury_sales) * 1000000, ''USD''),
                           @extschema@.holding(treasury_purchases * 1000000, ''USD''),
                           @extschema@.holding(treasury_sales * 1000000, ''USD''), ''tic-form-s'', $1
                      FROM holdings_load_form_s', staged) USING load_tic_form_s.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.transaction', staged, dry_run);
    DROP TABLE holdings_load_form_s;
    EXECUTE format('DROP TABLE %s', staged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_form_s(text, text, boolean) IS
    'Loads TIC Form S (s1_globl.txt) net purchases of Treasury bonds & notes into transaction, all or nothing; returns every change (dry_run: reports without writing)';

-- TIC Table 3: holdings (UST, UST-NOTES-BONDS, UST-BILLS) into position; long-term
-- net purchases and valuation change from 2023-02 and bills flows (printed, else
-- the change in bill holdings) into transaction.
CREATE FUNCTION @extschema@.load_tic_slt_table3(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    positions regclass;
    flows regclass;
BEGIN
    PERFORM @extschema@.check_source(load_tic_slt_table3.source_id);
    CREATE TEMPORARY TABLE holdings_load_table3 ON COMMIT DROP AS
    SELECT l.holder_id, p.*,
           p.short_term_holdings - lag(p.short_term_holdings) OVER (PARTITION BY p.label ORDER BY p.as_of) AS bills_change
      FROM @extschema@.parse_tic_slt_table3(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.check_tic_rows('TIC Table 3 document',
        (SELECT jsonb_agg(jsonb_build_object('line', t.line, 'label', t.label, 'holder_id', t.holder_id,
                                             'instrument', 'UST', 'as_of', t.as_of))
           FROM holdings_load_table3 t));
    positions := @extschema@.load_staging('@extschema@.position', 'holdings_load_position');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, amount, basis, source_id)
                    SELECT t.holder_id, i.instrument, t.as_of, @extschema@.holding(i.mn * 1000000, ''USD''), ''market'', $1
                      FROM holdings_load_table3 t
                     CROSS JOIN LATERAL (VALUES (''UST'', t.holdings), (''UST-NOTES-BONDS'', t.long_term_holdings),
                                                (''UST-BILLS'', t.short_term_holdings)) AS i (instrument, mn)
                     WHERE i.mn IS NOT NULL', positions) USING load_tic_slt_table3.source_id;
    flows := @extschema@.load_staging('@extschema@.transaction', 'holdings_load_transaction');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, net_purchases, valuation_change, series, source_id)
                    SELECT holder_id, ''UST-NOTES-BONDS'', as_of, @extschema@.holding(long_term_net_purchases * 1000000, ''USD''),
                           @extschema@.holding(long_term_valuation_change * 1000000, ''USD''), ''tic-slt'', $1
                      FROM holdings_load_table3 WHERE as_of >= date ''2023-02-28'' AND long_term_net_purchases IS NOT NULL
                    UNION ALL
                    SELECT holder_id, ''UST-BILLS'', as_of,
                           @extschema@.holding(coalesce(short_term_net_purchases, bills_change) * 1000000, ''USD''),
                           NULL, ''tic-bills-change'', $1
                      FROM holdings_load_table3 WHERE coalesce(short_term_net_purchases, bills_change) IS NOT NULL',
                   flows) USING load_tic_slt_table3.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_positions(positions, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.transaction', flows, dry_run);
    DROP TABLE holdings_load_table3;
    EXECUTE format('DROP TABLE %s, %s', positions, flows);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_slt_table3(text, text, boolean) IS
    'Loads TIC Table 3 (slt_table3.txt): holdings by maturity into position, net purchases and valuation change into transaction, all or nothing; returns every change (dry_run: reports without writing)';

-- TIC Table 5 (billions of USD). Its "All Other" (every country beyond its top
-- 20) is not the grouping mfhhis01 prints under that label: it is not loaded
-- (Grand Total minus the listed countries gives it). A figure that the position already holds to
-- more precision (it rounds to the printed figure) is not a revision: it goes to
-- position_vintage; a different figure updates position.
CREATE FUNCTION @extschema@.load_tic_slt_table5(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    positions regclass;
    same regclass;
BEGIN
    PERFORM @extschema@.check_source(load_tic_slt_table5.source_id);
    CREATE TEMPORARY TABLE holdings_load_table5 ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, l.instrument, p.as_of, p.usd_bn,
           (x.amount IS NOT NULL
            AND round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn) AS same_figure
      FROM @extschema@.parse_tic_slt_table5(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label
      LEFT JOIN @extschema@.position x ON x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of
     WHERE p.label <> 'All Other';  -- the rest beyond Table 5's top 20: not mfhhis01's "All Other"
    PERFORM @extschema@.check_tic_rows('TIC Table 5 document',
        (SELECT jsonb_agg(jsonb_build_object('line', t.line, 'label', t.label, 'holder_id', t.holder_id,
                                             'instrument', t.instrument, 'as_of', t.as_of))
           FROM holdings_load_table5 t));
    positions := @extschema@.load_staging('@extschema@.position', 'holdings_load_position');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, amount, basis, source_id)
                    SELECT holder_id, instrument, as_of, @extschema@.holding(usd_bn * 1000000000, ''USD''), ''market'', $1
                      FROM holdings_load_table5 WHERE NOT same_figure', positions) USING load_tic_slt_table5.source_id;
    same := @extschema@.load_staging('@extschema@.position_vintage', 'holdings_load_same');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, source_id, amount)
                    SELECT holder_id, instrument, as_of, $1, @extschema@.holding(usd_bn * 1000000000, ''USD'')
                      FROM holdings_load_table5 WHERE same_figure', same) USING load_tic_slt_table5.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_positions(positions, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position_vintage', same, dry_run);
    DROP TABLE holdings_load_table5;
    EXECUTE format('DROP TABLE %s, %s', positions, same);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_slt_table5(text, text, boolean) IS
    'Loads TIC Table 5 (slt_table5.txt, billions) into position (revisions) and position_vintage (figures position holds more precisely), all or nothing; returns every change (dry_run: reports without writing)';

-- FRED series exports: custody (WMTSECL1), yields (DGS*) and the dollar index
-- (TWEXBGSMTH, DTWEXBGS), by the series id of the header.
CREATE FUNCTION @extschema@.load_fred_series(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    series_id text;
    months integer;
    staged regclass;
BEGIN
    PERFORM @extschema@.check_source(load_fred_series.source_id);
    CREATE TEMPORARY TABLE holdings_load_fred ON COMMIT DROP AS
    SELECT * FROM @extschema@.parse_fred_csv(document);
    series_id := (SELECT f.series FROM holdings_load_fred f LIMIT 1);
    IF series_id IS NULL THEN
        PERFORM @extschema@.document_failure('FRED document', 1, 'no observations');
    END IF;
    months := CASE series_id WHEN 'DGS1MO' THEN 1 WHEN 'DGS3MO' THEN 3 WHEN 'DGS6MO' THEN 6 WHEN 'DGS1' THEN 12
                             WHEN 'DGS2' THEN 24 WHEN 'DGS3' THEN 36 WHEN 'DGS5' THEN 60 WHEN 'DGS7' THEN 84
                             WHEN 'DGS10' THEN 120 WHEN 'DGS20' THEN 240 WHEN 'DGS30' THEN 360 END;
    PERFORM @extschema@.document_failure('FRED document', d.line, format('a second observation for %s', d.as_of))
       FROM (SELECT max(f.line) AS line, f.as_of FROM holdings_load_fred f
              GROUP BY f.as_of HAVING count(*) > 1 ORDER BY 1 LIMIT 1) d;
    IF series_id = 'WMTSECL1' THEN
        staged := @extschema@.load_staging('@extschema@.custody_holding', 'holdings_load_series');
        EXECUTE format('INSERT INTO %s (series, as_of, amount, basis, source_id)
                        SELECT series, as_of, @extschema@.holding(value * 1000000, ''USD''), ''face'', $1
                          FROM holdings_load_fred
                         WHERE value IS NOT NULL AND NOT (value = 0 AND as_of < date ''2007-07-04'')', staged)
            USING load_fred_series.source_id;
        RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.custody_holding', staged, dry_run);
    ELSIF months IS NOT NULL THEN
        staged := @extschema@.load_staging('@extschema@.treasury_yield', 'holdings_load_series');
        EXECUTE format('INSERT INTO %s (series, as_of, maturity_months, yield_percent, source_id)
                        SELECT series, as_of, $2, value, $1 FROM holdings_load_fred WHERE value IS NOT NULL', staged)
            USING load_fred_series.source_id, months;
        RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.treasury_yield', staged, dry_run);
    ELSIF series_id IN ('TWEXBGSMTH', 'DTWEXBGS') THEN
        staged := @extschema@.load_staging('@extschema@.dollar_index', 'holdings_load_series');
        EXECUTE format('INSERT INTO %s (series, as_of, value, source_id)
                        SELECT series, as_of, value, $1 FROM holdings_load_fred WHERE value IS NOT NULL', staged)
            USING load_fred_series.source_id;
        RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.dollar_index', staged, dry_run);
    ELSE
        PERFORM @extschema@.document_failure('FRED document', 1,
            format('series %s is not one holdings loads (WMTSECL1, DGS*, TWEXBGSMTH, DTWEXBGS)', series_id));
    END IF;
    DROP TABLE holdings_load_fred;
    EXECUTE format('DROP TABLE %s', staged);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_fred_series(text, text, boolean) IS
    'Loads a FRED series export into custody_holding (WMTSECL1), treasury_yield (DGS*) or dollar_index (TWEXBGSMTH, DTWEXBGS), all or nothing; returns every change (dry_run: reports without writing)';

-- TIC Major Foreign Holders (mfhhis01 layout, billions of USD): official figures
-- into position, series-break comparison values into position_comparison. A
-- figure position already holds more precisely (it rounds to the printed one,
-- e.g. Table 3's millions) is not a revision: it goes to position_vintage.
CREATE FUNCTION @extschema@.load_tic_mfh(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    unknown record;
    duplicate record;
    positions regclass;
    same regclass;
    comparisons regclass;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @extschema@.source s WHERE s.id = load_tic_mfh.source_id) THEN
        RAISE EXCEPTION 'unknown source "%"', load_tic_mfh.source_id
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the release to holdings.source first.';
    END IF;
    SELECT p.line, p.label INTO unknown
      FROM @extschema@.parse_tic_mfh(document) p LEFT JOIN @extschema@.tic_label l ON l.label = p.label
     WHERE l.label IS NULL ORDER BY p.line LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'TIC document, line %: unknown row label "%"', unknown.line, unknown.label
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'Map the label to a holder in holdings.tic_label, then load again.';
    END IF;
    SELECT (array_agg(p.line ORDER BY p.line))[2] AS line, l.holder_id, l.instrument, p.as_of, p.official INTO duplicate
      FROM @extschema@.parse_tic_mfh(document) p JOIN @extschema@.tic_label l ON l.label = p.label
     GROUP BY l.holder_id, l.instrument, p.as_of, p.official HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'TIC document, line %: a second % figure for % % %', duplicate.line,
            CASE WHEN duplicate.official THEN 'official' ELSE 'comparison' END,
            duplicate.holder_id, duplicate.instrument, duplicate.as_of
            USING ERRCODE = 'invalid_text_representation';
    END IF;

    CREATE TEMPORARY TABLE holdings_load_mfh ON COMMIT DROP AS
    SELECT l.holder_id, l.instrument, p.as_of, p.official, @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount,
           p.official AND x.amount IS NOT NULL
               AND x.amount OPERATOR(@extschema@.<>) @extschema@.holding(p.usd_bn * 1000000000, 'USD')
               AND round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn AS same_figure
      FROM @extschema@.parse_tic_mfh(document) p
      JOIN @extschema@.tic_label l ON l.label = p.label
      LEFT JOIN @extschema@.position x ON p.official AND x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of;
    positions := @extschema@.load_staging('@extschema@.position', 'holdings_load_position');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, amount, basis, source_id)
                    SELECT holder_id, instrument, as_of, amount, ''market'', $1 FROM holdings_load_mfh
                     WHERE official AND NOT same_figure', positions) USING load_tic_mfh.source_id;
    same := @extschema@.load_staging('@extschema@.position_vintage', 'holdings_load_same');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, source_id, amount)
                    SELECT holder_id, instrument, as_of, $1, amount FROM holdings_load_mfh WHERE same_figure',
                   same) USING load_tic_mfh.source_id;
    comparisons := @extschema@.load_staging('@extschema@.position_comparison', 'holdings_load_comparison');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, amount, source_id)
                    SELECT holder_id, instrument, as_of, amount, $1 FROM holdings_load_mfh WHERE NOT official',
                   comparisons) USING load_tic_mfh.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_positions(positions, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position_vintage', same, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position_comparison', comparisons, dry_run);
    DROP TABLE holdings_load_mfh;
    EXECUTE format('DROP TABLE %s, %s, %s', positions, same, comparisons);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_mfh(text, text, boolean) IS
    'Loads a TIC Major Foreign Holders document (mfhhis01 layout) into position (and comparison values into position_comparison), all or nothing; returns every change (dry_run: reports without writing)';
