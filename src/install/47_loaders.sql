-- Every loader of an official file, declared once. A loader is a row of
-- holdings.loader (how its document is parsed and checked) and its rows of
-- holdings.loader_step (which table each step writes, and the mapping of the
-- parsed rows into that table's columns). One function runs them all,
-- load_run: load_begin (the release, the load lock) -> the parse into a
-- temporary table -> load_check (unmapped labels, repeated keys) -> the
-- loader's own refusals -> one load_stage_merge per step (46_load_helpers.sql:
-- staged LIKE the table, then load_merge in 44_data_release.sql: a figure of
-- a newer release is never replaced by an older one (kept_newer), replaced
-- figures stay as vintages). The public loaders (load_tic_mfh,
-- load_tic_form_s, ...) are made from the rows at the end of this file, all
-- with one signature: (document, source_id, dry_run, vintage, url,
-- file_name) returning (action, table_name, key, old_value, new_value); each
-- is all or nothing (one statement), names the line of any error (22P02) and,
-- with dry_run => true, returns the same report and writes nothing.
--
-- The SQL in these rows runs as the caller of the loader (load_run is
-- SECURITY INVOKER, with search_path pg_catalog, pg_temp): in the parse, $1
-- is the document; in a mapping, $1 is the dataset (for source_id); the
-- parsed rows are the temporary table holdings_<loader>. Only the
-- extension's owner can change these tables; a release changes them.

CREATE TABLE @extschema@.loader (
    name text PRIMARY KEY CHECK (name ~ '^load_[a-z0-9_]+$'),
    document text NOT NULL,
    parse text NOT NULL,
    key_columns text[] NOT NULL,
    mapped_column text,
    unknown_what text NOT NULL DEFAULT 'row label',
    noun text DEFAULT 'row',
    shown_columns text[],
    label_column text NOT NULL DEFAULT 'label',
    printed_vintage text,
    refuse text,
    description text NOT NULL
);
COMMENT ON TABLE @extschema@.loader IS
    'The loaders of the official files (one function each, made from this row and its steps; run by load_run): how a document is parsed and checked';
COMMENT ON COLUMN @extschema@.loader.name IS 'The loader function (holdings.<name>(document, source_id, dry_run, vintage, url, file_name))';
COMMENT ON COLUMN @extschema@.loader.document IS 'What errors call the document ("TIC Table 3 document, line 12: ...")';
COMMENT ON COLUMN @extschema@.loader.parse IS 'The query whose rows (with their line) become the temporary table holdings_<name>; $1 is the document';
COMMENT ON COLUMN @extschema@.loader.key_columns IS 'Columns of the parsed rows that a complete document never repeats (load_check)';
COMMENT ON COLUMN @extschema@.loader.mapped_column IS 'Column that is null where a printed label is not mapped (load_check refuses the line); null: no labels to map';
COMMENT ON COLUMN @extschema@.loader.unknown_what IS 'What an unmapped label is called in the error';
COMMENT ON COLUMN @extschema@.loader.noun IS 'What a repeated key is called in the error; null: the parsed column "noun" says';
COMMENT ON COLUMN @extschema@.loader.shown_columns IS 'Columns a repeated key is shown by (null: key_columns)';
COMMENT ON COLUMN @extschema@.loader.label_column IS 'Column of the printed label shown for an unmapped one';
COMMENT ON COLUMN @extschema@.loader.printed_vintage IS 'Expression giving the vintage the document prints ($1 the document; null where none): it wins over the vintage given';
COMMENT ON COLUMN @extschema@.loader.refuse IS 'Query over the parsed rows giving (line, message) of a document the loader does not take; null: none';
COMMENT ON COLUMN @extschema@.loader.description IS 'The loader function''s COMMENT';

