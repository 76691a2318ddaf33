-- sum, avg, min, max: NULLs ignored, empty input gives NULL.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
SELECT sum(v), avg(v), min(v), max(v), count(v)
  FROM (VALUES ('1 USD'::holding), ('2 USD'), (NULL), ('0.00000001 USD')) AS t(v);

SELECT sum(v), avg(v), min(v), max(v) FROM (SELECT NULL::holding WHERE false) AS t(v);

-- avg rounds half to even at 8 digits: 1/3.
SELECT avg(v) FROM (VALUES ('1 USD'::holding), ('0 USD'), ('0 USD')) AS t(v);

-- Grouped by currency.
SELECT currency(v) AS ccy, sum(v), avg(v), min(v), max(v)
  FROM (VALUES ('1 USD'::holding), ('2 USD'), ('100 JPY'), ('250 JPY'), ('1.5 EUR')) AS t(v)
 GROUP BY 1 ORDER BY 1;

-- sum over a moving window frame (uses the inverse transition function).
SELECT d, v, sum(v) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS two_row_sum
  FROM (VALUES (1, '10 USD'::holding), (2, '20 USD'), (3, NULL), (4, '40 USD'), (5, '50 USD')) AS t(d, v)
 ORDER BY d;

-- Parallel plans use Partial Aggregate and give the serial answer.
CREATE TABLE agg_t (h holding);
INSERT INTO agg_t SELECT holding(g * 1.25, 'USD') FROM generate_series(1, 100000) g;
ANALYZE agg_t;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(h), avg(h), min(h), max(h) FROM agg_t;
SELECT sum(h), avg(h), min(h), max(h) FROM agg_t;
SET max_parallel_workers_per_gather = 0;
SELECT sum(h), avg(h), min(h), max(h) FROM agg_t;
RESET ALL;
DROP TABLE agg_t;
