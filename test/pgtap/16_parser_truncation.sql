-- Where a document ends (issue 18, items 10 and 12). Every parser gets every
-- prefix of a small real document (test/documents: lines cut from the shipped
-- files, byte for byte). A prefix must be refused with 22P02 naming a line,
-- unless it is a complete document, and a complete one must give exactly the
-- rows of the whole document that it holds:
--   formats with an end marker (the mfhhis01 footer, the "Notes:" line of TIC
--   Tables 3 and 5) are complete only with the marker: every accepted prefix
--   gives all the rows;
--   formats without one (Form S, FRED, Fed H.10, ECB, Table 3D) are complete at the
--   newline after a data line: a prefix cut exactly there reads as a shorter
--   file and gives the rows of its complete lines; any other cut is refused.
-- 0.2.0 accepted prefixes cut inside a figure (ECB ZAR 2012-04-17 read as 10
-- instead of 10.2708, Japan 2025-01 as 1079 instead of 1079.3, a Table 3
-- bills figure as 15 instead of 1578).
-- Run from the repository's root (pg_prove test/pgtap/*.sql, scripts/test).
BEGIN;
SELECT plan(25);

\set mfh `base64 -w0 test/documents/mfhhis01_excerpt.txt`
\set form_s `base64 -w0 test/documents/s1_globl_excerpt.txt`
\set table3 `base64 -w0 test/documents/slt_table3_excerpt.txt`
\set table5 `base64 -w0 test/documents/slt_table5_excerpt.txt`
\set fred `base64 -w0 test/documents/fred_dgs10_excerpt.csv`
\set h10 `base64 -w0 test/documents/fed_h10_excerpt.csv`
\set ecb `base64 -w0 test/documents/ecb_excerpt.csv`
\set table3d `base64 -w0 test/documents/slt3d_excerpt.csv`

CREATE TEMP TABLE document (parser text PRIMARY KEY, body text NOT NULL, marker text);
INSERT INTO document VALUES
    ('parse_tic_mfh', pg_catalog.convert_from(pg_catalog.decode(:'mfh', 'base64'), 'UTF8'), 'Department of the Treasury'),
    ('parse_tic_form_s', pg_catalog.convert_from(pg_catalog.decode(:'form_s', 'base64'), 'UTF8'), NULL),
    ('parse_tic_slt_table3', pg_catalog.convert_from(pg_catalog.decode(:'table3', 'base64'), 'UTF8'), 'Notes:'),
    ('parse_tic_slt_table5', pg_catalog.convert_from(pg_catalog.decode(:'table5', 'base64'), 'UTF8'), 'Notes:'),
    ('parse_fred_csv', pg_catalog.convert_from(pg_catalog.decode(:'fred', 'base64'), 'UTF8'), NULL),
    ('parse_fed_h10_monthly', pg_catalog.convert_from(pg_catalog.decode(:'h10', 'base64'), 'UTF8'), NULL),
    ('parse_ecb_eurofxref', pg_catalog.convert_from(pg_catalog.decode(:'ecb', 'base64'), 'UTF8'), NULL),
    ('parse_tic_table3d', pg_catalog.convert_from(pg_catalog.decode(:'table3d', 'base64'), 'UTF8'), NULL);