CREATE TABLE @extschema@.loader_step (
    loader text NOT NULL REFERENCES @extschema@.loader (name),
    step integer NOT NULL CHECK (step > 0),
    target text NOT NULL CHECK (target IN ('position', 'position_vintage', 'position_comparison', 'transaction',
                                           'custody_holding', 'treasury_yield', 'dollar_index', 'fx_rate')),
    columns text[] NOT NULL,
    mapping text NOT NULL,
    applies text,
    PRIMARY KEY (loader, step)
);
COMMENT ON TABLE @extschema@.loader_step IS
    'What each loader writes, in order: per step, the table and the mapping of the parsed rows into its columns (merged by load_merge)';
COMMENT ON COLUMN @extschema@.loader_step.loader IS 'The loader (holdings.loader)';
COMMENT ON COLUMN @extschema@.loader_step.step IS 'Order of the step within the loader';
COMMENT ON COLUMN @extschema@.loader_step.target IS 'The table of the extension the step writes';
COMMENT ON COLUMN @extschema@.loader_step.columns IS 'The target''s columns the mapping gives, in its order';
COMMENT ON COLUMN @extschema@.loader_step.mapping IS 'The query mapping the parsed rows (temporary table holdings_<loader>) to the columns; $1 is the dataset, $2 the release (for release_id, part of a vintage table''s key)';
COMMENT ON COLUMN @extschema@.loader_step.applies IS 'Condition over the parsed rows for the step to run at all (null: always)';

-- Like the bodies of functions in pg_proc, what the loaders do is for every
-- role to read (load_run reads it as the caller).
GRANT SELECT ON @extschema@.loader, @extschema@.loader_step TO PUBLIC;

-- Runs the loader named: the one procedure behind every public loader; the
-- caller needs EXECUTE on that loader's function.
CREATE FUNCTION @extschema@.load_run(loader text, document text, source_id text, dry_run boolean,
                                     vintage date, url text, file_name text)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    l @extschema@.loader;
    s @extschema@.loader_step;
    parsed text := 'holdings_' || load_run.loader;
    printed date;
    r @extschema@.load_release;
    bad record;
    applies boolean;
