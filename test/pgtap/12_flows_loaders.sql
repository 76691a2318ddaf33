-- Loaders of Form S, Table 3, Table 5 and FRED exports: one call per release,
-- a dry run reports exactly what the real run does, a bad document loads nothing
-- and names its line.
BEGIN;
SELECT plan(28);
SET search_path = public, holdings;

INSERT INTO source (id, publisher, title, url)
VALUES ('test-release', 'US Treasury', 'test release', 'https://example.org/release.txt');

CREATE TEMP TABLE docs (name text PRIMARY KEY, body text);
INSERT INTO docs VALUES
 ('form_s', E'U.S. Transactions with Foreigners\r\n'
            || E'name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\r\n'
            || E' ----\t ----\r\n'
            -- Japan 2022-12 revised (sales 22,060 -> 22,160); Japan 1976-12 new.
            || E'Japan\t42609\t2022-12\t"12,636"\t1\t1\t1\t1\t1\t"22,160"\t1\t1\t1\t1\t1\r\n'
            || E'Japan\t42609\t1976-12\t"10,000"\t1\t1\t1\t1\t1\t"9,000"\t1\t1\t1\t1\t1\r\n'),
 ('table3', E'Table 3\r\ncountry\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\t'
            || E'for_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\r\n'
            -- a new month 2026-05 for Japan; 2026-04 revised (total and long-term +100).
            || E'Japan\t42609\t2026-05\t1210000\t111\t1056653\t200\t-89\t153347\t0\r\n'
            || E'Japan\t42609\t2026-04\t1209989\t16283\t1056642\t14705\t-3238\t153347\t1578\r\n'
            || E'\r\nNotes:\r\n1/ footnote\r\n'),
 ('table5', E'Table 5\nCountry\t2026-05\t2026-04\nJapan\t1210.0\t1210.0\nNorway\t215.0\t214.7\nAll Other\t1.0\t1.0\nNotes:\n'),
 ('custody', E'observation_date,WMTSECL1\n2026-06-24,2636947\n2026-07-01,2640000\n'),
 ('dgs10', E'observation_date,DGS10\n2026-04-17,4.30\n2026-04-20,\n2026-04-21,4.31\n');

-- The rows the documents could touch (Japan, Norway, 2026 custody and DGS10), and user_edit.
CREATE TEMP VIEW now_all AS
SELECT 'transaction' AS t, to_jsonb(x) AS r FROM transaction x WHERE holder_id IN ('JP', 'NO')
UNION ALL SELECT 'position', to_jsonb(x) FROM position x WHERE holder_id IN ('JP', 'NO')
UNION ALL SELECT 'position_vintage', to_jsonb(x) FROM position_vintage x WHERE holder_id IN ('JP', 'NO')
UNION ALL SELECT 'custody_holding', to_jsonb(x) FROM custody_holding x WHERE as_of >= '2026-01-01'
UNION ALL SELECT 'treasury_yield', to_jsonb(x) FROM treasury_yield x WHERE series = 'DGS10' AND as_of >= '2026-01-01'
UNION ALL SELECT 'user_edit', to_jsonb(x) - 'edited_at' FROM user_edit x;
CREATE TEMP TABLE before_all AS SELECT * FROM now_all;

-- Dry runs: reports, no writes.
CREATE TEMP TABLE dry AS
SELECT 'form_s' AS doc, r.* FROM docs, load_tic_form_s(body, 'test-release', dry_run => true) r WHERE name = 'form_s'
UNION ALL SELECT 'table3', r.* FROM docs, load_tic_slt_table3(body, 'test-release', true) r WHERE name = 'table3'
UNION ALL SELECT 'custody', r.* FROM docs, load_fred_series(body, 'test-release', true) r WHERE name = 'custody'
UNION ALL SELECT 'dgs10', r.* FROM docs, load_fred_series(body, 'test-release', true) r WHERE name = 'dgs10';
SELECT is((SELECT count(*) FROM (SELECT * FROM before_all EXCEPT ALL SELECT * FROM now_all
                                 UNION ALL (SELECT * FROM now_all EXCEPT ALL SELECT * FROM before_all)) d), 0::bigint,
          'a dry run writes nothing');

