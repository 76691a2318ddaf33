-- Every C++ parser against a 200 MB one-line document (issue 18, items 11 and
-- 12): refused at once with 22P02 naming the line, well within
-- statement_timeout = 5s, with the backend's peak memory (VmHWM, reset before
-- each case through /proc/self/clear_refs) under 300 MB, the 200 MB document
-- itself included. 0.2.0 split such a line into 200 million cells (40 s,
-- 4.4 GB outside PostgreSQL's accounting, statement_timeout ignored) or, in
-- the plpgsql H.10 and ECB parsers, failed with XX000. A 200 MB document of
-- short lines is cancelled by statement_timeout between steps.
-- Needs a superuser (pg_read_file, COPY TO a file), like the rest of the suite.
BEGIN;
SELECT plan(31);

-- The documents, stored compressed (lz4) so that building them costs little
-- memory; the parse function detoasts one 200 MB copy.
CREATE TEMP TABLE big_document (name text PRIMARY KEY, body text COMPRESSION lz4);
INSERT INTO big_document VALUES
    ('tabs', repeat(repeat(E'\t', 1000), 200000)),
    ('commas', repeat(repeat(',', 1000), 200000)),
    ('h10_cell', E'Date,Country,Exchange rate\n2024-06-01,Japan,' || repeat(repeat('1', 1000), 200000) || E'\n'),
    ('ecb_cell', E'Date,USD,JPY,\n2025-05-12,1.1,' || repeat(repeat('1', 1000), 200000) || E',\n'),
    ('short_lines', repeat(E'x\n', 100000000)),
    -- Table 3D: the title, then 200 MB of lines that are not data lines (the
    -- parser skips them without writing a row: only its byte budget ends a step).
    ('table3d_lines', E'"TABLE 3D"\n' || repeat(E'x\n', 100000000));

CREATE TEMP TABLE outcome (parser text, document text, sqlstate text, message text, seconds numeric, peak_mb numeric);

-- Runs parser(document), catching the refusal or the cancel; records the
-- SQLSTATE, the message, the time and the backend's peak RSS during the call.
CREATE FUNCTION pg_temp.attempt(parser text, document text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz;
    state text := '00000';
    msg text := 'no error';
BEGIN
    EXECUTE 'COPY (SELECT 5) TO ''/proc/self/clear_refs''';  -- resets VmHWM
    started := clock_timestamp();
    BEGIN
        EXECUTE format('SELECT count(*) FROM pg_temp.big_document b, holdings.%I(b.body) WHERE b.name = $1', parser)
            USING document;
    EXCEPTION WHEN invalid_text_representation OR program_limit_exceeded OR query_canceled OR internal_error THEN
        state := SQLSTATE;
        msg := SQLERRM;
    END;
    INSERT INTO outcome VALUES (parser, document, state, msg,
        round(extract(epoch FROM clock_timestamp() - started)::numeric, 1),
        round(substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\s*(\d+) kB')::numeric / 1024));
END
$$;

SET statement_timeout = '5s';
SELECT pg_temp.attempt('parse_tic_mfh', 'tabs');
SELECT pg_temp.attempt('parse_tic_form_s', 'tabs');
SELECT pg_temp.attempt('parse_tic_slt_table3', 'tabs');
SELECT pg_temp.attempt('parse_tic_slt_table5', 'tabs');
SELECT pg_temp.attempt('parse_fred_csv', 'commas');
SELECT pg_temp.attempt('parse_fed_h10_monthly', 'h10_cell');
SELECT pg_temp.attempt('parse_ecb_eurofxref', 'ecb_cell');
SELECT pg_temp.attempt('parse_tic_table3d', 'commas');
SET statement_timeout = '300ms';
SELECT pg_temp.attempt('parse_tic_form_s', 'short_lines');
SELECT pg_temp.attempt('parse_tic_table3d', 'table3d_lines');
RESET statement_timeout;

SELECT is(message, expected, parser || ': a 200 MB line is refused with 22P02 naming the line')
  FROM outcome JOIN (VALUES
      ('parse_tic_mfh', 'TIC document, line 1: line longer than 1048576 bytes'),
      ('parse_tic_form_s', 'TIC Form S document, line 1: line longer than 1048576 bytes'),
      ('parse_tic_slt_table3', 'TIC Table 3 document, line 1: line longer than 1048576 bytes'),
      ('parse_tic_slt_table5', 'TIC Table 5 document, line 1: line longer than 1048576 bytes'),
      ('parse_fred_csv', 'FRED document, line 1: line longer than 1048576 bytes'),
      ('parse_fed_h10_monthly', 'Fed H.10 document, line 2: line longer than 1048576 bytes'),
      ('parse_ecb_eurofxref', 'ECB document, line 2: line longer than 1048576 bytes'),
      ('parse_tic_table3d', 'TIC Table 3D document, line 1: line longer than 4096 bytes')) AS e (p, expected)
    ON e.p = parser AND document NOT LIKE '%lines'
 ORDER BY parser;
SELECT is(array_agg(DISTINCT sqlstate), '{22P02}', 'every 200 MB line: SQLSTATE 22P02')
  FROM outcome WHERE document NOT LIKE '%lines';
SELECT cmp_ok(seconds, '<', 5.0, parser || ': refused within statement_timeout (5 s)')
  FROM outcome WHERE document NOT LIKE '%lines' ORDER BY parser;
SELECT cmp_ok(peak_mb, '<', 300.0, parser || ': peak memory under 300 MB, the 200 MB document included')
  FROM outcome WHERE document NOT LIKE '%lines' ORDER BY parser;

-- 100 million short lines: cancelled between steps soon after the timeout
-- (the time includes decompressing the document, which cannot be cancelled).
SELECT is(sqlstate || ' ' || message, '57014 canceling statement due to statement timeout',
          parser || ', 200 MB of short lines: statement_timeout cancels the parse')
  FROM outcome WHERE document LIKE '%lines' ORDER BY parser;
SELECT cmp_ok(seconds, '<', 3.0, parser || ', 200 MB of short lines: cancelled within 3 s')
  FROM outcome WHERE document LIKE '%lines' ORDER BY parser;
SELECT cmp_ok(peak_mb, '<', 300.0, parser || ', 200 MB of short lines: peak memory under 300 MB')
  FROM outcome WHERE document LIKE '%lines' ORDER BY parser;

SELECT * FROM finish();
ROLLBACK;
