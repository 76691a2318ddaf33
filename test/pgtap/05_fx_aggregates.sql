-- The FX-adjusted aggregates against the same computation in plain SQL
-- (numeric, lag(), a lateral lookup of the latest rate), on 100,000 generated
-- rows over 200 holders, in both shipped rate sets; serial = parallel;
-- shuffled input gives the same result; the identity holds for every group.
BEGIN;
SELECT plan(14);
SET search_path = public, holdings;

-- convert_exact and rate_of: test/fixtures.sql.

SELECT setseed(0.25);
-- 200 holders: 150 hold USD (reported in JPY), 50 hold EUR (reported in USD).
CREATE TABLE gen AS
SELECT h AS holder,
       (date '2000-01-31' + (floor(random() * 300)::int * interval '1 month'))::date AS as_of_raw,
       CASE WHEN h <= 150 THEN 'USD' ELSE 'EUR' END AS ccy,
       CASE WHEN h <= 150 THEN 'JPY' ELSE 'USD' END AS report,
       round((random() * 1e6)::numeric, 2) AS amount_n
  FROM generate_series(1, 200) h, generate_series(1, 500) i;
-- Month ends (the month arithmetic above can land on the 28th..30th).
UPDATE gen SET as_of_raw = (date_trunc('month', as_of_raw) + interval '1 month - 1 day')::date;
ALTER TABLE gen RENAME COLUMN as_of_raw TO as_of;
ALTER TABLE gen ADD COLUMN amount holding;
UPDATE gen SET amount = holding(amount_n, ccy);
ANALYZE gen;
SELECT is((SELECT count(*) FROM gen), 100000::bigint, '100,000 generated rows');

CREATE FUNCTION pg_temp.plain_sql(set_name text)
RETURNS TABLE (holder int, net numeric, net_fx numeric, start_value numeric, end_value numeric)
LANGUAGE sql STABLE AS $$
    WITH levels AS (
        SELECT holder, as_of, ccy, report, sum(amount_n) AS level FROM gen GROUP BY 1, 2, 3, 4
    ), changes AS (
        SELECT *, level - lag(level) OVER (PARTITION BY holder ORDER BY as_of) AS change,
               rate_of(set_name, report, as_of) AS to_rate,
               rate_of(set_name, ccy, as_of) AS from_rate,
               row_number() OVER (PARTITION BY holder ORDER BY as_of) AS n,
               count(*) OVER (PARTITION BY holder) AS dates
          FROM levels
    )
    SELECT holder,
           sum(level) FILTER (WHERE n = 1) - sum(level) FILTER (WHERE n = dates),
           -coalesce(sum(convert_exact(change, to_rate, from_rate)), 0),
           sum(convert_exact(level, to_rate, from_rate)) FILTER (WHERE n = 1),
           sum(convert_exact(level, to_rate, from_rate)) FILTER (WHERE n = dates)
      FROM changes GROUP BY holder
$$;

-- One row per holder, all three aggregates.
CREATE TEMP VIEW ext AS
SELECT holder, net_foreign_selling(amount, as_of) AS net,
       net_foreign_selling(amount, as_of, report) AS net_fx,
       fx_decompose(amount, as_of, report) AS d
  FROM gen GROUP BY holder, report;

SET holdings.rate_set = 'fed-monthly';
CREATE TEMP TABLE plain_fed AS SELECT * FROM pg_temp.plain_sql('fed-monthly');
CREATE TEMP TABLE ext_fed AS SELECT * FROM ext;
SELECT set_eq('SELECT holder, net, net_fx, start_value, end_value FROM plain_fed',
              'SELECT holder, amount(net) AS a, amount(net_fx) AS b, amount((d).start_value) AS c, amount((d).end_value) AS e FROM ext_fed',
              'fed-monthly: both aggregates and fx_decompose equal the plain-SQL computation for all 200 holders');
SELECT is((SELECT count(*) FROM ext_fed WHERE (d).flow_effect + (d).fx_effect <> (d).total_change
                                           OR (d).end_value - (d).start_value <> (d).total_change
                                           OR (d).flow_effect <> -net_fx), 0::bigint,
          'fed-monthly: total = flow + fx exactly, and flow = minus FX-adjusted net selling, in every group');

SET holdings.rate_set = 'ecb-daily';
CREATE TEMP TABLE plain_ecb AS SELECT * FROM pg_temp.plain_sql('ecb-daily');
CREATE TEMP TABLE ext_ecb AS SELECT * FROM ext;
SELECT set_eq('SELECT holder, net, net_fx, start_value, end_value FROM plain_ecb',
              'SELECT holder, amount(net) AS a, amount(net_fx) AS b, amount((d).start_value) AS c, amount((d).end_value) AS e FROM ext_ecb',
              'ecb-daily: both aggregates and fx_decompose equal the plain-SQL computation for all 200 holders');
