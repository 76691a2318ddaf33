-- Data releases and vintages (issue 19): every shipped file is a release, every
-- figure points to its release, loading the shipped files again (in any order)
-- changes no figure, an older release never replaces a newer one's figure (for
-- every loader), a newer one does and keeps the replaced figure, the vintage a
-- file prints wins, data_freshness, and data_file reads nothing but the
-- installed data files.
BEGIN;
SELECT plan(71);
SET search_path = public, holdings;

-- ---- releases as installed ------------------------------------------------------------------
SELECT is((SELECT count(*) FROM data_release WHERE shipped), 20::bigint, 'one shipped release per data file of data/sources.csv');
SELECT is((SELECT id || ' ' || vintage || ' ' || file_name FROM data_release WHERE source_id = 'tic-slt-table3'),
          'tic-slt-table3/2026-07-01/d53727506606 2026-07-01 slt_table3.txt',
          'a release id is dataset/vintage/sha256 prefix (the sha256 of data/tic/slt_table3.txt.source)');
SELECT is((SELECT sha256 FROM data_release WHERE source_id = 'tic-mfhhis01'),
          'adc9faf1eee0ca65e4d683f557c61dd81bfdc96c3a21ce72d1b765d6aa7f3f03', 'the full sha256 of the file');
SELECT is((SELECT array_agg(DISTINCT basis) FROM position WHERE release_id IS NULL), '{book}'::text[],
          'every shipped figure has its release, but the bank figures (no file, no release)');
SELECT is((SELECT count(*) FROM (
              SELECT release_id FROM transaction UNION ALL SELECT release_id FROM custody_holding
              UNION ALL SELECT release_id FROM treasury_yield UNION ALL SELECT release_id FROM fx_rate
              UNION ALL SELECT release_id FROM dollar_index UNION ALL SELECT release_id FROM position_comparison
              UNION ALL SELECT release_id FROM position_vintage) r WHERE release_id IS NULL), 0::bigint,
          'every row of the other figure tables has its release');
SELECT is((SELECT rows_kept FROM data_release WHERE source_id = 'tic-mfhhis01'), 80::bigint,
          'mfhhis01 (2026-03-18) kept 80 figures of Table 3 (2026-07-01), which is newer');

-- ---- loading every shipped file again changes no figure, in any order ----------------------
CREATE TEMP VIEW figures AS
SELECT 'position' AS t, md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) AS h FROM position x
UNION ALL SELECT 'position_vintage', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM position_vintage x
UNION ALL SELECT 'position_comparison', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM position_comparison x
UNION ALL SELECT 'transaction', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM transaction x
UNION ALL SELECT 'custody_holding', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM custody_holding x
UNION ALL SELECT 'treasury_yield', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM treasury_yield x
UNION ALL SELECT 'fx_rate', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM fx_rate x
UNION ALL SELECT 'dollar_index', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM dollar_index x
UNION ALL SELECT 'figure_vintage', md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM figure_vintage x
UNION ALL SELECT 'data_release', md5(string_agg((to_jsonb(x) - 'loaded_at')::text, ',' ORDER BY x.id)) FROM data_release x
UNION ALL SELECT 'user_edit', md5(string_agg((to_jsonb(x) - 'edited_at')::text, ',' ORDER BY x.table_name, x.key)) FROM user_edit x;
CREATE TEMP TABLE figures_before AS SELECT * FROM figures;
-- The installed sources.csv lists each file with its loader (as the install reads it).
CREATE TEMP TABLE manifest AS
SELECT c[1] AS source_id, c[array_length(c, 1) - 1] AS data_file, c[array_length(c, 1)] AS loader
  FROM unnest(string_to_array(rtrim(data_file('sources.csv'), E'\n'), E'\n')) WITH ORDINALITY AS l (line, n),
       LATERAL (SELECT string_to_array(l.line, ',') AS c) x
 WHERE l.n > 1 AND c[array_length(c, 1)] LIKE 'load\_%';
