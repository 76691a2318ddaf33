-- The analyst surface against plain-SQL computations: sum_in equals the sum of
-- fx_convert per group (both shipped rate sets, a constant date and each row's
-- own date, serial and parallel); coverage, home currency and private holdings
-- agree with the tables they are computed from.
BEGIN;
SELECT plan(16);
SET search_path = public, holdings;

SELECT setseed(0.5);
-- 30,000 holdings in 5 currencies over 60 portfolios, dated 2001 .. 2024.
CREATE TABLE mixed AS
SELECT i % 60 AS portfolio,
       holding(round((random() * 1e9)::numeric, 2), (ARRAY['USD', 'JPY', 'EUR', 'GBP', 'CHF'])[1 + i % 5]) AS h,
       (date '2001-01-01' + (random() * 8700)::int) AS d
  FROM generate_series(1, 30000) i;
ANALYZE mixed;

SELECT results_eq(
    $$SELECT portfolio, sum_in(h, 'JPY', d) FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    $$SELECT portfolio, sum(fx_convert(h, 'JPY', d)) FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    'fed-monthly: sum_in at each row''s date = sum of fx_convert, per group');
SELECT results_eq(
    $$SELECT portfolio, sum_in(h, 'usd', '2024-06-30') FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    $$SELECT portfolio, sum(fx_convert(h, 'USD', '2024-06-30')) FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    'fed-monthly: sum_in at one date = sum of fx_convert, per group');
SET LOCAL holdings.rate_set = 'ecb-daily';
SELECT results_eq(
    $$SELECT portfolio, sum_in(h, 'GBP', d) FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    $$SELECT portfolio, sum(fx_convert(h, 'GBP', d)) FROM mixed GROUP BY portfolio ORDER BY portfolio$$,
    'ecb-daily: sum_in at each row''s date = sum of fx_convert, per group');
RESET holdings.rate_set;

-- Parallel: a Partial Aggregate plan, the same answer as serial.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT matches(plan_of($$SELECT sum_in(h, 'EUR', d) FROM mixed$$), 'Partial Aggregate',
               'sum_in runs as a Partial Aggregate');
CREATE TEMPORARY TABLE parallel_answer AS SELECT sum_in(h, 'EUR', d) AS s FROM mixed;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is((SELECT s FROM parallel_answer), (SELECT sum_in(h, 'EUR', d) FROM mixed), 'parallel = serial');
RESET max_parallel_workers_per_gather;

SELECT throws_ok($$SELECT sum_in(h, 'XAU', '2024-01-31') FROM mixed$$, '22U03', NULL,
                 'a target without a rate: 22U03');
SELECT throws_ok($$SELECT sum_in(h, CASE WHEN portfolio = 7 THEN 'EUR' ELSE 'USD' END, d) FROM mixed$$,
                 '22023', 'sum_in: the target currency must be the same for every row of a group',
                 'a target currency that changes within a group: 22023');

-- Coverage: complete months are exactly those whose lines add up within rounding.
SELECT is((SELECT latest_complete_month()), (SELECT max(month) FROM month_coverage WHERE complete),
          'latest_complete_month() is the latest complete month of month_coverage');
SELECT is_empty($$
    SELECT month FROM month_coverage
     WHERE complete <> (grand_total_usd_bn IS NOT NULL AND foreign_official_usd_bn IS NOT NULL
                        AND CASE WHEN EXISTS (SELECT 1 FROM position p WHERE p.holder_id = 'all-countries'
                                                AND p.instrument = 'UST' AND p.as_of = month)
                                 -- Table 3: All Countries and IROs make the Grand Total (millions)
                                 THEN abs(unexplained_usd_bn) <= 0.0015
                                      AND EXISTS (SELECT 1 FROM position p WHERE p.holder_id = 'total-iros'
                                                     AND p.instrument = 'UST' AND p.as_of = month)
                                 -- major holders: the lines and All Other, 0.05 bn rounding each
                                 ELSE abs(unexplained_usd_bn) <= 0.05 * (listed_lines + 2)
                                      AND EXISTS (SELECT 1 FROM position p WHERE p.holder_id = 'all-other'
                                                     AND p.instrument = 'UST' AND p.as_of = month) END)$$,
    'complete = totals present and the parts add up to the Grand Total within rounding');
SELECT results_eq(
    $$SELECT holder_id, instrument, months FROM holder_coverage ORDER BY 1, 2$$,
    $$SELECT p.holder_id, p.instrument, count(*) FROM position p JOIN holder h ON h.id = p.holder_id
       WHERE h.kind <> 'bank' GROUP BY 1, 2 ORDER BY 1, 2$$,
    'holder_coverage counts every TIC figure');
SELECT is((SELECT count(*) FROM series_changes WHERE change = 'series-break'), (SELECT count(*) FROM position_comparison),
          'every comparison value is a series break');

-- Home currency: every euro member has its legacy currency the day before
-- adoption and EUR from adoption on.
SELECT is_empty($$
    SELECT country FROM euro_adoption
     WHERE home_currency(country, adopted - 1) IS DISTINCT FROM legacy_currency
        OR home_currency(country, adopted) IS DISTINCT FROM 'EUR'$$,
    'euro members: legacy currency before adoption, EUR from adoption on');
SELECT is_empty($$
    SELECT c.country FROM country_currency c
     WHERE NOT EXISTS (SELECT 1 FROM euro_adoption e WHERE e.country = c.country)
       AND home_currency(c.country, '1990-01-01') IS DISTINCT FROM c.currency$$,
    'other countries: today''s currency at any date');
SELECT is((SELECT count(*) FROM holder WHERE kind IN ('country', 'bank') AND home_currency(id, '2025-12-31') IS NULL),
          1::bigint, 'every country and bank holder has a home currency but Turkey (none in the ISO file)');

-- Private holdings: total minus official, month by month, where both exist.
SELECT results_eq(
    $$SELECT month, private_usd_bn FROM private_holdings ORDER BY month$$,
    $$SELECT t.as_of, trim_scale((amount(t.amount) - amount(o.amount)) / 1e9) FROM position t
        JOIN position o ON o.as_of = t.as_of AND o.holder_id = 'foreign-official' AND o.instrument = 'UST'
       WHERE t.holder_id = 'grand-total' AND t.instrument = 'UST' ORDER BY 1$$,
    'private_holdings = grand total minus foreign official');
SELECT is((SELECT count(*) FROM private_holdings WHERE private_usd_bn + official_usd_bn <> total_usd_bn), 0::bigint,
          'private + official = total exactly');

SELECT * FROM finish();
ROLLBACK;
