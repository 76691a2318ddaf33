-- flow_decompose against the same computation in plain SQL (numeric, period
-- ends found by a join, a lookup of the latest rate, half-even rounding of each
-- product), on 100,000 generated rows over 200 holders with NULL levels, NULL
-- flows and partly reported valuations, in both shipped rate sets; serial =
-- parallel; shuffled input gives the same result; the identity holds in every
-- group and on every row of a running window.
BEGIN;
SELECT plan(20);
SET search_path = public, holdings;

-- convert_exact and rate_of: test/fixtures.sql.

SELECT setseed(0.75);
-- 200 holders: 150 hold USD (reported in JPY), 50 hold EUR (reported in USD).
-- About 5% of rows have no level (transactions only), 10% no net purchases,
-- half no reported valuation.
CREATE TABLE fgen AS
SELECT h AS holder,
       (date_trunc('month', date '2000-01-31' + floor(random() * 300)::int * interval '1 month')
        + interval '1 month - 1 day')::date AS as_of,
       CASE WHEN h <= 150 THEN 'USD' ELSE 'EUR' END AS ccy,
       CASE WHEN h <= 150 THEN 'JPY' ELSE 'USD' END AS report,
       CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 1e6)::numeric, 2) END AS level_n,
       CASE WHEN random() < 0.10 THEN NULL ELSE round((random() * 2e4 - 1e4)::numeric, 2) END AS flow_n,
       CASE WHEN random() < 0.50 THEN NULL ELSE round((random() * 2e3 - 1e3)::numeric, 2) END AS val_n
  FROM generate_series(1, 200) h, generate_series(1, 500) i;
ALTER TABLE fgen ADD COLUMN level holding, ADD COLUMN net_purchases holding, ADD COLUMN valuation holding;
UPDATE fgen SET level = holding(level_n, ccy), net_purchases = holding(flow_n, ccy), valuation = holding(val_n, ccy);
ANALYZE fgen;
SELECT is((SELECT count(*) FROM fgen), 100000::bigint, '100,000 generated rows');

-- The decomposition in plain SQL: each date's sums; each date belongs to the
-- period that ends at the first level date on or after it; the first level
-- date's period and dates after the last level are outside the window.
CREATE FUNCTION pg_temp.plain_sql(set_name text)
RETURNS TABLE (holder int, start_value numeric, end_value numeric, total_change numeric,
               flow_effect numeric, valuation_effect numeric, fx_effect numeric,
               reported_valuation numeric, valuation_residual numeric,
               periods bigint, periods_without_net_purchases bigint, periods_with_reported_valuation bigint)
LANGUAGE sql STABLE AS $$
    WITH dates AS (
        SELECT *, min(as_of) FILTER (WHERE level IS NOT NULL)
                      OVER (PARTITION BY holder ORDER BY as_of DESC ROWS UNBOUNDED PRECEDING) AS period_end,
                  min(as_of) FILTER (WHERE level IS NOT NULL) OVER (PARTITION BY holder) AS first_level
          FROM (SELECT holder, ccy, report, as_of, sum(level_n) AS level, sum(flow_n) AS flow, sum(val_n) AS val
                  FROM fgen GROUP BY 1, 2, 3, 4) sums
    ), period_sums AS (
        SELECT holder, period_end, sum(flow) AS flow, sum(val) AS val
          FROM dates WHERE period_end > first_level GROUP BY 1, 2
    ), levels AS (
        SELECT holder, ccy, report, as_of, level,
               lag(level) OVER (PARTITION BY holder ORDER BY as_of) AS previous,
               row_number() OVER (PARTITION BY holder ORDER BY as_of) AS n,
               count(*) OVER (PARTITION BY holder) AS dates,
               rate_of(set_name, report, as_of) AS to_rate,
               rate_of(set_name, ccy, as_of) AS from_rate
          FROM dates WHERE level IS NOT NULL
    ), periods AS (
        SELECT l.*, p.flow, p.val
          FROM levels l LEFT JOIN period_sums p ON p.holder = l.holder AND p.period_end = l.as_of AND l.n > 1
    ), parts AS (
        SELECT holder, n, dates, level,
               convert_exact(level, to_rate, from_rate) AS value,
               convert_exact(coalesce(flow, 0), to_rate, from_rate) AS f,
               convert_exact(level - previous - coalesce(flow, 0), to_rate, from_rate) AS v,
               convert_exact(coalesce(val, 0), to_rate, from_rate) AS r,
               flow IS NULL AND n > 1 AS no_flow, val IS NOT NULL AS reported
          FROM periods
    )
    SELECT holder, s, e, e - s, f, v, e - s - f - v, r, v - r, p, nf, nr
      FROM (SELECT holder,
                   sum(value) FILTER (WHERE n = 1) AS s, sum(value) FILTER (WHERE n = dates) AS e,
                   sum(f) FILTER (WHERE n > 1) AS f, sum(v) FILTER (WHERE n > 1) AS v,
                   sum(r) FILTER (WHERE n > 1) AS r, count(*) - 1 AS p,
                   count(*) FILTER (WHERE no_flow) AS nf, count(*) FILTER (WHERE reported) AS nr
              FROM parts GROUP BY holder) t
