-- The analyst surface (issue 14): coverage, series changes, home currency,
-- sum_in, fx_rate_info, private holdings. Hand-made rates and positions where
-- the answer must be computed by hand; the shipped data where it is the point.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)

-- ---- fx_rate_info and sum_in on a rate set of our own ----
-- Rate set 'analyst' (units per USD):
--   JPY: 2024-01-31 100, 2024-02-29 125, 2024-03-31 160
--   EUR: 2024-01-31 0.8, 2024-03-31 0.5
INSERT INTO source (id, publisher, title, url) VALUES
    ('analyst-test', 'holdings tests', 'hand-made rates', 'https://example.org/analyst');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    ('analyst', 'JPY', '2024-01-31', 100, 'analyst-test'),
    ('analyst', 'JPY', '2024-02-29', 125, 'analyst-test'),
    ('analyst', 'JPY', '2024-03-31', 160, 'analyst-test'),
    ('analyst', 'EUR', '2024-01-31', 0.8, 'analyst-test'),
    ('analyst', 'EUR', '2024-03-31', 0.5, 'analyst-test');
SET holdings.rate_set = 'analyst';

-- A mid-month date takes the latest rate on or before it: February's rate for
-- 2024-03-15; each leg has its own date; rate_date is the older one.
SELECT * FROM fx_rate_info('USD', 'JPY', '2024-03-15');
SELECT * FROM fx_rate_info('EUR', 'JPY', '2024-03-15');   -- 125 / 0.8 = 156.25, legs 02-29 and 01-31
SELECT * FROM fx_rate_info('jpy', 'usd', '2024-03-31');   -- case-insensitive codes
SELECT * FROM fx_rate_info('EUR', 'EUR', '1900-01-01');   -- no rate needed
SELECT * FROM fx_rate_info('USD', 'USD', '2024-03-31');
SELECT fx_rate_info('USD', 'JPY', NULL) IS NULL AS strict;
\set VERBOSITY sqlstate
SELECT * FROM fx_rate_info('USD', 'JPY', '2023-12-31');   -- no rate yet: 22U03
SELECT * FROM fx_rate_info('USD', 'XYZ', '2024-03-31');   -- unknown code: 22U02
\set VERBOSITY default
SELECT * FROM fx_rate_info('USD', 'JPY', '2023-12-31');

-- sum_in: 1000 USD + 10000 JPY + 100 EUR in USD at 2024-03-31:
--   1000 + 10000/160 + 100/0.5 = 1000 + 62.5 + 200 = 1262.50 USD
SELECT sum_in(h, 'USD', '2024-03-31') AS at_one_date,
       sum_in(h, 'usd', d) AS at_own_dates,     -- 1000 + 10000/100 + 100/0.8 = 1225
       sum_in(h, 'JPY', '2024-02-29') AS in_yen -- 125000 + 10000 + 100/0.8*125 = 150625
  FROM (VALUES ('1000 USD'::holding, date '2024-01-31'), ('10000 JPY', '2024-01-31'),
               ('100 EUR', '2024-02-15')) t(h, d);
-- Rounding: each row half to even at 8 digits, then an exact sum:
--   1 JPY at 160 = 0.00625 USD each; three rows: 0.01875 USD
SELECT sum_in(h, 'USD', '2024-03-31') FROM (VALUES ('1 JPY'::holding), ('1 JPY'), ('1 JPY')) t(h);
--   0.33333333 EUR at 0.5 and 0.8: 0.66666666 + 0.4166666625 -> 0.41666666 (half to even per row)
SELECT sum_in(h, 'USD', d) FROM (VALUES ('0.33333333 EUR'::holding, date '2024-03-31'),
                                        ('0.33333333 EUR', '2024-01-31')) t(h, d);
-- NULL rows are skipped; no rows (or only NULLs): NULL; the target currency is kept.
SELECT sum_in(h, 'JPY', d) FROM (VALUES ('1 USD'::holding, date '2024-01-31'), (NULL, '2024-01-31'),
                                        ('5 USD', NULL)) t(h, d);
