-- load_tic_mfh: a new TIC release is one call; a malformed one loads nothing.
BEGIN;
SELECT plan(11);
SET search_path = public, holdings;

INSERT INTO source (id, publisher, title, url)
VALUES ('tic-test-release', 'US Treasury', 'test release', 'https://example.org/mfh.txt');
CREATE TEMP TABLE before AS SELECT holder_id, instrument, as_of, amount FROM position;

-- A small release: Japan revised for 2025-12, a new month 2026-05, a series break column.
-- Every document ends with the footer, as the published file does (a document
-- without it is incomplete).
SELECT set_eq(
    $$SELECT action, table_name, key::text, (new_value ->> 'amount')::holding AS amount FROM load_tic_mfh(
        E'\tMay\tDec\tDec\nCountry\t2026\t2025\t2025\n\t------\t------\t------\n' ||
        E'Japan\t1200.1\t1190\t1185.5\n"Korea, South "\t150.2\tn.a.\t*\n' ||
        E'Of which:\t\t\t\n  For. Official\t3900\t3887\t3887\n' ||
        E'Department of the Treasury/Federal Reserve Board\n', 'tic-test-release')$$,
    $$VALUES ('inserted', 'position', '{JP,UST,2026-05-31}', '1200.1 bn USD'::holding),
             ('inserted', 'position', '{KR,UST,2026-05-31}', '150.2 bn USD'::holding),
             ('inserted', 'position', '{foreign-official,UST,2026-05-31}', '3900 bn USD'::holding),
             ('updated', 'position', '{JP,UST,2025-12-31}', '1190 bn USD'::holding),
             ('updated', 'position', '{foreign-official,UST,2025-12-31}', '3887 bn USD'::holding),
             -- (a vintage's key: the position's key, the dataset and the release)
             ('inserted', 'position_vintage', ARRAY['JP', 'UST', '2025-12-31', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]::text, '1185.515 bn USD'::holding),
             ('inserted', 'position_vintage', ARRAY['foreign-official', 'UST', '2025-12-31', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]::text,
              '3877.623 bn USD'::holding),
             ('inserted', 'position_comparison', '{JP,UST,2025-12-31}', '1185.5 bn USD'::holding),
             ('inserted', 'position_comparison', '{foreign-official,UST,2025-12-31}', '3887 bn USD'::holding)$$,
    'a release inserts new figures, updates revised ones (keeping the replaced figures as vintages) and reports each change');
SELECT is((SELECT source_id FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'), 'tic-test-release',
          'a revised figure takes the new source');
SELECT is_empty($$SELECT * FROM load_tic_mfh(
        E'\tMay\nCountry\t2026\nJapan\t1200.1\nDepartment of the Treasury/Federal Reserve Board\n', 'tic-test-release')$$,
    'loading the same figures again changes nothing');
CREATE TEMP TABLE march AS
SELECT E'\tMar\nCountry\t2026\nJapan\t1191.6\nNorway\t217.0\nDepartment of the Treasury/Federal Reserve Board\n'::text AS doc;
SELECT set_eq($$SELECT action, table_name, key::text FROM march, load_tic_mfh(march.doc, 'tic-test-release', dry_run => true)$$,
    $$VALUES ('inserted', 'position_vintage',
              ARRAY['JP', 'UST', '2026-03-31', 'tic-test-release',
                    (SELECT 'tic-test-release/' || to_char(CURRENT_DATE, 'YYYY-MM-DD') || '/' || left(encode(sha256(convert_to(doc, 'UTF8')), 'hex'), 12)
                       FROM march)]::text),
             ('inserted', 'position_vintage', ARRAY['NO', 'UST', '2026-03-31', 'tic-slt-table3', (SELECT id FROM data_release WHERE source_id = 'tic-slt-table3')]::text),
             ('updated', 'position', '{NO,UST,2026-03-31}')$$,
    'a figure position holds more precisely (Table 3: 1,191,572 mn) is not a revision; a different one is (dry run)');
SELECT is((SELECT amount FROM position WHERE holder_id = 'NO' AND instrument = 'UST' AND as_of = '2026-03-31'),
          '217.374 bn USD'::holding, 'the dry run wrote nothing');

-- Malformed documents: a clear error naming the line, nothing loaded.
CREATE TEMP TABLE after_good AS SELECT holder_id, instrument, as_of, amount FROM position;
SELECT throws_ok($$SELECT * FROM load_tic_mfh(E'\tApr\tMar\nCountry\t2026\t2026\nJapan\t1\t1,5\n', 'tic-test-release')$$,
                 '22P02', 'TIC document, line 3: not a figure: "1,5"', 'a bad figure is rejected, naming the line');
SELECT throws_ok($$SELECT * FROM load_tic_mfh(E'\tApr\nCountry\t2026\nJapan\t1\nAtlantis\t2\nDepartment of the Treasury/Federal Reserve Board\n', 'tic-test-release')$$,
                 '22P02', 'TIC document, line 4: unknown row label "Atlantis"', 'an unknown label is rejected, naming the line');
SELECT throws_ok($$SELECT * FROM load_tic_mfh(E'\tApr\nCountry\t2026\nJapan\t1\nJapan\t2\nDepartment of the Treasury/Federal Reserve Board\n', 'tic-test-release')$$,
                 '22P02', NULL, 'two figures for one holder and month are rejected');
SELECT throws_ok($$SELECT * FROM load_tic_mfh('<html>not a TIC file</html>', 'tic-test-release')$$,
                 '22P02', 'TIC document, line 1: no table found (expected a month row and a "Country" year row)',
                 'a document without a table is rejected');
SELECT throws_ok($$SELECT * FROM load_tic_mfh(E'\tApr\nCountry\t2026\nJapan\t1\nDepartment of the Treasury/Federal Reserve Board\n', 'no-such-source')$$,
                 '23503', NULL, 'an unknown source is rejected');
SELECT is((SELECT count(*) FROM (SELECT * FROM after_good EXCEPT SELECT holder_id, instrument, as_of, amount FROM position) d),
          0::bigint, 'failed loads changed nothing');

SELECT * FROM finish();
ROLLBACK;
