-- Forced-parallel and serial aggregates agree; overflow at the edges is 22003.
BEGIN;
SELECT plan(12);
SET search_path = public, holdings;

SELECT setseed(0.5);
CREATE TABLE amounts AS
SELECT g % 50 AS grp, holding(round((random() - 0.3)::numeric * 1e9, 2), 'USD') AS h
  FROM generate_series(1, 200000) g;
ANALYZE amounts;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_total AS SELECT sum(h) s, avg(h) a, min(h) mi, max(h) ma FROM amounts;
CREATE TEMP TABLE serial_grouped AS SELECT grp, sum(h) s, avg(h) a, min(h) mi, max(h) ma FROM amounts GROUP BY grp;

SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
SELECT matches(plan_of('SELECT sum(h), avg(h), min(h), max(h) FROM amounts'), 'Partial Aggregate',
               'the forced-parallel plan uses Partial Aggregate');
SELECT matches(plan_of('SELECT grp, sum(h), avg(h) FROM amounts GROUP BY grp'), 'Partial (Hash|Group)Aggregate',
               'the grouped forced-parallel plan uses partial aggregation');
SELECT results_eq('SELECT s, a, mi, ma FROM serial_total',
                  'SELECT sum(h), avg(h), min(h), max(h) FROM amounts',
                  'parallel and serial sum/avg/min/max are identical');
SELECT set_eq('SELECT grp, s, a, mi, ma FROM serial_grouped',
              'SELECT grp, sum(h), avg(h), min(h), max(h) FROM amounts GROUP BY grp',
              'parallel and serial grouped aggregates are identical');
SELECT is((SELECT s FROM serial_total), (SELECT holding(sum(amount(h)), 'USD') FROM amounts),
          'sum(holding) equals sum(numeric) of the amounts');
RESET ALL;
SET search_path = public, holdings;

-- Edges of +, * and sum.
SELECT throws_ok($$SELECT '1701411834604692317316873037158.84105727 USD'::holdings.holding + '0.00000001 USD'$$,
                 '22003', NULL, '+ past the largest amount');
SELECT lives_ok($$SELECT '1701411834604692317316873037158.84105726 USD'::holdings.holding + '0.00000001 USD'$$,
                '+ up to the largest amount');
SELECT throws_ok($$SELECT '-1701411834604692317316873037158.84105727 USD'::holdings.holding + '-0.00000001 USD'$$,
                 '22003', NULL, '+ past the smallest amount');
SELECT throws_ok($$SELECT '850705917302346158658436518579.42052864 USD'::holdings.holding * 2$$,
                 '22003', NULL, '* just past the largest amount');
SELECT is('850705917302346158658436518579.42052863 USD'::holding * 2,
          '1701411834604692317316873037158.84105726 USD'::holding, '* up to the largest amount');
SELECT throws_ok($$SELECT holdings.sum(h) FROM (VALUES ('1701411834604692317316873037158 USD'::holdings.holding),
                   ('0.84105727 USD'), ('0.00000001 USD')) t(h)$$, '22003', NULL, 'sum past the largest amount');
SELECT is((SELECT sum(h) FROM (VALUES ('1701411834604692317316873037158 USD'::holding), ('0.84105727 USD')) t(h)),
          '1701411834604692317316873037158.84105727 USD'::holding, 'sum up to the largest amount');

SELECT * FROM finish();
ROLLBACK;