-- "rows R, accepted A, refused F, wrong W": R rows in the whole document, A
-- prefixes accepted, F refused with 22P02 naming a line, W prefixes that
-- broke the rule above (the first one is named).
CREATE FUNCTION pg_temp.prefixes(p text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    doc text;
    mark text;
    mark_end integer;
    first_line integer;
    total integer;
    prefix text;
    lines integer;
    complete boolean;
    got text[];
    expected text[];
    accepted integer := 0;
    refused integer := 0;
    wrong integer := 0;
    first_wrong text := '';
BEGIN
    SELECT d.body, d.marker INTO doc, mark FROM pg_temp.document d WHERE d.parser = p;
    EXECUTE format('CREATE TEMP TABLE whole ON COMMIT DROP AS SELECT t.line, t::text AS row FROM holdings.%I($1) t', p) USING doc;
    SELECT count(*), min(w.line) INTO total, first_line FROM whole w;
    mark_end := CASE WHEN mark IS NOT NULL THEN strpos(doc, E'\n' || mark) + length(mark) END;
    FOR len IN 0 .. length(doc) LOOP
        prefix := left(doc, len);
        lines := length(prefix) - length(replace(prefix, E'\n', ''));
        complete := CASE WHEN mark IS NOT NULL THEN len >= mark_end
                         ELSE right(prefix, 1) = E'\n' AND lines >= first_line END;
        BEGIN
            EXECUTE format('SELECT coalesce(array_agg(t::text ORDER BY t::text), ''{}'') FROM holdings.%I($1) t', p)
                INTO got USING prefix;
        EXCEPTION WHEN invalid_text_representation THEN
            refused := refused + 1;
            IF complete OR SQLERRM !~ ', line [0-9]+: ' THEN
                wrong := wrong + 1;
                IF first_wrong = '' THEN first_wrong := format(' (first: %s characters: %s)', len, SQLERRM); END IF;
            END IF;
            CONTINUE;
        END;
        accepted := accepted + 1;
        SELECT coalesce(array_agg(w.row ORDER BY w.row), '{}') INTO expected FROM whole w
         WHERE mark IS NOT NULL OR w.line <= lines;
        IF NOT complete OR got IS DISTINCT FROM expected THEN
            wrong := wrong + 1;
            IF first_wrong = '' THEN first_wrong := format(' (first: %s characters accepted)', len); END IF;
        END IF;
    END LOOP;
    DROP TABLE whole;
    RETURN format('rows %s, accepted %s, refused %s, wrong %s%s', total, accepted, refused, wrong, first_wrong);
END
$$;

SELECT is(pg_temp.prefixes('parse_tic_mfh'), 'rows 72, accepted 102, refused 1018, wrong 0',
          'mfhhis01: complete only with its footer; every accepted prefix gives every figure');
SELECT is(pg_temp.prefixes('parse_tic_slt_table3'), 'rows 5, accepted 240, refused 1143, wrong 0',
          'Table 3: complete only with its "Notes:" line');
SELECT is(pg_temp.prefixes('parse_tic_slt_table5'), 'rows 91, accepted 154, refused 1174, wrong 0',
          'Table 5: complete only with its "Notes:" line');
SELECT is(pg_temp.prefixes('parse_tic_form_s'), 'rows 4, accepted 4, refused 1918, wrong 0',
          'Form S: complete at the newline after a data line, with the rows of its complete lines');
SELECT is(pg_temp.prefixes('parse_fred_csv'), 'rows 5, accepted 5, refused 95, wrong 0',
          'FRED: complete at the newline after a data line');
SELECT is(pg_temp.prefixes('parse_fed_h10_monthly'), 'rows 4, accepted 4, refused 141, wrong 0',
          'Fed H.10: complete at the newline after a data line');
SELECT is(pg_temp.prefixes('parse_ecb_eurofxref'), 'rows 66, accepted 2, refused 720, wrong 0',
          'ECB: complete at the newline after a data line');
SELECT is(pg_temp.prefixes('parse_tic_table3d'), 'rows 2, accepted 2, refused 447, wrong 0',
          'Table 3D: complete at the newline after a data line (a last line cut short was accepted: "Aus" skipped, "300" read as 30)');

-- The issue's three figures, cut inside their last cell.
SELECT throws_ok(format('SELECT * FROM holdings.parse_ecb_eurofxref(%L)', left(body, strpos(body, '10.2708') + 1)),
                 '22P02', 'ECB document, line 2: the document ends inside this line (no newline after it): it is incomplete',
                 'ECB ZAR 2012-04-17 cut to "10" is refused')
  FROM document WHERE parser = 'parse_ecb_eurofxref';
SELECT throws_ok(format('SELECT * FROM holdings.parse_tic_mfh(%L)', left(body, strpos(body, E'\t1079.3') + 4)),
                 '22P02', 'TIC document, line 10: the document ends inside this line (no newline after it): it is incomplete',
                 'mfhhis01 Japan 2025-01 cut to "1079" is refused')
  FROM document WHERE parser = 'parse_tic_mfh';
SELECT throws_ok(format('SELECT * FROM holdings.parse_tic_slt_table3(%L)', left(body, strpos(body, E'\t1578\r') + 2)),
                 '22P02', 'TIC Table 3 document, line 13: the document ends inside this line (no newline after it): it is incomplete',
                 'Table 3 Japan 2026-04 bills cut to "15" is refused')
  FROM document WHERE parser = 'parse_tic_slt_table3';
SELECT throws_ok($$SELECT * FROM holdings.parse_tic_slt_table3(E'country\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\tfor_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\nJapan\t42609\t2026-04\t1209889\t16283\t1056542\t14705\t-3238\t153347\t1578\n')$$,
                 '22P02', 'TIC Table 3 document, line 2: the document ends before the "Notes:" line below the table: it is incomplete',
                 'Table 3 cut at a line end is refused: no "Notes:"');

-- Item 12: dates, long cells, UTF-8 excerpts, a missing USD column, infinite dates.
SELECT throws_ok($$SELECT * FROM holdings.parse_fed_h10_monthly(E'Date,Country,Exchange rate\n2024-13-01,Japan,157.9\n')$$,
                 '22P02', 'Fed H.10 document, line 2: bad month "2024-13-01"', 'H.10: a bad month is 22P02 naming its line');
SELECT throws_ok($$SELECT * FROM holdings.parse_ecb_eurofxref(E'Date,USD,\n2025-02-30,1.1,\n')$$,
                 '22P02', 'ECB document, line 2: bad date "2025-02-30"', 'ECB: a bad date is 22P02 naming its line');
SELECT throws_ok(format('SELECT * FROM holdings.parse_fed_h10_monthly(%L)', E'Date,Country,Exchange rate\n2024-06-01,Japan,' || repeat('9', 100000) || 'x' || E'\n'),
                 '22P02', 'Fed H.10 document, line 2: not a rate: "' || repeat('9', 40) || '..."',
                 'H.10: a 100 kB cell is quoted in 40 bytes');
SELECT throws_ok(format('SELECT * FROM holdings.parse_ecb_eurofxref(%L)', E'Date,USD,\n2025-05-12,' || repeat('9', 100000) || E'x,\n'),
                 '22P02', 'ECB document, line 2: not a rate for USD: "' || repeat('9', 40) || '..."',
                 'ECB: a 100 kB cell is quoted in 40 bytes');
SELECT throws_ok(format('SELECT * FROM holdings.parse_fred_csv(%L)', E'observation_date,DGS10\n2022-12-30,' || repeat('x', 39) || E'\u00e9\u00e9\n'),
                 '22P02', 'FRED document, line 2: not a number: "' || repeat('x', 39) || '..."',
                 'FRED: an excerpt is cut before a character, not inside it');
SELECT throws_ok(format('SELECT * FROM holdings.parse_tic_form_s(%L)', E'name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\nJapan\t42609\t' || repeat('x', 39) || E'\u00e9\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\n'),
                 '22P02', 'TIC Form S document, line 2: bad month "' || repeat('x', 39) || '..."',
                 'Form S: an excerpt is cut before a character, not inside it');
SELECT throws_ok(format('SELECT * FROM holdings.parse_tic_slt_table3(%L)', E'country\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\tfor_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\nJapan\t42609\t2026-04\t' || repeat('x', 39) || E'\u00e9\t1\t1\t1\t1\t1\t1\nNotes:\n'),
                 '22P02', 'TIC Table 3 document, line 2: column for_treas_pos is not a figure: "' || repeat('x', 39) || '..."',
                 'Table 3: an excerpt is cut before a character, not inside it');
SELECT throws_ok(format('SELECT * FROM holdings.parse_tic_slt_table5(%L)', E'Country\t2026-04\nJapan\t' || repeat('x', 39) || E'\u00e9\nNotes:\n'),
                 '22P02', 'TIC Table 5 document, line 2: not a figure: "' || repeat('x', 39) || '..."',
                 'Table 5: an excerpt is cut before a character, not inside it');
SELECT throws_ok($$SELECT * FROM holdings.parse_ecb_eurofxref(E'Date,JPY,GBP,\n2025-05-12,165.00,0.85,\n')$$,
                 '22P02', 'ECB document, line 1: no USD column: load_ecb_rates crosses every rate through USD',
                 'ECB: a file without a USD column is refused (0.2.0 loaded nothing and said nothing)');
SELECT throws_ok($$SELECT * FROM holdings.load_ecb_rates(E'Date,JPY,GBP,\n2025-05-12,165.00,0.85,\n', 'ecb-eurofxref', dry_run => true)$$,
                 '22P02', 'ECB document, line 1: no USD column: load_ecb_rates crosses every rate through USD',
                 'load_ecb_rates: a file without a USD column is an error');
SELECT throws_ok($$SELECT * FROM holdings.parse_ecb_eurofxref(E'Date,USD,JPY,\n2025-05-12,N/A,165.00,\n')$$,
                 '22P02', 'ECB document, line 2: no USD rate: load_ecb_rates crosses every rate through USD',
                 'ECB: a day without a USD rate is refused');
SELECT throws_ok($$SELECT holdings.fx_convert('1 JPY'::holdings.holding, 'USD', 'infinity'::date)$$,
                 '22U03', 'no exchange rate for JPY within 62 days before infinity in rate set "fed-monthly"',
                 '22U03 names infinity as such');
SELECT throws_ok($$SELECT holdings.fx_convert('1 JPY'::holdings.holding, 'USD', '-infinity'::date)$$,
                 '22U03', 'no exchange rate for JPY on or before -infinity in rate set "fed-monthly"',
                 '22U03 names -infinity as such');

SELECT * FROM finish();
ROLLBACK;