$$;

CREATE TEMP VIEW ext AS
SELECT holder, flow_decompose(level, as_of, net_purchases, report, valuation) AS d
  FROM fgen GROUP BY holder, report;
CREATE TEMP VIEW ext_fields AS
SELECT holder, amount((d).start_value) AS s, amount((d).end_value) AS e, amount((d).total_change) AS t,
       amount((d).flow_effect) AS f, amount((d).valuation_effect) AS v, amount((d).fx_effect) AS x,
       amount((d).reported_valuation) AS r, amount((d).valuation_residual) AS res,
       (d).periods::bigint AS p, (d).periods_without_net_purchases::bigint AS nf,
       (d).periods_with_reported_valuation::bigint AS nr
  FROM ext;

SET holdings.rate_set = 'fed-monthly';
CREATE TEMP TABLE ext_fed AS SELECT * FROM ext;
SELECT set_eq('SELECT * FROM pg_temp.plain_sql(''fed-monthly'')', 'SELECT * FROM ext_fields',
              'fed-monthly: every field equals the plain-SQL computation for all 200 holders');
SELECT is((SELECT count(*) FROM ext_fed
            WHERE (d).flow_effect + (d).valuation_effect + (d).fx_effect <> (d).total_change
               OR (d).end_value - (d).start_value <> (d).total_change
               OR (d).reported_valuation + (d).valuation_residual <> (d).valuation_effect), 0::bigint,
          'fed-monthly: total = flow + valuation + FX and valuation = reported + residual, exactly, in every group');
SELECT ok((SELECT bool_and((d).periods_without_net_purchases > 0) AND bool_and(amount((d).fx_effect) <> 0)
                  AND bool_and((d).periods_with_reported_valuation > 0) AND bool_and(amount((d).valuation_residual) <> 0)
             FROM ext_fed), 'the generated data exercises periods without flows, FX effects and residuals in every group');

SET holdings.rate_set = 'ecb-daily';
CREATE TEMP TABLE ext_ecb AS SELECT * FROM ext;
SELECT set_eq('SELECT * FROM pg_temp.plain_sql(''ecb-daily'')', 'SELECT * FROM ext_fields',
              'ecb-daily: every field equals the plain-SQL computation for all 200 holders');
SELECT is((SELECT count(*) FROM ext_ecb
            WHERE (d).flow_effect + (d).valuation_effect + (d).fx_effect <> (d).total_change), 0::bigint,
          'ecb-daily: the identity holds in every group');