BEGIN
    IF load_run.loader IS NULL THEN
        RAISE EXCEPTION 'load_run needs the name of a loader' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT * INTO l FROM @extschema@.loader d WHERE d.name = load_run.loader;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no loader "%"', load_run.loader USING ERRCODE = 'undefined_function';
    END IF;
    -- EXECUTE on a loader is what lets a role run it: a role granted load_run
    -- (every loader calls it as its caller) runs no other loader through it.
    IF NOT pg_catalog.has_function_privilege(
               pg_catalog.format('@extschema@.%I(text, text, boolean, date, text, text)', l.name)::pg_catalog.regprocedure,
               'EXECUTE') THEN
        RAISE EXCEPTION 'permission denied for function %', l.name USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF l.printed_vintage IS NOT NULL THEN
        EXECUTE 'SELECT ' || l.printed_vintage INTO printed USING document;
    END IF;
    r := @extschema@.load_begin(load_run.source_id, document, load_run.vintage, load_run.url, load_run.file_name,
                                dry_run, printed);
    EXECUTE pg_catalog.format('CREATE TEMPORARY TABLE %I ON COMMIT DROP AS %s', parsed, l.parse) USING document;
    PERFORM @extschema@.load_check(l.document, pg_catalog.to_regclass('pg_temp.' || pg_catalog.quote_ident(parsed)), l.key_columns,
                                   l.mapped_column, l.unknown_what, l.noun, l.shown_columns, l.label_column);
    IF l.refuse IS NOT NULL THEN
        EXECUTE l.refuse INTO bad;
        IF bad.line IS NOT NULL THEN
            PERFORM @extschema@.document_failure(l.document, bad.line, bad.message);
        END IF;
    END IF;
    FOR s IN SELECT * FROM @extschema@.loader_step t WHERE t.loader = l.name ORDER BY t.step LOOP
        IF s.applies IS NOT NULL THEN
            EXECUTE 'SELECT ' || s.applies INTO applies;
            CONTINUE WHEN NOT applies;
        END IF;
        RETURN QUERY SELECT * FROM @extschema@.load_stage_merge(
            pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', s.target)), s.columns, s.mapping, r);
    END LOOP;
    EXECUTE pg_catalog.format('DROP TABLE pg_temp.%I', parsed);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_run(text, text, text, boolean, date, text, text) IS
    'Runs a loader (holdings.loader, holdings.loader_step): load_begin, parse, load_check, its refusals, then one load_stage_merge per step; what every public loader calls';

-- TIC Major Foreign Holders (mfhhis01 layout, billions of USD): official figures
-- into position, series-break comparison values into position_comparison. A
-- figure position already holds more precisely (it rounds to the printed one,
-- e.g. Table 3's millions) is not a revision: it goes to position_vintage. The
-- vintage is the date printed under the footer "Department of the
-- Treasury/Federal Reserve Board" (3/18/26) where the document has it.
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, noun, shown_columns,
                                printed_vintage, description) VALUES
('load_tic_mfh', 'TIC document',
 $sql$SELECT p.line, p.label, l.holder_id, l.instrument, p.as_of, p.official,
             CASE WHEN p.official THEN 'official figure' ELSE 'comparison figure' END AS noun,
             @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount,
             p.official AND x.amount IS NOT NULL
                 AND x.amount OPERATOR(@extschema@.<>) @extschema@.holding(p.usd_bn * 1000000000, 'USD')
                 AND pg_catalog.round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn AS same_figure
        FROM @extschema@.parse_tic_mfh($1) p
        LEFT JOIN @extschema@.tic_label l ON l.label = p.label
        LEFT JOIN @extschema@.position x
               ON p.official AND x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of$sql$,
 '{holder_id,instrument,as_of,official}', 'holder_id', NULL, '{holder_id,instrument,as_of}',
 $sql$(SELECT pg_catalog.to_date(m[1], 'MM/DD/YY')
         FROM pg_catalog.regexp_match($1, E'Federal Reserve Board[^\\n]*\\n[\\t ]*([01]?[0-9]/[0-3]?[0-9]/[0-9]{2})[\\t \\r]*\\n') AS m)$sql$,
 'Loads a TIC Major Foreign Holders document (mfhhis01 layout) into position (and comparison values into position_comparison), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_tic_mfh', 1, 'position', '{holder_id,instrument,as_of,amount,basis,source_id}',
 $sql$SELECT holder_id, instrument, as_of, amount, 'market', $1 FROM holdings_load_tic_mfh WHERE official AND NOT same_figure$sql$),
('load_tic_mfh', 2, 'position_vintage', '{holder_id,instrument,as_of,source_id,release_id,amount}',
 $sql$SELECT holder_id, instrument, as_of, $1, $2, amount FROM holdings_load_tic_mfh WHERE same_figure$sql$),
('load_tic_mfh', 3, 'position_comparison', '{holder_id,instrument,as_of,amount,source_id}',
 $sql$SELECT holder_id, instrument, as_of, amount, $1 FROM holdings_load_tic_mfh WHERE NOT official$sql$);

-- TIC Form S: net purchases of Treasury bonds & notes = column [1] - column [7].
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, shown_columns, description) VALUES
('load_tic_form_s', 'TIC Form S document',
 $sql$SELECT p.line, p.label, l.holder_id, 'UST-NOTES-BONDS'::text AS instrument, p.as_of,
             p.treasury_purchases, p.treasury_sales
        FROM @extschema@.parse_tic_form_s($1) p
        LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST'$sql$,
 '{holder_id,instrument,as_of}', 'holder_id', '{holder_id,as_of}',
 'Loads TIC Form S (s1_globl.txt) net purchases of Treasury bonds & notes into transaction, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_tic_form_s', 1, 'transaction', '{holder_id,instrument,as_of,net_purchases,gross_purchases,gross_sales,series,source_id}',
 $sql$SELECT holder_id, instrument, as_of, @extschema@.holding((treasury_purchases - treasury_sales) * 1000000, 'USD'),
             @extschema@.holding(treasury_purchases * 1000000, 'USD'),
             @extschema@.holding(treasury_sales * 1000000, 'USD'), 'tic-form-s', $1
        FROM holdings_load_tic_form_s$sql$);