SELECT is((SELECT count(*) FROM manifest), 20::bigint, 'the installed sources.csv lists the 20 data files with their loaders');
CREATE TEMP TABLE reload (n serial, source_id text, action text, table_name text, key text[], old_value jsonb, new_value jsonb);
CREATE FUNCTION pg_temp.reload_all(which text, order_by text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f record;
BEGIN
    FOR f IN EXECUTE 'SELECT m.*, r.vintage FROM manifest m JOIN data_release r USING (source_id) WHERE m.source_id LIKE '
                     || quote_literal(which) || ' ORDER BY ' || order_by LOOP
        EXECUTE format('INSERT INTO reload (source_id, action, table_name, key, old_value, new_value)
                        SELECT %L, r.* FROM holdings.%I(holdings.data_file(%L), %L, vintage => %L) r',
                       f.source_id, f.loader, f.data_file, f.source_id, f.vintage);
    END LOOP;
END $$;
-- Every file, last first; then the TIC files (the ones that share keys) in another order.
SELECT pg_temp.reload_all('%', 'm.source_id DESC');
SELECT pg_temp.reload_all('tic-%', 'md5(m.source_id)');
SELECT set_eq($$SELECT source_id, action, table_name, count(*) FROM reload GROUP BY 1, 2, 3$$,
              $$VALUES ('tic-mfhhis01', 'kept_newer', 'position', 160::bigint)$$,
              'reloading every shipped file (the TIC ones twice, in two orders): only mfhhis01''s 80 older figures are kept_newer, each time');
SELECT set_eq('SELECT * FROM figures', 'SELECT * FROM figures_before',
              'and no figure, vintage, release or user_edit row changed');

-- ---- an older release never replaces a newer one's figure, for every loader ---------------
INSERT INTO source (id, publisher, title, url)
VALUES ('test-old', 'test', 'an older vintage of the official files', 'https://example.org/old/file.txt');
CREATE TEMP TABLE old_docs (loader text, body text);
INSERT INTO old_docs VALUES
 ('load_tic_slt_table3', E'Table 3\r\ncountry\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\t'
                         || E'for_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\r\n'
                         || E'Japan\t42609\t2026-04\t1111111\t1\t1000000\t2\t3\t111111\t4\r\n\r\nNotes:\r\n'),
 ('load_tic_mfh', E'\tDec\nCountry\t2025\n\t------\nJapan\t1111.1\nDepartment of the Treasury/Federal Reserve Board\n'),
 ('load_tic_slt_table5', E'Table 5\nCountry\t2026-04\nNorway\t111.1\nNotes:\n'),
 ('load_tic_form_s', E'U.S. Transactions with Foreigners\r\nname\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\r\n'
                     || E' ----\t ----\r\nJapan\t42609\t2022-12\t"1,000"\t1\t1\t1\t1\t1\t"2,000"\t1\t1\t1\t1\t1\r\n'),
 ('load_fred_series', E'observation_date,DGS10\n2026-04-17,9.99\n'),
 ('load_fred_series', E'observation_date,WMTSECL1\n2026-06-24,1\n'),
 ('load_fred_series', E'observation_date,TWEXBGSMTH\n2026-02-01,99.9\n'),
 ('load_fed_h10_monthly', E'Date,Country,Exchange rate\n2024-06-01,Japan,99.9\n'),
 ('load_ecb_rates', E'Date,USD,JPY,\n2025-05-09,2.0,200.0,\n');
CREATE TEMP TABLE old_report (loader text, action text, table_name text, key text[], old_value jsonb, new_value jsonb);
CREATE FUNCTION pg_temp.load_old(v date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE d record;
BEGIN
    FOR d IN SELECT * FROM old_docs LOOP
        EXECUTE format('INSERT INTO old_report SELECT %L, r.* FROM holdings.%I($1, ''test-old'', vintage => $2) r', d.loader, d.loader)
            USING d.body, v;
    END LOOP;
END $$;
SELECT pg_temp.load_old('2001-01-01');
SELECT set_eq($$SELECT DISTINCT loader, action FROM old_report WHERE table_name NOT IN ('position_vintage', 'figure_vintage')$$,
              $$VALUES ('load_tic_slt_table3', 'kept_newer'), ('load_tic_mfh', 'kept_newer'), ('load_tic_slt_table5', 'kept_newer'),
                       ('load_tic_form_s', 'kept_newer'), ('load_fred_series', 'kept_newer'), ('load_fed_h10_monthly', 'kept_newer'),
                       ('load_ecb_rates', 'kept_newer')$$,
              'every loader: an older release''s figures are kept_newer, none inserted or updated');
SELECT is((SELECT count(*) FROM old_report WHERE action = 'kept_newer'), 14::bigint,
          'kept: Table 3 3 holdings + 2 flows, mfhhis01 1, Table 5 1, Form S 1, FRED 3, Fed H.10 1, ECB 2 (JPY and EUR)');
SELECT set_eq('SELECT * FROM figures WHERE t NOT IN (''position_vintage'', ''figure_vintage'', ''data_release'', ''user_edit'')',
              'SELECT * FROM figures_before WHERE t NOT IN (''position_vintage'', ''figure_vintage'', ''data_release'', ''user_edit'')',
              'no figure of a newer release changed');
SELECT is((SELECT amount FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30'),
          '1209889 mn USD'::holding, 'Japan 2026-04 is still Table 3''s figure');
SELECT is((SELECT amount::text || ' ' || release_id FROM position_vintage
            WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30' AND source_id = 'test-old'),
          '1111111000000.00 USD test-old/2001-01-01/' || left(encode(sha256(convert_to((SELECT body FROM old_docs WHERE loader = 'load_tic_slt_table3'), 'UTF8')), 'hex'), 12),
          'the older figure is kept in position_vintage, with its release');
SELECT is((SELECT figure ->> 'yield_percent' FROM figure_vintage
            WHERE table_name = 'treasury_yield' AND key = '["DGS10", "2026-04-17"]' AND source_id = 'test-old'),
          '9.99', 'an older yield is kept in figure_vintage');
SELECT is((SELECT figure ->> 'per_usd' FROM figure_vintage
            WHERE table_name = 'fx_rate' AND key = '["ecb-daily", "JPY", "2025-05-09"]' AND source_id = 'test-old'),
          '100.00000000000000000000', 'an older ECB rate (crossed through USD) is kept in figure_vintage');
SELECT is((SELECT (rows_inserted, rows_updated, rows_kept)::text FROM data_release
            WHERE source_id = 'test-old' AND id LIKE '%/2001-01-01/%' ORDER BY id LIMIT 1) IS NOT NULL, true,
          'each older file is a release of its own');
SELECT is((SELECT sum(rows_kept) FROM data_release WHERE source_id = 'test-old'), 14::numeric,
          'the releases count the figures they did not write');
-- The same older files again: nothing more is written, the report is the same.
DELETE FROM old_report;
CREATE TEMP TABLE figures_old AS SELECT * FROM figures;
SELECT pg_temp.load_old('2001-01-01');
SELECT is((SELECT count(*) FROM old_report WHERE action <> 'kept_newer'), 0::bigint, 'loading the older files again writes nothing ...');
SELECT set_eq('SELECT * FROM figures', 'SELECT * FROM figures_old', '... and changes nothing, not even the releases'' counts');

-- ---- a newer release replaces, and keeps the replaced figure ------------------------------
SELECT set_eq($$SELECT action, table_name, key::text FROM load_fred_series(E'observation_date,DGS10\n2026-04-17,4.44\n', 'test-old', vintage => '2030-01-01')$$,
              $$VALUES ('updated', 'treasury_yield', '{DGS10,2026-04-17}'),
                       ('inserted', 'figure_vintage', '{treasury_yield,"[\"DGS10\", \"2026-04-17\"]",fred-dgs10,fred-dgs10/2026-04-21/60a7a37d852a}')$$,
              'a newer release updates the figure and keeps the replaced one as a vintage (its key: key, dataset and release)');
SELECT is((SELECT yield_percent::text || ' ' || source_id FROM treasury_yield WHERE series = 'DGS10' AND as_of = '2026-04-17'),
          '4.44 test-old', 'the newer figure, with its dataset');
SELECT is((SELECT (figure ->> 'yield_percent') || ' ' || release_id FROM figure_vintage
            WHERE table_name = 'treasury_yield' AND key = '["DGS10", "2026-04-17"]' AND source_id = 'fred-dgs10'),
          '4.26 fred-dgs10/2026-04-21/60a7a37d852a', 'the replaced figure keeps its release');
SELECT is((SELECT count(*) FROM load_fred_series(E'observation_date,DGS10\n2026-04-17,4.26\n', 'fred-dgs10', vintage => '2026-04-21')
            WHERE action = 'kept_newer'), 1::bigint, 'the shipped file again: its figure is now older (kept_newer)');

-- ---- position_vintage keeps every release's figure: four releases of mfhhis01 --------------
-- Norway 2026-04 (Table 3: 214,700 mn, 2026-07-01): releases of 2030-01, -02 and -03 revise it
-- one after the other (each replaced figure a vintage of its own release, none overwritten),
-- then an older one (2029-12) is kept_newer; every file loaded again changes nothing.
-- (mfhhis01's layout; Table 5 would do the same, but a Table 5 file loaded again over its own
-- figure in position stores it as a vintage too: its same_figure test lacks mfhhis01's <>.)
INSERT INTO source (id, publisher, title, url)
VALUES ('test-t5', 'test', 'releases of mfhhis01', 'https://example.org/t5/mfhhis01.txt');
CREATE TEMP TABLE t5_docs (v date, body text);
INSERT INTO t5_docs VALUES ('2030-01-01', E'\tApr\nCountry\t2026\n\t------\nNorway\t201.1\nDepartment of the Treasury/Federal Reserve Board\n'),
                           ('2030-02-01', E'\tApr\nCountry\t2026\n\t------\nNorway\t202.2\nDepartment of the Treasury/Federal Reserve Board\n'),
                           ('2030-03-01', E'\tApr\nCountry\t2026\n\t------\nNorway\t203.3\nDepartment of the Treasury/Federal Reserve Board\n'),
                           ('2029-12-01', E'\tApr\nCountry\t2026\n\t------\nNorway\t200.0\nDepartment of the Treasury/Federal Reserve Board\n');
CREATE TEMP TABLE t5_report (v date, action text, table_name text, key text[]);
INSERT INTO t5_report SELECT d.v, r.action, r.table_name, r.key
  FROM (SELECT * FROM t5_docs ORDER BY v = '2029-12-01', v) d,
       LATERAL load_tic_mfh(d.body, 'test-t5', vintage => d.v) r;
CREATE TEMP VIEW t5_release AS
SELECT v, 'test-t5/' || v || '/' || left(encode(sha256(convert_to(body, 'UTF8')), 'hex'), 12) AS id FROM t5_docs;
SELECT set_eq($$SELECT v, action, table_name, key FROM t5_report$$,
              $$SELECT v, a, t, k FROM (VALUES
                  (date '2030-01-01', 'updated', 'position', '{NO,UST,2026-04-30}'::text[]),
                  ('2030-01-01', 'inserted', 'position_vintage',
                   ARRAY['NO', 'UST', '2026-04-30', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]),
                  ('2030-02-01', 'updated', 'position', '{NO,UST,2026-04-30}'),
                  ('2030-02-01', 'inserted', 'position_vintage',
                   ARRAY['NO', 'UST', '2026-04-30', 'test-t5', (SELECT id FROM t5_release WHERE v = '2030-01-01')]),
                  ('2030-03-01', 'updated', 'position', '{NO,UST,2026-04-30}'),
                  ('2030-03-01', 'inserted', 'position_vintage',
                   ARRAY['NO', 'UST', '2026-04-30', 'test-t5', (SELECT id FROM t5_release WHERE v = '2030-02-01')]),
                  ('2029-12-01', 'kept_newer', 'position', '{NO,UST,2026-04-30}'),
                  ('2029-12-01', 'inserted', 'position_vintage',
                   ARRAY['NO', 'UST', '2026-04-30', 'test-t5', (SELECT id FROM t5_release WHERE v = '2029-12-01')])) AS x (v, a, t, k)$$,
              'each mfhhis01 release revises Norway or is kept_newer; each replaced or older figure is a vintage row of its own release');
SELECT results_eq($$SELECT source_id, release_id, amount::text, shipped FROM position_vintage
                     WHERE holder_id = 'NO' AND instrument = 'UST' AND as_of = '2026-04-30'
                       AND source_id IN ('test-t5', 'tic-slt-table3') ORDER BY source_id, release_id$$,
                  $$SELECT * FROM (
                      SELECT 'test-t5'::text, (SELECT id FROM t5_release WHERE v = '2029-12-01'), '200000000000.00 USD'::text, false
                      UNION ALL SELECT 'test-t5', (SELECT id FROM t5_release WHERE v = '2030-01-01'), '201100000000.00 USD', false
                      UNION ALL SELECT 'test-t5', (SELECT id FROM t5_release WHERE v = '2030-02-01'), '202200000000.00 USD', false
                      UNION ALL SELECT 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3'),
                                       '214700000000.00 USD', false) x ORDER BY 1, 2$$,
                  'position_vintage: every release''s figure for the key, row by row, each with its release (none overwritten; the user''s: loaded outside a release script)');
SELECT is((SELECT amount::text || ' ' || release_id FROM position WHERE holder_id = 'NO' AND instrument = 'UST' AND as_of = '2026-04-30'),
          '203300000000.00 USD ' || (SELECT id FROM t5_release WHERE v = '2030-03-01'),
          'the newest release''s figure stays in position');
CREATE TEMP TABLE figures_t5 AS SELECT * FROM figures;
DELETE FROM t5_report;
INSERT INTO t5_report SELECT d.v, r.action, r.table_name, r.key
  FROM (SELECT * FROM t5_docs ORDER BY md5(body)) d, LATERAL load_tic_mfh(d.body, 'test-t5', vintage => d.v) r;
SELECT set_eq($$SELECT DISTINCT v, action, table_name FROM t5_report$$,
              $$VALUES (date '2029-12-01', 'kept_newer', 'position'), ('2030-01-01', 'kept_newer', 'position'),
                       ('2030-02-01', 'kept_newer', 'position')$$,
              'each mfhhis01 release again: the older ones'' figures are reported kept_newer, no vintage is written');
SELECT set_eq('SELECT * FROM figures', 'SELECT * FROM figures_t5', 'and no figure, vintage or release changed');

-- A vintage row written by hand has no release: release_id '' (the default), one per key and dataset.
INSERT INTO position_vintage (holder_id, instrument, as_of, source_id, amount)
VALUES ('NO', 'UST', '2026-04-30', 'test-t5', '199 bn USD');
SELECT is((SELECT release_id || '|' || shipped FROM position_vintage
            WHERE holder_id = 'NO' AND instrument = 'UST' AND as_of = '2026-04-30' AND source_id = 'test-t5' AND amount = '199 bn USD'),
          '|false', 'a vintage row written by hand: release_id '''', beside the releases'' rows of the key and dataset');
SELECT throws_ok($$INSERT INTO position_vintage (holder_id, instrument, as_of, source_id, amount)
                   VALUES ('NO', 'UST', '2026-04-30', 'test-t5', '198 bn USD')$$,
                 '23505', NULL, 'a second one for the key and dataset is refused (unique per key and dataset)');
SELECT throws_ok($$INSERT INTO figure_vintage (table_name, key, source_id, figure, release_id)
                   VALUES ('treasury_yield', '["DGS10", "2026-04-17"]', 'test-t5', '{"yield_percent": 4.0}', NULL)$$,
                 '23502', NULL, 'release_id is never null (the key has it; by hand: '''')');

-- ---- the vintage a file prints wins --------------------------------------------------------
SELECT is((SELECT count(*) FROM load_tic_mfh(E'\tDec\nCountry\t2025\n\t------\nJapan\t1111.1\n\nDepartment of the Treasury/Federal Reserve Board\t\t\n3/18/27\t\t\n',
                                             'test-old', vintage => '2001-01-01') WHERE action = 'updated'), 1::bigint,
          'mfhhis01 printing 3/18/27 is newer than Table 3 (2026-07-01), whatever vintage is given');
SELECT is((SELECT vintage FROM data_release WHERE source_id = 'test-old' ORDER BY vintage DESC LIMIT 1), '2030-01-01'::date,
          'the releases of test-old so far');
SELECT ok(EXISTS (SELECT FROM data_release WHERE source_id = 'test-old' AND vintage = '2027-03-18'), 'the printed date is the vintage');

-- ---- freshness -------------------------------------------------------------------------------
SELECT is((SELECT (latest_period, vintage, next_release_due, age_days = CURRENT_DATE - date '2026-07-01')::text
             FROM data_freshness WHERE dataset = 'tic-slt-table3'),
          '(2026-04-30,2026-07-01,2026-07-18,t)', 'Table 3: 2026-04, vintage 2026-07-01, May due around 2026-07-18');
SELECT is((SELECT (latest_period, next_release_due)::text FROM data_freshness WHERE dataset = 'ecb-eurofxref'),
          '(2025-05-09,2025-05-12)', 'ECB: a Friday, then the Monday');
SELECT is((SELECT next_release_due FROM data_freshness WHERE dataset = 'tic-form-s'), NULL::date, 'Form S is discontinued');
SELECT is((SELECT array_agg(attname || ' ' || format_type(atttypid, atttypmod) ORDER BY attnum)
             FROM pg_attribute WHERE attrelid = 'holdings.data_freshness'::regclass AND attnum > 0 AND NOT attisdropped),
          '{"dataset text","title text","latest_period date","vintage date","release_id text","age_days integer",'
          '"period_age_days integer","next_release_due date","days_overdue integer","overdue boolean"}'::text[],
          'data_freshness: its columns, in order, with their types');
-- Overdue: the shipped data is months old. Every dataset with a schedule was
-- due by 2026-08-03 (in the past since) and is overdue by current_date -
-- next_release_due days, but mfhhis01 (yearly, due 2027-03-18).
SELECT is((SELECT string_agg(dataset || ' ' || next_release_due, ', ' ORDER BY dataset) FROM data_freshness
            WHERE overdue AND days_overdue = CURRENT_DATE - next_release_due AND dataset NOT LIKE 'test-%'),
          'ecb-eurofxref 2025-05-12, fed-h10-monthly 2026-08-03, fred-dgs1 2026-04-21, fred-dgs10 2026-04-21, '
          'fred-dgs1mo 2026-04-21, fred-dgs2 2026-04-21, fred-dgs20 2026-04-21, fred-dgs30 2026-04-21, '
          'fred-dgs3mo 2026-04-21, fred-dgs5 2026-04-21, fred-dgs6mo 2026-04-21, fred-dgs7 2026-04-21, '
          'fred-dtwexbgs 2026-08-03, fred-twexbgsmth 2026-04-03, fred-wmtsecl1 2026-07-02, '
          'tic-slt-table3 2026-07-18, tic-slt-table5 2026-07-18',
          'overdue, by current_date - next_release_due days: every shipped dataset with a schedule but mfhhis01');
SELECT is((SELECT string_agg(dataset, ', ' ORDER BY dataset) FROM data_freshness WHERE next_release_due < vintage), NULL,
          'no next release is due before the vintage of the release loaded');
SELECT is((SELECT (overdue, days_overdue)::text FROM data_freshness WHERE dataset = 'tic-mfhhis01'),
          CASE WHEN CURRENT_DATE > date '2027-03-18' THEN '(t,' || (CURRENT_DATE - date '2027-03-18') || ')' ELSE '(f,0)' END,
          'mfhhis01: due 2027-03-18, overdue only after it (0 days until then)');
SELECT is((SELECT string_agg(dataset, ', ' ORDER BY dataset) FROM data_freshness WHERE overdue IS NULL AND days_overdue IS NULL),
          'test-old, test-t5, tic-form-s, tic-slt-table3d',
          'no next release due (discontinued, frozen, a user''s dataset): overdue and days_overdue null, not false and 0');
-- Around the due date, with releases written relative to today: due yesterday
-- (WMTSECL1: latest + 8, read two days ago), today (a DGS10 copy read today
-- whose next release was out before: due at its vintage), next month (TWEXBGSMTH).
INSERT INTO data_release (id, source_id, vintage, sha256, latest_period) VALUES
    ('fred-wmtsecl1/test', 'fred-wmtsecl1', CURRENT_DATE - 2, repeat('0', 64), CURRENT_DATE - 9),
    ('fred-dgs10/test', 'fred-dgs10', CURRENT_DATE, repeat('1', 64), CURRENT_DATE - 30),
    ('fred-twexbgsmth/test', 'fred-twexbgsmth', CURRENT_DATE, repeat('2', 64), (date_trunc('month', CURRENT_DATE) - interval '1 month')::date);
SELECT is((SELECT string_agg(format('%s: due %s, age %s, period age %s, overdue %s by %s', dataset, sign(next_release_due - CURRENT_DATE),
                                    age_days, period_age_days, overdue, days_overdue), '; ' ORDER BY dataset)
             FROM data_freshness WHERE dataset IN ('fred-wmtsecl1', 'fred-dgs10', 'fred-twexbgsmth')),
          'fred-dgs10: due 0, age 0, period age 30, overdue f by 0; '
          'fred-twexbgsmth: due 1, age 0, period age ' || (CURRENT_DATE - (date_trunc('month', CURRENT_DATE) - interval '1 month')::date) || ', overdue f by 0; '
          'fred-wmtsecl1: due -1, age 2, period age 9, overdue t by 1',
          'due yesterday: overdue by 1 day; due today or later: not overdue, 0 days');

-- next_release_due, exact dates (2026-04-17 is a Friday). H.15 (FRED DGS*): an
-- observation is published the business day after it, so the next one's comes
-- the business day after the next business day; the shipped files (last
-- observation Friday 2026-04-17, vintage Tuesday 2026-04-21: read before
-- Monday's was published that afternoon) have Monday's due on 2026-04-21.
SELECT is(next_release_due(d, l::date, v::date)::text, due, format('%s, latest %s, vintage %s: due %s', d, l, v, due))
  FROM (VALUES
    ('fred-dgs10', '2026-04-17', '2026-04-21', '2026-04-21'),  -- Friday: Monday's, published Tuesday
    ('fred-dgs10', '2026-04-16', '2026-04-17', '2026-04-20'),  -- Thursday: Friday's, published Monday
    ('fred-dgs10', '2026-04-21', '2026-04-22', '2026-04-23'),  -- Tuesday: Wednesday's, published Thursday
    ('fred-dgs2', '2026-04-16', '2026-04-19', '2026-04-20'),   -- read on a Sunday
    ('fred-dgs30', '2026-04-10', '2026-04-21', '2026-04-21'),  -- a stale copy: its next release was out at its vintage
    ('ecb-eurofxref', '2025-05-09', '2025-05-09', '2025-05-12'),  -- ECB: the day itself; Friday, then Monday
    ('ecb-eurofxref', '2025-05-08', '2025-05-08', '2025-05-09'),
    ('ecb-eurofxref', '2025-05-09', '2025-05-11', '2025-05-12'),  -- read on a Sunday
    ('fred-dtwexbgs', '2026-07-24', '2026-08-02', '2026-08-03'),  -- H.10: the next week's figures, the Monday after it
    ('fred-dtwexbgs', '2026-07-22', '2026-07-23', '2026-07-27'),
    ('fred-wmtsecl1', '2026-06-24', '2026-07-02', '2026-07-02'),  -- H.4.1: Wednesday 07-01's level, Thursday
    ('fred-twexbgsmth', '2026-03-01', '2026-04-06', '2026-05-01'),  -- G.5: April's average, Friday 05-01
    ('fred-twexbgsmth', '2026-02-01', '2026-04-03', '2026-04-03'),  -- March's was out 04-01: due at the vintage
    ('fed-h10-monthly', '2026-06-30', '2026-07-21', '2026-08-03'),  -- 08-01 is a Saturday
    ('tic-slt-table3', '2026-04-30', '2026-07-01', '2026-07-18'),
    ('tic-slt-table3', '2026-05-31', '2026-08-18', '2026-08-18'),
    ('tic-mfhhis01', '2025-12-31', '2026-03-18', '2027-03-18')) AS t(d, l, v, due);
SELECT is(next_release_due(d, '2026-04-17', '2026-04-21'), NULL, d || ': no schedule')
  FROM (VALUES ('tic-form-s'), ('tic-slt-table3d'), ('test-old')) AS t(d);
SELECT is((SELECT provolatile::text || proparallel::text || proisstrict::text FROM pg_proc WHERE oid = 'holdings.next_release_due'::regproc),
          'isfalse', 'next_release_due: IMMUTABLE, PARALLEL SAFE, not strict');

-- ---- data_file reads the installed data files and nothing else ----------------------------
SELECT is(left(data_file('tic/slt_table3.txt'), 7), 'Table 3', 'an installed data file');
SELECT throws_ok($$SELECT data_file('../holdings.control')$$, '22023', NULL, 'no ".." segment');
SELECT throws_ok($$SELECT data_file('/etc/passwd')$$, '22023', NULL, 'no absolute path');
SELECT throws_ok($$SELECT data_file('tic/.hidden')$$, '22023', NULL, 'no hidden file');
SELECT throws_ok($$SELECT data_file('tic/missing.txt')$$, '58P01', 'data file "tic/missing.txt" is not installed', 'a missing file');
SELECT ok(NOT has_function_privilege('public', 'holdings.data_file(text)', 'EXECUTE')
          AND NOT has_function_privilege('public', 'holdings.load_data_file(text, text, text, date, text)', 'EXECUTE'),
          'PUBLIC cannot read the data files through the extension');

SELECT * FROM finish();
ROLLBACK;