SELECT isnt((SELECT count(*) FROM ext_ecb e JOIN ext_fed f USING (holder) WHERE (e.d).fx_effect <> (f.d).fx_effect), 0::bigint,
            'the two rate sets give different FX effects (the setting is honoured)');

-- The four-argument form: the same decomposition, no reported split.
SET holdings.rate_set = 'fed-monthly';
SELECT is((SELECT count(*) FROM (SELECT holder, flow_decompose(level, as_of, net_purchases, report) AS d4 FROM fgen GROUP BY holder, report) a
             JOIN ext_fed b USING (holder)
            WHERE ((d4).start_value, (d4).end_value, (d4).flow_effect, (d4).valuation_effect, (d4).fx_effect, (d4).periods)
                  IS DISTINCT FROM ((b.d).start_value, (b.d).end_value, (b.d).flow_effect, (b.d).valuation_effect, (b.d).fx_effect, (b.d).periods)
               OR (d4).reported_valuation IS NOT NULL OR (d4).valuation_residual IS NOT NULL
               OR (d4).periods_with_reported_valuation IS NOT NULL), 0::bigint,
          'four arguments: the same decomposition, reported fields NULL');

-- Serial and forced-parallel plans agree.
CREATE TEMP TABLE serial_total AS
SELECT flow_decompose(level, as_of, net_purchases, 'JPY', valuation) AS d FROM fgen WHERE ccy = 'USD';
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
SELECT matches(plan_of($q$SELECT flow_decompose(level, as_of, net_purchases, 'JPY', valuation) FROM fgen WHERE ccy = 'USD'$q$),
               'Partial Aggregate', 'flow_decompose runs as Partial Aggregate in a parallel plan');
SELECT results_eq($$SELECT flow_decompose(level, as_of, net_purchases, 'JPY', valuation) FROM fgen WHERE ccy = 'USD'$$,
                  'SELECT d FROM serial_total', 'ungrouped: forced-parallel result equals the serial one');
SELECT matches(plan_of('SELECT * FROM ext'), 'Partial (Hash|Group)Aggregate', 'grouped by holder: a partial aggregate in a parallel plan');
SELECT set_eq('SELECT holder, d FROM ext', 'SELECT holder, d FROM ext_fed', 'grouped: forced-parallel results equal the serial ones');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;

-- Shuffled input and any ORDER BY inside the aggregate: same answers.
CREATE TEMP TABLE shuffled AS SELECT * FROM fgen ORDER BY random();
SELECT set_eq('SELECT holder, flow_decompose(level, as_of, net_purchases, report, valuation) FROM shuffled GROUP BY holder, report',
              'SELECT holder, d FROM ext_fed', 'shuffled input gives the same results');
SELECT set_eq('SELECT holder, flow_decompose(level, as_of, net_purchases, report, valuation ORDER BY random()) FROM fgen GROUP BY holder, report',
              'SELECT holder, d FROM ext_fed', 'any ORDER BY inside the aggregate gives the same results');

-- Window use: the running decomposition of ten holders; the identity on every
-- row, and the last row of each holder equals the grouped result.
CREATE TEMP TABLE running AS
SELECT holder, as_of, flow_decompose(level, as_of, net_purchases, report, valuation)
                      OVER (PARTITION BY holder ORDER BY as_of) AS d,
       row_number() OVER (PARTITION BY holder ORDER BY as_of DESC) AS from_last
  FROM fgen WHERE holder <= 5 OR holder > 195;
SELECT is((SELECT count(*) FROM running
            WHERE d IS NOT NULL AND ((d).flow_effect + (d).valuation_effect + (d).fx_effect <> (d).total_change
                                     OR (d).reported_valuation + (d).valuation_residual <> (d).valuation_effect)),
          0::bigint, 'running window: the identity holds on every row');
SELECT set_eq('SELECT holder, d FROM running WHERE from_last = 1',
              'SELECT holder, d FROM ext_fed WHERE holder <= 5 OR holder > 195',
              'running window: the last row equals the grouped result');

