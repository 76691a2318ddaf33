-- Issue 11: the rate cache, rate-set coverage, rate validity, the TIC parser's
-- strictness and message clipping. Each block is a repro that failed on 0.1.0.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
INSERT INTO source (id, publisher, title, url) VALUES
    ('regress-hard', 'holdings tests', 'hand-made rates', 'https://example.org/hard');

-- Privileges: the cache answers only a role that could read fx_rate itself.
-- (Roles are cluster-wide: a run that stopped half-way may have left them.)
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_holdings_reader, regress_holdings_nobody;
RESET client_min_messages;
CREATE ROLE regress_holdings_reader;
CREATE ROLE regress_holdings_nobody;
GRANT USAGE ON SCHEMA holdings TO regress_holdings_reader, regress_holdings_nobody;
GRANT SELECT ON fx_rate TO regress_holdings_reader;
SELECT fx_rate('USD', 'JPY', '2024-06-30') AS cached_by_superuser;
SET ROLE regress_holdings_nobody;
SELECT fx_rate('USD', 'JPY', '2024-06-30');
SELECT fx_convert(holding(1, 'USD'), 'JPY', '2024-06-30');
RESET ROLE;
SET ROLE regress_holdings_reader;
SELECT fx_rate('USD', 'JPY', '2024-06-30') AS reader_may;
RESET ROLE;

-- Row-level security: a policy hides JPY from the reader, as it would in a SELECT.
ALTER TABLE fx_rate ENABLE ROW LEVEL SECURITY;
CREATE POLICY regress_no_jpy ON fx_rate FOR SELECT USING (currency <> 'JPY');
SET ROLE regress_holdings_reader;
SELECT count(*) AS jpy_rows_visible FROM fx_rate WHERE rate_set = 'fed-monthly' AND currency = 'JPY';
SELECT fx_rate('USD', 'JPY', '2024-06-30');
SELECT fx_rate('USD', 'GBP', '2024-06-30') AS gbp_visible;
SET row_security = off;
SELECT fx_rate('USD', 'GBP', '2024-06-30');
RESET row_security;
RESET ROLE;
DROP POLICY regress_no_jpy ON fx_rate;
ALTER TABLE fx_rate DISABLE ROW LEVEL SECURITY;
SET ROLE regress_holdings_reader;
SELECT fx_rate('USD', 'JPY', '2024-06-30') AS jpy_again;
RESET ROLE;

-- Coverage: ecb-daily ends 2025-05-09 and bridges at most 7 days.
SELECT name, frequency, source_id, max_gap_days, shipped FROM rate_set ORDER BY name;
SET holdings.rate_set = 'ecb-daily';
SELECT fx_rate('EUR', 'USD', '2025-05-16') AS seven_days_later;
\set VERBOSITY verbose
SELECT fx_convert(holding(1000, 'JPY'), 'USD', '2026-03-31');
SELECT fx_rate('EUR', 'USD', '1998-12-31');
\set VERBOSITY default
SELECT fx_decompose(h, d, 'USD') FROM (VALUES (holding(1, 'EUR'), date '2025-05-09'), (holding(2, 'EUR'), date '2025-06-30')) AS v (h, d);
-- fed-monthly's last month is 2026-06; 62 days on is the limit.
SET holdings.rate_set = 'fed-monthly';
SELECT fx_rate('USD', 'JPY', '2026-08-31') AS last_day_bridged;
SELECT fx_rate('USD', 'JPY', '2026-09-01');
-- A set of one's own needs no rate_set row, and has no limit.
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-own', 'JPY', '2020-01-31', 110, 'regress-hard');
SET holdings.rate_set = 'regress-own';
SELECT fx_rate('USD', 'JPY', '2030-01-01') AS no_limit;
-- With a rate_set row, its limit applies.
INSERT INTO rate_set (name, frequency, description, max_gap_days) VALUES ('regress-own', 'other', 'test set', 365);
SELECT fx_rate('USD', 'JPY', '2021-01-30') AS within_a_year;
SELECT fx_rate('USD', 'JPY', '2021-02-01');

-- A change rolled back to a savepoint is forgotten at once, in the same transaction.
BEGIN;
SELECT fx_rate('USD', 'JPY', '2021-01-30') AS before_savepoint;
SAVEPOINT s;
UPDATE fx_rate SET per_usd = 99 WHERE rate_set = 'regress-own' AND currency = 'JPY';
SELECT fx_rate('USD', 'JPY', '2021-01-30') AS inside;
ROLLBACK TO SAVEPOINT s;
SELECT fx_rate('USD', 'JPY', '2021-01-30') AS after_rollback;
COMMIT;

-- An unknown set is an error naming the sets, not "no exchange rate for ...".
SET holdings.rate_set = 'Fed-Monthly';
SELECT fx_rate('USD', 'JPY', '2024-06-30');
SELECT fx_convert(holding(1, 'USD'), 'USD', '2024-06-30') AS no_lookup_needed;
RESET holdings.rate_set;

-- Names of any length, several sets in turn: each answers from its own rates.
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    (repeat('long-name-', 10) || 'a', 'JPY', '2020-01-31', 111, 'regress-hard'),
    (repeat('long-name-', 10) || 'b', 'JPY', '2020-01-31', 222, 'regress-hard');
SELECT set_config('holdings.rate_set', repeat('long-name-', 10) || s, false) IS NOT NULL AS set,
       fx_rate('USD', 'JPY', '2020-02-01') AS rate
  FROM (VALUES ('a'), ('b'), ('a'), ('b')) AS v (s);