-- The real runs report exactly what the dry runs did.
CREATE TEMP TABLE real AS
SELECT 'form_s' AS doc, r.* FROM docs, load_tic_form_s(body, 'test-release') r WHERE name = 'form_s'
UNION ALL SELECT 'table3', r.* FROM docs, load_tic_slt_table3(body, 'test-release') r WHERE name = 'table3'
UNION ALL SELECT 'custody', r.* FROM docs, load_fred_series(body, 'test-release') r WHERE name = 'custody'
UNION ALL SELECT 'dgs10', r.* FROM docs, load_fred_series(body, 'test-release') r WHERE name = 'dgs10';
SELECT set_eq('SELECT doc, action, table_name, key, old_value::text, new_value::text FROM real',
              'SELECT doc, action, table_name, key, old_value::text, new_value::text FROM dry',
              'the dry run''s report is the real run''s');

SELECT set_eq($$SELECT action, table_name, key::text,
                       coalesce(old_value ->> 'net_purchases', old_value #>> '{figure,net_purchases}') AS old,
                       coalesce(new_value ->> 'net_purchases', new_value #>> '{figure,net_purchases}') AS new FROM real WHERE doc = 'form_s'$$,
              $$VALUES ('updated', 'transaction', '{JP,UST-NOTES-BONDS,2022-12-31}', '-9424000000.00 USD', '-9524000000.00 USD'),
                       ('inserted', 'figure_vintage', ARRAY['transaction', '["JP", "UST-NOTES-BONDS", "2022-12-31"]', 'tic-form-s', (SELECT id FROM data_release WHERE source_id = 'tic-form-s')]::text, NULL, '-9424000000.00 USD'),
                       ('inserted', 'transaction', '{JP,UST-NOTES-BONDS,1976-12-31}', NULL, '1000000000.00 USD')$$,
              'Form S: a revised month is updated (old and new value; the replaced figure kept in figure_vintage), a new month inserted');
SELECT set_eq($$SELECT action, table_name, key::text, old_value ->> 'amount' AS old, coalesce(new_value ->> 'amount', new_value ->> 'net_purchases') AS new
                  FROM real WHERE doc = 'table3'$$,
              $$VALUES ('inserted', 'position_vintage', ARRAY['JP', 'UST', '2026-04-30', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]::text, NULL, '1209889000000.00 USD'),
                       ('inserted', 'position_vintage', ARRAY['JP', 'UST-NOTES-BONDS', '2026-04-30', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]::text, NULL, '1056542000000.00 USD'),
                       ('updated', 'position', '{JP,UST,2026-04-30}', '1209889000000.00 USD', '1209989000000.00 USD'),
                       ('updated', 'position', '{JP,UST-NOTES-BONDS,2026-04-30}', '1056542000000.00 USD', '1056642000000.00 USD'),
                       ('inserted', 'position', '{JP,UST,2026-05-31}', NULL, '1210000000000.00 USD'),
                       ('inserted', 'position', '{JP,UST-NOTES-BONDS,2026-05-31}', NULL, '1056653000000.00 USD'),
                       ('inserted', 'position', '{JP,UST-BILLS,2026-05-31}', NULL, '153347000000.00 USD'),
                       ('inserted', 'transaction', '{JP,UST-NOTES-BONDS,2026-05-31}', NULL, '200000000.00 USD'),
                       ('inserted', 'transaction', '{JP,UST-BILLS,2026-05-31}', NULL, '0.00 USD')$$,
              'Table 3: revised holdings updated (the replaced figures kept as vintages), a new month inserted, unchanged figures left alone');
SELECT is((SELECT amount FROM position_vintage WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30' AND source_id = 'tic-slt-table3'),
          '1209889 mn USD'::holding, 'the older vintage stays queryable');
SELECT is((SELECT source_id FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30'), 'test-release',
          'the newer figure is in position, with its source');
SELECT is((SELECT count(*) FROM real WHERE doc = 'custody'), 1::bigint, 'custody: one new week, the unchanged week not reported');
SELECT set_eq($$SELECT action, key::text, (old_value ->> 'yield_percent')::numeric AS old, (new_value ->> 'yield_percent')::numeric AS new
                  FROM real WHERE doc = 'dgs10' AND table_name = 'treasury_yield'$$,
              $$VALUES ('updated', '{DGS10,2026-04-17}', 4.26, 4.30), ('inserted', '{DGS10,2026-04-21}', NULL, 4.31)$$,
              'yields: a revised day updated, a new day inserted, a holiday skipped');

-- Lineage: loaded rows are the user's; a shipped row the loader revised is superseded.
SELECT is((SELECT shipped FROM transaction WHERE holder_id = 'JP' AND instrument = 'UST-NOTES-BONDS' AND as_of = '2022-12-31'), false,
          'a revised shipped row becomes the user''s');
SELECT ok(EXISTS (SELECT 1 FROM user_edit WHERE table_name = 'transaction' AND key = '{JP,UST-NOTES-BONDS,2022-12-31}'),
          'and is recorded in user_edit');

-- Loading the same documents again changes nothing.
SELECT is_empty($$SELECT * FROM docs, load_tic_form_s(body, 'test-release') WHERE name = 'form_s'$$, 'Form S again: no change');
SELECT is_empty($$SELECT * FROM docs, load_tic_slt_table3(body, 'test-release') WHERE name = 'table3'$$, 'Table 3 again: no change');

-- Table 5: a figure position already holds to more precision is not a revision.
-- (A vintage's key: position's key, the dataset and the release.)
SELECT set_eq($$SELECT r.action, r.table_name, r.key::text, r.new_value ->> 'amount' AS new
                  FROM docs, load_tic_slt_table5(body, 'test-release') r WHERE name = 'table5'$$,
              $$VALUES ('inserted', 'position_vintage', ARRAY['JP', 'UST', '2026-05-31', 'test-release', (SELECT 'test-release/' || to_char(CURRENT_DATE, 'YYYY-MM-DD') || '/' || left(encode(sha256(convert_to(body, 'UTF8')), 'hex'), 12) FROM docs WHERE name = 'table5')]::text, '1210000000000.00 USD'),
                       ('inserted', 'position_vintage', ARRAY['JP', 'UST', '2026-04-30', 'test-release', (SELECT 'test-release/' || to_char(CURRENT_DATE, 'YYYY-MM-DD') || '/' || left(encode(sha256(convert_to(body, 'UTF8')), 'hex'), 12) FROM docs WHERE name = 'table5')]::text, '1210000000000.00 USD'),
                       ('inserted', 'position_vintage', ARRAY['NO', 'UST', '2026-04-30', 'test-release', (SELECT 'test-release/' || to_char(CURRENT_DATE, 'YYYY-MM-DD') || '/' || left(encode(sha256(convert_to(body, 'UTF8')), 'hex'), 12) FROM docs WHERE name = 'table5')]::text, '214700000000.00 USD'),
                       ('inserted', 'position', '{NO,UST,2026-05-31}', '215000000000.00 USD')$$,
              'Table 5: figures Table 3 gives more precisely go to position_vintage, new ones to position; All Other is left out');

-- Bad documents: 22P02 naming the line, nothing written.
CREATE TEMP TABLE after_good AS SELECT * FROM now_all;
SELECT throws_ok($$SELECT * FROM load_tic_form_s(E'name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\n'
                    || E'Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\nJapan\t42609\t2022-11\t1\t1\tx\t1\t1\t1\t1\t1\t1\t1\t1\t1\n', 'test-release')$$,
                 '22P02', 'TIC Form S document, line 3: column [3] is not a figure: "x"', 'Form S: a bad figure names its line');
SELECT throws_ok($$SELECT * FROM load_tic_form_s(E'name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\n'
                    || E'Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\nAtlantis\t1\t2022-11\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\n', 'test-release')$$,
                 '22P02', 'TIC Form S document, line 3: unknown row label "Atlantis"', 'Form S: an unknown label names its line');
SELECT throws_ok($$SELECT * FROM load_tic_form_s(E'name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\n'
                    || E'Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\nJapan\t42609\t2022-12\t2\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\n', 'test-release')$$,
                 '22P02', 'TIC Form S document, line 3: a second row for JP 2022-12-31', 'Form S: a repeated month names its line');
SELECT throws_ok($$SELECT * FROM docs, load_tic_slt_table3(replace(body, E'\t-89\t', E'\t-8.9\t'), 'test-release') WHERE name = 'table3'$$,
                 '22P02', 'TIC Table 3 document, line 3: column for_lt_treas_valchg is not a figure: "-8.9"', 'Table 3: a bad figure names its line');
SELECT throws_ok($$SELECT * FROM load_tic_slt_table5(E'Country\t2026-05\nJapan\t1210.0\nJapan\t1.0\nNotes:\n', 'test-release')$$,
                 '22P02', 'TIC Table 5 document, line 3: a second row for JP 2026-05-31', 'Table 5: a repeated line names its line');
SELECT throws_ok($$SELECT * FROM load_fred_series(E'observation_date,DGS10\n2026-04-22,4.3\n2026-04-22,4.4\n', 'test-release')$$,
                 '22P02', 'FRED document, line 3: a second observation for 2026-04-22', 'FRED: a repeated day names its line');
SELECT throws_ok($$SELECT * FROM load_fred_series(E'observation_date,GDP\n2026-01-01,1\n', 'test-release')$$,
                 '22P02', 'FRED document, line 1: series GDP is not one holdings loads (WMTSECL1, DGS*, TWEXBGSMTH, DTWEXBGS)',
                 'FRED: an unknown series is rejected');
SELECT throws_ok($$SELECT * FROM docs, load_fred_series(body, 'no-such-source') WHERE name = 'dgs10'$$, '23503', NULL,
                 'an unknown source is rejected');
SELECT is((SELECT count(*) FROM (SELECT * FROM after_good EXCEPT ALL SELECT * FROM now_all
                                 UNION ALL (SELECT * FROM now_all EXCEPT ALL SELECT * FROM after_good)) d), 0::bigint,
          'failed loads wrote nothing');

-- Exchange-rate files: Fed H.10 monthly and ECB daily.
SELECT set_eq($$SELECT action, key::text, (old_value ->> 'per_usd')::numeric AS old, (new_value ->> 'per_usd')::numeric AS new
                  FROM load_fed_h10_monthly(E'Date,Country,Exchange rate\r\n2024-06-01,Japan,157.9000\r\n2026-07-01,Japan,150.0\r\n2026-07-01,Venezuela,1.0\r\n', 'test-release', true)
                 WHERE table_name = 'fx_rate'$$,
              $$VALUES ('updated', '{fed-monthly,JPY,2024-06-30}', 157.8600, 157.9000), ('inserted', '{fed-monthly,JPY,2026-07-31}', NULL, 150.0)$$,
              'Fed H.10: a revised month updated, a new month inserted, an unmapped label (Venezuela) skipped (dry run)');
SELECT throws_ok($$SELECT * FROM load_fed_h10_monthly(E'Date,Country,Exchange rate\n2024-06-01,Japan,157.9\n2024-07-01,Atlantis,1\n', 'test-release')$$,
                 '22P02', 'Fed H.10 document, line 3: unknown country label "Atlantis"', 'Fed H.10: an unknown label names its line');
SELECT throws_ok($$SELECT * FROM load_fed_h10_monthly(E'Date,Country,Exchange rate\n2024-06-01,Japan,-157.9\n', 'test-release')$$,
                 '22P02', 'Fed H.10 document, line 2: not a rate: "-157.9"', 'Fed H.10: a bad rate names its line');
SELECT set_eq($$SELECT action, key::text, round((new_value ->> 'per_usd')::numeric, 6) AS new
                  FROM load_ecb_rates(E'Date,USD,JPY,CYP,\n2025-05-12,1.1000,165.00,N/A,\n2025-05-09,1.1252,163.36,N/A,\n', 'test-release')$$,
              $$VALUES ('inserted', '{ecb-daily,EUR,2025-05-12}', round(1 / 1.1, 6)), ('inserted', '{ecb-daily,JPY,2025-05-12}', 150.0)$$,
              'ECB: a new day crossed through USD, an unchanged day not reported');
SELECT throws_ok($$SELECT * FROM load_ecb_rates(E'Date,USD,JPY,\n2025-05-12,1.1000,16x5.00,\n', 'test-release')$$,
                 '22P02', 'ECB document, line 2: not a rate for JPY: "16x5.00"', 'ECB: a bad rate names its line');
SELECT throws_ok($$SELECT * FROM load_ecb_rates(E'Datum;USD\n', 'test-release')$$,
                 '22P02', 'ECB document, line 1: expected the header "Date,USD,JPY,..."', 'ECB: a foreign header is rejected');

SELECT * FROM finish();
ROLLBACK;