SELECT sum_in(h, 'USD', '2024-03-31') IS NULL AS empty FROM (VALUES (NULL::holding)) t(h);
SELECT sum_in(h, 'USD', '2024-03-31') IS NULL AS no_rows FROM (VALUES ('1 USD'::holding)) t(h) WHERE false;
-- Same currency needs no rate, even on a date without one.
SELECT sum_in(h, 'JPY', '1900-01-01') FROM (VALUES ('7 JPY'::holding), ('8 JPY')) t(h);
-- GROUP BY and ROLLUP: per portfolio and overall.
SELECT p, sum_in(h, 'USD', '2024-03-31')
  FROM (VALUES ('a', '1 USD'::holding), ('a', '160 JPY'), ('b', '1 EUR')) t(p, h)
 GROUP BY ROLLUP (p) ORDER BY p;
-- Errors: no rate (22U03), unknown target (22U02), null target (22004),
-- a target that changes within a group (22023), overflow (22003).
\set VERBOSITY sqlstate
SELECT sum_in(h, 'USD', '2023-12-31') FROM (VALUES ('1 JPY'::holding)) t(h);
SELECT sum_in(h, 'ABC', '2024-03-31') FROM (VALUES ('1 JPY'::holding)) t(h);
SELECT sum_in(h, NULL, '2024-03-31') FROM (VALUES ('1 JPY'::holding)) t(h);
SELECT sum_in(h, c, '2024-03-31') FROM (VALUES ('1 JPY'::holding, 'USD'), ('1 JPY', 'EUR')) t(h, c);
SELECT sum_in(h, 'USD', '2024-03-31') FROM (VALUES ('1e30 USD'::holding), ('1e30 USD')) t(h);
\set VERBOSITY default
SELECT sum_in(h, c, '2024-03-31') FROM (VALUES ('1 JPY'::holding, 'USD'), ('1 JPY', 'EUR')) t(h, c);

-- Parallel plan (Partial Aggregate) with the same answer as the serial one.
CREATE TABLE portfolio AS
SELECT holding(i, (ARRAY['USD', 'JPY', 'EUR'])[1 + i % 3]) AS h,
       (date '2024-01-31' + (i % 70)) AS d
  FROM generate_series(1, 30000) i;
ANALYZE portfolio;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum_in(h, 'USD', d) FROM portfolio;
SELECT sum_in(h, 'USD', d) AS parallel FROM portfolio;
SET max_parallel_workers_per_gather = 0;
SELECT sum_in(h, 'USD', d) AS serial, sum(fx_convert(h, 'USD', d)) AS row_by_row FROM portfolio;
RESET max_parallel_workers_per_gather; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP TABLE portfolio;
RESET holdings.rate_set;

-- fx_rate_available: a rate on or before the date in the current set (USD always).
SET holdings.rate_set = 'analyst';
SELECT fx_rate_available('JPY', '2024-01-31') AS jpy_jan, fx_rate_available('jpy', '2024-01-30') AS jpy_before,
       fx_rate_available('GBP', '2024-03-31') AS gbp, fx_rate_available('USD', '1900-01-01') AS usd,
       fx_rate_available('XYZ', '2024-03-31') AS unknown, fx_rate_available('EUR', NULL) IS NULL AS strict;
RESET holdings.rate_set;
SELECT fx_rate_available('GBP', '2024-03-31') AS gbp_fed, fx_rate_available('KYD', '2024-03-31') AS kyd_fed;
-- Past the set's max_gap_days (ecb-daily: 7 days after its last rate, 2025-05-09): no rate, as fx_rate says.
SET holdings.rate_set = 'ecb-daily';
SELECT fx_rate_available('JPY', '2025-05-16') AS within_7_days, fx_rate_available('JPY', '2025-05-17') AS after;
\set VERBOSITY sqlstate
SELECT fx_rate('JPY', 'USD', '2025-05-17');
\set VERBOSITY default
RESET holdings.rate_set;

-- ---- Home currency ----
SELECT c, d, home_currency(c, d::date)
  FROM (VALUES ('JP', '2020-06-30'), ('DE', '1998-12-31'), ('DE', '1999-01-01'), ('GR', '2000-12-31'),
               ('GR', '2001-01-01'), ('HR', '2022-12-31'), ('HR', '2023-01-01'), ('BG', '2025-12-31'),
               ('BG', '2026-01-01'), ('norinchukin', '2024-06-30'), ('grand-total', '2024-06-30'),
               ('gb', '2024-06-30'), ('BT', '2024-06-30'), ('PA', '2024-06-30'), ('ZZ', '2024-06-30'),
               ('ME', '2024-06-30')) t(c, d);