-- TIC Table 3: holdings (UST, UST-NOTES-BONDS, UST-BILLS) into position; long-term
-- net purchases and valuation change from 2023-02 and bills flows (printed, else
-- the change in bill holdings) into transaction.
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, description) VALUES
('load_tic_slt_table3', 'TIC Table 3 document',
 $sql$SELECT l.holder_id, p.*,
             p.short_term_holdings - pg_catalog.lag(p.short_term_holdings) OVER (PARTITION BY p.label ORDER BY p.as_of) AS bills_change
        FROM @extschema@.parse_tic_slt_table3($1) p
        LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST'$sql$,
 '{holder_id,as_of}', 'holder_id',
 'Loads TIC Table 3 (slt_table3.txt): holdings by maturity into position, net purchases and valuation change into transaction, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_tic_slt_table3', 1, 'position', '{holder_id,instrument,as_of,amount,basis,source_id}',
 $sql$SELECT t.holder_id, i.instrument, t.as_of, @extschema@.holding(i.mn * 1000000, 'USD'), 'market', $1
        FROM holdings_load_tic_slt_table3 t
       CROSS JOIN LATERAL @extschema@.tic_maturity_split(t.holdings, t.long_term_holdings, t.short_term_holdings) AS i$sql$),
('load_tic_slt_table3', 2, 'transaction', '{holder_id,instrument,as_of,net_purchases,valuation_change,series,source_id}',
 $sql$SELECT holder_id, 'UST-NOTES-BONDS', as_of, @extschema@.holding(long_term_net_purchases * 1000000, 'USD'),
             @extschema@.holding(long_term_valuation_change * 1000000, 'USD'), 'tic-slt', $1
        FROM holdings_load_tic_slt_table3 WHERE as_of >= date '2023-02-28' AND long_term_net_purchases IS NOT NULL
      UNION ALL
      SELECT holder_id, 'UST-BILLS', as_of, @extschema@.holding(coalesce(short_term_net_purchases, bills_change) * 1000000, 'USD'),
             NULL, 'tic-bills-change', $1
        FROM holdings_load_tic_slt_table3 WHERE coalesce(short_term_net_purchases, bills_change) IS NOT NULL$sql$);

-- TIC Table 5 (billions of USD). Its "All Other" (every country beyond its top
-- 20) is not the grouping mfhhis01 prints under that label: it is not loaded
-- (Grand Total minus the listed countries gives it). A figure that position
-- already holds to more precision (it rounds to the printed figure) is not a
-- revision: it goes to position_vintage; a different figure updates position.
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, shown_columns, description) VALUES
('load_tic_slt_table5', 'TIC Table 5 document',
 $sql$SELECT p.line, p.label, l.holder_id, l.instrument, p.as_of, p.usd_bn,
             (x.amount IS NOT NULL
              AND pg_catalog.round(@extschema@.amount(x.amount) / 1000000000, 1) = p.usd_bn) AS same_figure
        FROM @extschema@.parse_tic_slt_table5($1) p
        LEFT JOIN @extschema@.tic_label l ON l.label = p.label
        LEFT JOIN @extschema@.position x ON x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of
       WHERE p.label <> 'All Other'$sql$,
 '{holder_id,instrument,as_of}', 'holder_id', '{holder_id,as_of}',
 'Loads TIC Table 5 (slt_table5.txt, billions) into position (revisions) and position_vintage (figures position holds more precisely), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_tic_slt_table5', 1, 'position', '{holder_id,instrument,as_of,amount,basis,source_id}',
 $sql$SELECT holder_id, instrument, as_of, @extschema@.holding(usd_bn * 1000000000, 'USD'), 'market', $1
        FROM holdings_load_tic_slt_table5 WHERE NOT same_figure$sql$),