SELECT is((SELECT count(*) FROM ext_ecb WHERE (d).flow_effect + (d).fx_effect <> (d).total_change), 0::bigint,
          'ecb-daily: the identity holds in every group');
SELECT isnt((SELECT count(*) FROM ext_ecb e JOIN ext_fed f USING (holder) WHERE e.net_fx <> f.net_fx), 0::bigint,
            'the two rate sets give different FX-adjusted answers (the setting is honoured)');

-- Serial and forced-parallel plans agree.
SET holdings.rate_set = 'fed-monthly';
CREATE TEMP TABLE serial_total AS
SELECT net_foreign_selling(amount, as_of) AS n, net_foreign_selling(amount, as_of, 'JPY') AS n_fx,
       fx_decompose(amount, as_of, 'JPY') AS d
  FROM gen WHERE ccy = 'USD';
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
SELECT matches(plan_of($q$SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, 'JPY') FROM gen WHERE ccy = 'USD'$q$),
               'Partial Aggregate', 'the FX aggregates run as Partial Aggregate in a parallel plan');
SELECT results_eq(
    $$SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, 'JPY'), fx_decompose(amount, as_of, 'JPY') FROM gen WHERE ccy = 'USD'$$,
    'SELECT n, n_fx, d FROM serial_total',
    'ungrouped: forced-parallel results equal the serial ones');
CREATE TEMP TABLE ext_parallel AS SELECT * FROM ext;
SELECT set_eq('SELECT holder, net, net_fx, d FROM ext_parallel', 'SELECT holder, net, net_fx, d FROM ext_fed',
              'grouped: forced-parallel results equal the serial ones');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;

-- Shuffled input: same answers.
CREATE TEMP TABLE shuffled AS SELECT * FROM gen ORDER BY random();
SELECT set_eq('SELECT holder, net_foreign_selling(amount, as_of) AS a, net_foreign_selling(amount, as_of, report) AS b, fx_decompose(amount, as_of, report) AS c FROM shuffled GROUP BY holder, report',
              'SELECT holder, net, net_fx, d FROM ext_fed',
              'shuffled input gives the same results');
SELECT set_eq('SELECT holder, net_foreign_selling(amount, as_of ORDER BY as_of DESC) AS a, net_foreign_selling(amount, as_of, report ORDER BY random()) AS b FROM gen GROUP BY holder, report',
              'SELECT holder, net, net_fx FROM ext_fed',
              'any ORDER BY inside the aggregate gives the same results');

-- Window use: a rolling 12-row net selling per holder equals the aggregate over the same rows.
SELECT is((SELECT count(*) FROM (
    SELECT holder, as_of,
           net_foreign_selling(amount, as_of) OVER w AS rolling,
           (SELECT net_foreign_selling(g2.amount, g2.as_of) FROM gen g2
             WHERE g2.holder = g.holder AND g2.as_of BETWEEN (SELECT min(as_of) FROM (SELECT as_of FROM gen g3 WHERE g3.holder = g.holder AND g3.as_of <= g.as_of GROUP BY as_of ORDER BY as_of DESC LIMIT 12) t) AND g.as_of) AS direct
      FROM (SELECT holder, as_of, sum(amount) AS amount FROM gen WHERE holder <= 3 GROUP BY holder, as_of) g
    WINDOW w AS (PARTITION BY holder ORDER BY as_of ROWS 11 PRECEDING)) x WHERE rolling <> direct), 0::bigint,
    'rolling 12-period window equals the aggregate over the same dates');

-- A change to fx_rate inside the session is seen by the next query.
SET holdings.rate_set = 'fed-monthly';
CREATE TEMP TABLE before_change AS SELECT net_fx FROM ext WHERE holder = 1;
UPDATE fx_rate SET per_usd = per_usd * 2 WHERE rate_set = 'fed-monthly' AND currency = 'JPY' AND as_of >= '2010-01-01';
SELECT isnt((SELECT net_fx FROM ext WHERE holder = 1), (SELECT net_fx FROM before_change),
            'a change to fx_rate is seen by the next query');
SELECT set_eq('SELECT holder, net_fx FROM ext WHERE holder <= 150',
              $$SELECT holder, holding(net_fx, 'JPY') FROM pg_temp.plain_sql('fed-monthly') WHERE holder <= 150$$,
              'after the change, results equal the plain-SQL computation on the new rates');

SELECT * FROM finish();
ROLLBACK;