SELECT country, adopted, legacy_currency FROM euro_adoption WHERE country IN ('DE', 'GR', 'LT', 'BG') ORDER BY adopted, country;
SELECT count(*) AS members, count(*) FILTER (WHERE adopted = '1999-01-01') AS founders FROM euro_adoption;
SELECT country, currency, other_currencies FROM country_currency WHERE other_currencies <> '{}' ORDER BY country;
SELECT count(*) AS countries FROM country_currency;
-- Every TIC country line has a home currency; these have no shipped rate.
SELECT h.id, home_currency(h.id, '2025-12-31') AS ccy
  FROM holder h WHERE h.kind = 'country'
   AND NOT fx_rate_available(home_currency(h.id, '2025-12-31'), '2025-12-31')
 ORDER BY h.id;
-- The ISO country file gives Turkey no currency code: no home currency.
SELECT id AS without_home_currency FROM holder WHERE kind = 'country' AND home_currency(id, '2025-12-31') IS NULL;
-- In an FX-adjusted aggregate: Japan's 2022 in its home currency.
SELECT net_foreign_selling(amount, as_of, home_currency('JP', '2022-12-31'))
  FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31';

-- ---- Coverage on the shipped data ----
SELECT latest_complete_month();
SELECT month, listed_lines, country_lines, grand_total_usd_bn, foreign_official_usd_bn, unexplained_usd_bn, complete, sources
  FROM month_coverage ORDER BY month DESC LIMIT 5;
SELECT count(*) AS months, count(*) FILTER (WHERE complete) AS complete_months,
       max(abs(unexplained_usd_bn)) AS worst_rounding FROM month_coverage;
SELECT holder_id, first_month, last_month, last_complete_month, months, missing_months, sources
  FROM holder_coverage WHERE instrument = 'UST' AND holder_id IN ('CN', 'IN', 'LU', 'grand-total') ORDER BY holder_id;
-- A month whose lines do not add up is not complete: take a line away, in the
-- major-holders layout (2019-12, before Table 3) and in Table 3's (2026-04).
BEGIN;
DELETE FROM position WHERE holder_id = 'DE' AND instrument = 'UST' AND as_of = '2019-12-31';
DELETE FROM position WHERE holder_id = 'total-iros' AND instrument = 'UST' AND as_of = '2026-04-30';
SELECT month, listed_lines, unexplained_usd_bn, complete FROM month_coverage
 WHERE month IN ('2019-12-31', '2026-04-30') ORDER BY month;
SELECT latest_complete_month();
ROLLBACK;
-- Where series change source, resume after a gap, or break.
SELECT change, count(*) FROM series_changes GROUP BY change ORDER BY change;
SELECT holder_id, as_of, change, previous_as_of, previous_source_id, source_id, break_usd_bn
  FROM series_changes WHERE holder_id IN ('CN', 'IN') AND instrument = 'UST' ORDER BY as_of DESC, holder_id LIMIT 6;

-- ---- Private holders ----
SELECT * FROM private_holdings WHERE month IN ('2025-12-31', '2011-06-30', '2000-03-31') ORDER BY month;
SELECT count(*) AS months FROM private_holdings;

-- ---- Catalog: volatility, strictness, parallel safety ----
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, pg_get_function_identity_arguments(p.oid) AS args
  FROM pg_proc p
 WHERE p.pronamespace = 'holdings'::regnamespace
   AND p.proname IN ('home_currency', 'fx_rate_info', 'latest_complete_month', 'sum_in', 'sum_in_accum',
                     'sum_in_combine', 'sum_in_serialize', 'sum_in_deserialize', 'sum_in_final',
                     'fx_rate_available')
 ORDER BY 1;
SELECT aggfnoid::regprocedure, aggcombinefn, aggserialfn, aggdeserialfn
  FROM pg_aggregate WHERE aggfnoid = 'holdings.sum_in(holdings.holding, text, date)'::regprocedure;

-- Leave the database as the test found it (tests run alone and in any order).
DELETE FROM fx_rate WHERE rate_set = 'analyst';
DELETE FROM source WHERE id = 'analyst-test';