('load_tic_slt_table5', 2, 'position_vintage', '{holder_id,instrument,as_of,source_id,release_id,amount}',
 $sql$SELECT holder_id, instrument, as_of, $1, $2, @extschema@.holding(usd_bn * 1000000000, 'USD')
        FROM holdings_load_tic_slt_table5 WHERE same_figure$sql$);

-- TIC Table 3D (slt3d_globl.csv): the frozen 2011-09 .. 2023-01 history of
-- foreign holdings of Treasuries by country, total, long-term and short-term
-- (millions). Its figures are an older vintage than position's: they go to
-- position_vintage under their own source, never to position. Bills flows
-- (the change in short-term holdings from the month before, both months
-- printed; series tic-bills-change, no valuation reported) go to transaction
-- only for keys that no other source has and months whose bill holdings
-- position does not give (a newer table's bills flow, or one implied by
-- position's own bill levels, is kept).
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, description) VALUES
('load_tic_table3d', 'TIC Table 3D document',
 $sql$SELECT p.line, p.label, l.holder_id, p.as_of, p.holdings, p.long_term_holdings, p.short_term_holdings
        FROM @extschema@.parse_tic_table3d($1) p
        LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST'$sql$,
 '{holder_id,as_of}', 'holder_id',
 'Loads TIC Table 3D (slt3d_globl.csv): holdings by maturity into position_vintage (never position) and bills flows into transaction for the months no other source covers, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_tic_table3d', 1, 'position_vintage', '{holder_id,instrument,as_of,source_id,release_id,amount}',
 $sql$SELECT t.holder_id, i.instrument, t.as_of, $1, $2, @extschema@.holding(i.mn * 1000000, 'USD')
        FROM holdings_load_tic_table3d t
       CROSS JOIN LATERAL @extschema@.tic_maturity_split(t.holdings, t.long_term_holdings, t.short_term_holdings) AS i$sql$),
('load_tic_table3d', 2, 'transaction', '{holder_id,instrument,as_of,net_purchases,series,source_id}',
 $sql$SELECT c.holder_id, 'UST-BILLS', c.as_of, @extschema@.holding(c.bills_change * 1000000, 'USD'), 'tic-bills-change', $1
        FROM (SELECT t.holder_id, t.as_of,
                     CASE WHEN pg_catalog.lag(t.as_of) OVER w = t.as_of - pg_catalog.date_part('day', t.as_of)::integer
                          THEN t.short_term_holdings - pg_catalog.lag(t.short_term_holdings) OVER w END AS bills_change
                FROM holdings_load_tic_table3d t
              WINDOW w AS (PARTITION BY t.holder_id ORDER BY t.as_of)) c
       WHERE c.bills_change IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM @extschema@.transaction x
                          WHERE x.holder_id = c.holder_id AND x.instrument = 'UST-BILLS'
                            AND x.as_of = c.as_of AND x.source_id <> $1)
         AND NOT EXISTS (SELECT 1 FROM @extschema@.position b
                          WHERE b.holder_id = c.holder_id AND b.instrument = 'UST-BILLS' AND b.as_of = c.as_of)$sql$);