-- 200 lookups alternating between the two sets read fx_rate a few times, not 200.
BEGIN;
CREATE TEMP TABLE reads AS
SELECT seq_scan + coalesce(idx_scan, 0) AS n FROM pg_stat_xact_user_tables WHERE relid = 'fx_rate'::regclass;
SELECT count(DISTINCT fx_rate('USD', 'JPY', '2020-02-01')) AS rates
  FROM generate_series(1, 200) i,
       LATERAL (SELECT set_config('holdings.rate_set', repeat('long-name-', 10) || (CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END), true)) AS s;
SELECT s.seq_scan + coalesce(s.idx_scan, 0) - r.n <= 6 AS few_reads
  FROM pg_stat_xact_user_tables s, reads r WHERE s.relid = 'fx_rate'::regclass;
ROLLBACK;
RESET holdings.rate_set;

-- Rates the lookups cannot use are rejected when written.
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-own', 'GBP', '2020-01-31', 'NaN', 'regress-hard');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-own', 'GBP', '2020-01-31', 'Infinity', 'regress-hard');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-own', 'GBP', '2020-01-31', 1e-40, 'regress-hard');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-own', 'GBP', '2020-01-31', 123456789012345678901234567890123456789, 'regress-hard');
UPDATE fx_rate SET per_usd = 'NaN' WHERE rate_set = 'regress-own';
SET holdings.rate_set = 'regress-own';
SELECT fx_rate('USD', 'JPY', '2020-02-01') AS set_still_works;
RESET holdings.rate_set;

-- The cache's SPI queries do not depend on the caller's search_path: an "="
-- on text that matches nothing, first on the path, changes no answer.
CREATE SCHEMA regress_evil;
CREATE FUNCTION regress_evil.never(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT false';
CREATE OPERATOR regress_evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_evil.never);
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES ('regress-path', 'JPY', '2020-01-31', 112, 'regress-hard');
SET search_path = regress_evil, pg_catalog, holdings;
SET holdings.rate_set = 'regress-path';
SELECT holdings.fx_rate('USD', 'JPY', '2020-02-01') AS despite_search_path;
RESET holdings.rate_set;
SET search_path = "$user", public, holdings;
DROP SCHEMA regress_evil CASCADE;

-- The trigger fires on logical-replication subscribers too.
SELECT tgrelid::regclass, tgname, tgenabled FROM pg_trigger
 WHERE tgrelid IN ('fx_rate'::regclass, 'rate_set'::regclass) AND tgname ~ '^(fx_rate|rate_set)_' ORDER BY 1, 2;

-- The raw parser is not for PUBLIC; load_tic_mfh is the way in.
SELECT has_function_privilege('regress_holdings_reader', 'parse_tic_mfh(text)', 'EXECUTE') AS public_may_parse;
SET ROLE regress_holdings_reader;
SELECT count(*) FROM parse_tic_mfh('x');
RESET ROLE;

-- Unknown lines are errors naming the line, not the silent end of a block.
SELECT count(*) FROM parse_tic_mfh(E'\tDec\tNov\nCountri\t2025\t2025\nJapan\t1\t2\n');
SELECT count(*) FROM parse_tic_mfh(E'\tDec\tNov\nCountry\t2025\t2025\nJapan\t1\t2\nNote: revised figures\nChina, Mainland\t3\t4\n');
SELECT count(*) FROM parse_tic_mfh(E'\tDec\tNov\nCountry\t2025\t2025\nJapan\t1\t2\n\tsee the note below\nChina, Mainland\t3\t4\n');
SELECT label, as_of, usd_bn, official FROM parse_tic_mfh(E'\ttitle\n\tDec\tNov\nCountry\t2025\t2025\nJapan\t1\t2\nOf which:\t\t\nDepartment of the Treasury\nanything\n');
-- Two comparison values for one key: a clear error before anything is written.
SELECT count(*) FROM load_tic_mfh(E'\tJun\tJun\tJun\nCountry\t2011\t2011\t2011\nJapan\t1\t2\t3\nDepartment of the Treasury/Federal Reserve Board\n', 'regress-hard');

-- Linear and cancellable: 100,000 month columns are refused at once (0.1.0
-- compared every column with every other), and statement_timeout stops a
-- large document in the middle of the parse.
SET statement_timeout = '20s';
DO $$
DECLARE
    t timestamptz := clock_timestamp();
BEGIN
    PERFORM count(*) FROM holdings.parse_tic_mfh(E'\t' || repeat(E'Jan\t', 100000) || E'\nCountry\t' || repeat(E'2000\t', 100000) || E'\n');
EXCEPTION WHEN invalid_text_representation THEN
    RAISE NOTICE '%; within 2 s: %', SQLERRM, clock_timestamp() - t < interval '2 s';
END
$$;
SET statement_timeout = '100ms';
DO $$
DECLARE
    t timestamptz := clock_timestamp();
BEGIN
    PERFORM count(*) FROM holdings.parse_tic_mfh(E'\tDec\nCountry\t2025\n' || repeat(E'Japan\t1\n', 5000000));
    RAISE NOTICE 'not cancelled';
EXCEPTION WHEN query_canceled THEN
    RAISE NOTICE 'cancelled within 3 s: %', clock_timestamp() - t < interval '3 s';
END
$$;
RESET statement_timeout;

-- Messages clip the input on a character boundary (never half a UTF-8 character).
SELECT ('x' || repeat('é', 60))::holding;

-- Clean up.
DELETE FROM fx_rate WHERE source_id = 'regress-hard';
DELETE FROM rate_set WHERE name = 'regress-own';
DELETE FROM source WHERE id = 'regress-hard';
REVOKE ALL ON fx_rate FROM regress_holdings_reader;
REVOKE ALL ON SCHEMA holdings FROM regress_holdings_reader, regress_holdings_nobody;
DROP ROLE regress_holdings_reader;
DROP ROLE regress_holdings_nobody;