-- On the shipped data: Japan 2022 (TIC Table 3 levels, Form S and bill-change
-- flows) gives the issue's worked example, in millions of USD.
CREATE TEMP VIEW japan AS
SELECT as_of, amount AS level, NULL::holding AS net_purchases, NULL::holding AS reported_valuation
  FROM position WHERE holder_id = 'JP' AND instrument = 'UST'
UNION ALL
SELECT as_of, NULL, net_purchases, CASE WHEN instrument = 'UST-NOTES-BONDS' THEN valuation_change END
  FROM transaction WHERE holder_id = 'JP';
SET holdings.rate_set = 'fed-monthly';
SELECT results_eq(
    $$SELECT amount((d).total_change) / 1e6, amount((d).flow_effect) / 1e6, amount((d).valuation_effect) / 1e6,
             amount((d).fx_effect), (d).periods, (d).periods_without_net_purchases
        FROM (SELECT flow_decompose(level, as_of, net_purchases, 'USD') AS d FROM japan
               WHERE as_of BETWEEN '2021-12-31' AND '2022-12-31') s$$,
    $$VALUES (-225735::numeric, -133818::numeric, -91917::numeric, 0::numeric, 12, 0)$$,
    'Japan 2022: holdings -225,735, transactions -133,818, valuation -91,917 (USD mn), no FX in USD');
-- Monthly components (a window over each month and the one before) add up to
-- the year exactly, in yen.
SELECT results_eq(
    $$SELECT sum((d).total_change), sum((d).flow_effect), sum((d).valuation_effect), sum((d).fx_effect)
        FROM (SELECT as_of, flow_decompose(level, as_of, net_purchases, 'JPY') OVER (ORDER BY as_of ROWS 1 PRECEDING) AS d
                FROM (SELECT as_of, sum(level) AS level, sum(net_purchases) AS net_purchases FROM japan
                       WHERE as_of BETWEEN '2021-12-31' AND '2022-12-31' GROUP BY as_of) m) w
       WHERE as_of > '2021-12-31'$$,
    $$SELECT (d).total_change, (d).flow_effect, (d).valuation_effect, (d).fx_effect
        FROM (SELECT flow_decompose(level, as_of, net_purchases, 'JPY') AS d FROM japan
               WHERE as_of BETWEEN '2021-12-31' AND '2022-12-31') s$$,
    'Japan 2022 in yen: the twelve monthly decompositions add up to the yearly one exactly');

-- postgres_fdw: the state depends only on its input (IMMUTABLE steps), so a
-- query grouped by holder is sent whole to the remote server. (Plans only: no
-- connection is made.) A constant report currency is not pushed down:
-- postgres_fdw ships no aggregate whose collatable argument does not come from
-- a remote column.
CREATE FUNCTION pg_temp.verbose_plan(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER flows_remote FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'nowhere', extensions 'holdings');
CREATE USER MAPPING FOR CURRENT_USER SERVER flows_remote;
CREATE FOREIGN TABLE remote_flows (holder text, as_of date, level holding, net_purchases holding, report text)
    SERVER flows_remote OPTIONS (table_name 'flows');
SELECT matches(pg_temp.verbose_plan($q$SELECT holder, flow_decompose(level, as_of, net_purchases, report) FROM remote_flows GROUP BY holder$q$),
               'Remote SQL: SELECT holder, holdings\.flow_decompose\(level, as_of, net_purchases, report\) FROM public\.flows GROUP BY 1',
               'postgres_fdw pushes flow_decompose grouped by holder down to the remote server');
SELECT doesnt_match(pg_temp.verbose_plan($q$SELECT holder, flow_decompose(level, as_of, net_purchases, 'JPY') FROM remote_flows GROUP BY holder$q$),
                    'flow_decompose.*GROUP BY',
                    'a constant report currency keeps the aggregate local (postgres_fdw collation rule)');

SELECT * FROM finish();
ROLLBACK;