-- FRED series exports: custody (WMTSECL1), yields (DGS*, with their constant
-- maturity in months) and the dollar index (TWEXBGSMTH, DTWEXBGS), by the
-- series id of the header; any other series is refused.
INSERT INTO @extschema@.loader (name, document, parse, key_columns, noun, refuse, description) VALUES
('load_fred_series', 'FRED document',
 $sql$SELECT f.*,
             CASE f.series WHEN 'DGS1MO' THEN 1 WHEN 'DGS3MO' THEN 3 WHEN 'DGS6MO' THEN 6 WHEN 'DGS1' THEN 12
                           WHEN 'DGS2' THEN 24 WHEN 'DGS3' THEN 36 WHEN 'DGS5' THEN 60 WHEN 'DGS7' THEN 84
                           WHEN 'DGS10' THEN 120 WHEN 'DGS20' THEN 240 WHEN 'DGS30' THEN 360 END AS maturity_months
        FROM @extschema@.parse_fred_csv($1) f$sql$,
 '{as_of}', 'observation',
 $sql$SELECT 1 AS line, 'no observations' AS message WHERE NOT EXISTS (SELECT FROM holdings_load_fred_series)
      UNION ALL
      SELECT 1, pg_catalog.format('series %s is not one holdings loads (WMTSECL1, DGS*, TWEXBGSMTH, DTWEXBGS)', f.series)
        FROM (SELECT * FROM holdings_load_fred_series LIMIT 1) f
       WHERE f.maturity_months IS NULL AND f.series NOT IN ('WMTSECL1', 'TWEXBGSMTH', 'DTWEXBGS')$sql$,
 'Loads a FRED series export into custody_holding (WMTSECL1), treasury_yield (DGS*) or dollar_index (TWEXBGSMTH, DTWEXBGS), all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping, applies) VALUES
-- Weeks printed as 0 before 2007-07 (not reported) are left out.
('load_fred_series', 1, 'custody_holding', '{series,as_of,amount,basis,source_id}',
 $sql$SELECT series, as_of, @extschema@.holding(value * 1000000, 'USD'), 'face', $1 FROM holdings_load_fred_series
       WHERE value IS NOT NULL AND NOT (value = 0 AND as_of < date '2007-07-04')$sql$,
 $sql$EXISTS (SELECT FROM holdings_load_fred_series WHERE series = 'WMTSECL1')$sql$),
('load_fred_series', 2, 'treasury_yield', '{series,as_of,maturity_months,yield_percent,source_id}',
 $sql$SELECT series, as_of, maturity_months, value, $1 FROM holdings_load_fred_series
       WHERE value IS NOT NULL AND maturity_months IS NOT NULL$sql$,
 $sql$EXISTS (SELECT FROM holdings_load_fred_series WHERE maturity_months IS NOT NULL)$sql$),
('load_fred_series', 3, 'dollar_index', '{series,as_of,value,source_id}',
 $sql$SELECT series, as_of, value, $1 FROM holdings_load_fred_series
       WHERE value IS NOT NULL AND series IN ('TWEXBGSMTH', 'DTWEXBGS')$sql$,
 $sql$EXISTS (SELECT FROM holdings_load_fred_series WHERE series IN ('TWEXBGSMTH', 'DTWEXBGS'))$sql$);

-- Federal Reserve H.10/G.5 monthly averages: into fx_rate, rate set
-- fed-monthly. LUF, which the Fed never printed, at par with BEF (the
-- Belgium-Luxembourg monetary union; both entered the euro at 40.3399), so
-- fed-monthly converts every euro member's legacy currency (issue 20).
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, unknown_what, noun, description) VALUES
('load_fed_h10_monthly', 'Fed H.10 document',
 $sql$SELECT p.line, p.label, p.as_of, p.per_usd, m.label AS known, m.currency
        FROM @extschema@.parse_fed_h10_monthly($1) p LEFT JOIN @extschema@.fx_label m ON m.label = p.label$sql$,
 '{label,as_of}', 'known', 'country label', 'rate',
 'Loads Federal Reserve H.10/G.5 monthly averages into fx_rate (rate set fed-monthly; LUF at par with BEF), all or nothing, never over a newer release''s rates; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_fed_h10_monthly', 1, 'fx_rate', '{rate_set,currency,as_of,per_usd,source_id}',
 $sql$SELECT 'fed-monthly', currency, as_of, per_usd, $1 FROM holdings_load_fed_h10_monthly WHERE currency IS NOT NULL
      UNION ALL
      SELECT 'fed-monthly', 'LUF', as_of, per_usd, $1 FROM holdings_load_fed_h10_monthly
       WHERE currency = 'BEF' AND NOT EXISTS (SELECT FROM holdings_load_fed_h10_monthly WHERE currency = 'LUF')$sql$);

-- ECB euro reference rates: into fx_rate, rate set ecb-daily, crossed through
-- the USD column (per_usd = rate / USD rate; EUR = 1 / USD rate; rounded to 20
-- places). Also fed-monthly rates of the euro members' legacy currencies the
-- Fed never published (SIT, CYP, MTL, SKK, EEK, LVL, LTL, HRK, BGN; issue 20):
-- the average of each complete month's daily cross rates, rounded to 20
-- places (the newest day is the newest USD rate's: every day with one has its
-- EUR rate).
INSERT INTO @extschema@.loader (name, document, parse, key_columns, mapped_column, unknown_what, noun, shown_columns,
                                label_column, description) VALUES
('load_ecb_rates', 'ECB document',
 $sql$SELECT p.*, c.code AS known FROM @extschema@.parse_ecb_eurofxref($1) p
        LEFT JOIN @extschema@.currency c ON c.code = p.currency$sql$,
 '{as_of,currency}', 'known', 'currency', 'line', '{as_of}', 'currency',
 'Loads ECB euro reference rates (eurofxref-hist.csv) into fx_rate (rate set ecb-daily, crossed through USD; fed-monthly averages of complete months for the legacy currencies SIT, CYP, MTL, SKK, EEK, LVL, LTL, HRK, BGN), all or nothing, never over a newer release''s rates; returns every row written or kept (dry_run: reports without writing)');
INSERT INTO @extschema@.loader_step (loader, step, target, columns, mapping) VALUES
('load_ecb_rates', 1, 'fx_rate', '{rate_set,currency,as_of,per_usd,source_id}',
 $sql$SELECT 'ecb-daily', c.currency, c.as_of, pg_catalog.round(c.per_eur / u.per_eur, 20), $1
        FROM holdings_load_ecb_rates c JOIN holdings_load_ecb_rates u ON u.as_of = c.as_of AND u.currency = 'USD'
       WHERE c.currency <> 'USD'
      UNION ALL
      SELECT 'ecb-daily', 'EUR', u.as_of, pg_catalog.round(1 / u.per_eur, 20), $1 FROM holdings_load_ecb_rates u WHERE u.currency = 'USD'
      UNION ALL
      SELECT 'fed-monthly', c.currency, (pg_catalog.date_trunc('month', c.as_of) + interval '1 month' - interval '1 day')::date,
             pg_catalog.round(pg_catalog.avg(pg_catalog.round(c.per_eur / u.per_eur, 20)), 20), $1
        FROM holdings_load_ecb_rates c JOIN holdings_load_ecb_rates u ON u.as_of = c.as_of AND u.currency = 'USD'
       WHERE c.currency IN ('SIT', 'CYP', 'MTL', 'SKK', 'EEK', 'LVL', 'LTL', 'HRK', 'BGN')
         AND pg_catalog.date_trunc('month', c.as_of) < (SELECT pg_catalog.date_trunc('month', pg_catalog.max(l.as_of)) FROM holdings_load_ecb_rates l
                                              WHERE l.currency = 'USD')
       GROUP BY c.currency, pg_catalog.date_trunc('month', c.as_of)$sql$);

-- The public loaders: one function per row of holdings.loader, all with the
-- one signature, each running load_run with its own name. (EXECUTE is taken
-- from PUBLIC in 96_privileges.sql: grant a loader, with the tables it writes,
-- to the roles that refresh the data.)
DO $loaders$
DECLARE
    l record;
BEGIN
    FOR l IN SELECT d.name, d.description FROM @extschema@.loader d ORDER BY d.name LOOP
        EXECUTE pg_catalog.format(
            'CREATE FUNCTION @extschema@.%I(document text, source_id text, dry_run boolean DEFAULT false,
                                            vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
                 RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
                 LANGUAGE sql VOLATILE PARALLEL UNSAFE
                 SET search_path = pg_catalog, pg_temp
             AS %L', l.name,
            pg_catalog.format('SELECT * FROM @extschema@.load_run(%L, document, source_id, dry_run, vintage, url, file_name)',
                              l.name));
        EXECUTE pg_catalog.format('COMMENT ON FUNCTION @extschema@.%I(text, text, boolean, date, text, text) IS %L',
                                  l.name, l.description);
    END LOOP;
END
$loaders$;
