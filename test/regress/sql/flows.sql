-- flow_decompose: a change in holdings split into flows, valuation and FX,
-- computed by hand. Rate set 'regress-flows' (yen per USD):
--   2024-01-31 100, 2024-02-29 125, 2024-03-31 160, 2024-04-30 150
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
INSERT INTO source (id, publisher, title, url) VALUES
    ('regress-flows', 'holdings tests', 'hand-made rates', 'https://example.org/regress-flows');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    ('regress-flows', 'JPY', '2024-01-31', 100, 'regress-flows'),
    ('regress-flows', 'JPY', '2024-02-29', 125, 'regress-flows'),
    ('regress-flows', 'JPY', '2024-03-31', 160, 'regress-flows'),
    ('regress-flows', 'JPY', '2024-04-30', 150, 'regress-flows');
SET holdings.rate_set = 'regress-flows';

-- Holder A's holdings FELL while it BOUGHT: levels 1000, 950, 900 USD; net
-- purchases +20 (Feb) and +30 (Mar); the January row's 999 is the flow of the
-- month before the window and does not count.
--   In USD: total -100 = flows +50 + valuation (950-1000-20) + (900-950-30) = -150; FX 0.
--   In JPY: start 1000*100 = 100000, end 900*160 = 144000, total +44000;
--           flows 20*125 + 30*160 = 7300; valuation -70*125 - 80*160 = -21550;
--           FX 44000 - 7300 + 21550 = 58250 (= 1000*(125-100) + 950*(160-125)).
-- Holder B holds bills and notes (two rows a date, levels and flows add up):
--   levels 300+200 = 500, 280+250 = 530; flows (notes) +10, (bills) = the bill change +50:
--   total +30 USD = flows 60 + valuation -30.
--   In JPY (one period, at 125): start 50000, end 66250, total 16250;
--   flows 7500, valuation -3750, FX 12500 (= 500*(125-100)).
CREATE TABLE flows_example (holder text, instrument text, as_of date, level holding,
                            net_purchases holding, valuation holding);
INSERT INTO flows_example VALUES
    ('A', 'all',   '2024-03-31', '900 USD',  '30 USD', NULL),
    ('A', 'all',   '2024-01-31', '1000 USD', '999 USD', NULL),
    ('A', 'all',   '2024-02-29', '950 USD',  '20 USD', '-60 USD'),
    ('B', 'notes', '2024-01-31', '300 USD',  NULL, NULL),
    ('B', 'bills', '2024-01-31', '200 USD',  NULL, NULL),
    ('B', 'notes', '2024-02-29', '280 USD',  '10 USD', NULL),
    ('B', 'bills', '2024-02-29', '250 USD',  '50 USD', NULL);

SELECT holder, (flow_decompose(level, as_of, net_purchases, 'USD')).*
  FROM flows_example GROUP BY holder ORDER BY holder;
SELECT holder, (flow_decompose(level, as_of, net_purchases, 'JPY')).*
  FROM flows_example GROUP BY holder ORDER BY holder;

-- The identity holds exactly, and net selling from transactions is -flow_effect.
SELECT holder, (d).flow_effect + (d).valuation_effect + (d).fx_effect = (d).total_change AS identity_holds,
       -(d).flow_effect AS net_selling_jpy
  FROM (SELECT holder, flow_decompose(level, as_of, net_purchases, 'JPY') AS d
          FROM flows_example GROUP BY holder) s ORDER BY holder;

-- The five-argument form splits valuation into what the source reports and the
-- rest: A reports -60 in February (at 125: -7500 JPY); residual -21550 + 7500 = -14050.
SELECT holder, (flow_decompose(level, as_of, net_purchases, 'JPY', valuation)).*
  FROM flows_example WHERE holder = 'A' GROUP BY holder;
SELECT (flow_decompose(level, as_of, net_purchases, 'USD', valuation)).reported_valuation AS reported,
       (flow_decompose(level, as_of, net_purchases, 'USD', valuation)).valuation_residual AS residual
  FROM flows_example WHERE holder = 'A';
-- No period reports a valuation (A's February row left out): reported and
-- residual are unknown (NULL), not zero.
SELECT (d).reported_valuation, (d).valuation_residual, (d).periods_with_reported_valuation
  FROM (SELECT flow_decompose(level, as_of, net_purchases, 'USD', valuation) AS d
          FROM flows_example WHERE holder = 'A' AND as_of <> '2024-02-29') s;

-- Missing period: without A's February level the two months are one period
-- ending in March; February's flow (a row without a level) counts in it, at
-- the March rate: flows (20+30)*160 = 8000, valuation (900-1000-50)*160 = -24000,
-- FX 1000*(160-100) = 60000. A flow after the last level counts nowhere.
SELECT (flow_decompose(level, as_of, net_purchases, 'JPY')).*
  FROM (VALUES ('2024-01-31'::date, '1000 USD'::holding, NULL::holding),
               ('2024-02-29', NULL, '20 USD'),
               ('2024-03-31', '900 USD', '30 USD'),
               ('2024-04-30', NULL, '7 USD')) t(as_of, level, net_purchases);

-- NULLs: a NULL net purchase is no transaction reported (the period's change is
-- all valuation, and periods_without_net_purchases counts it); a row without a
-- date, or with nothing but NULLs, is ignored; no rows, or no level at all -> NULL.
SELECT (flow_decompose(level, as_of, net_purchases, 'USD')).*
  FROM (VALUES ('2024-01-31'::date, '1000 USD'::holding, NULL::holding),
               ('2024-02-29', '950 USD', NULL),
               ('2024-03-31', '900 USD', '30 USD'),
               (NULL, '5 USD', '5 USD'),
               ('2024-04-30', NULL, NULL)) t(as_of, level, net_purchases);
SELECT flow_decompose(level, as_of, net_purchases, 'JPY') IS NULL AS empty_is_null
  FROM flows_example WHERE false;
SELECT flow_decompose(level, as_of, net_purchases, 'JPY') IS NULL AS flows_only_is_null
  FROM (VALUES ('2024-01-31'::date, NULL::holding, '1 USD'::holding)) t(as_of, level, net_purchases);
-- One date: nothing changed.
SELECT (flow_decompose(level, as_of, net_purchases, 'JPY')).*
  FROM flows_example WHERE holder = 'A' AND as_of = '2024-02-29';

-- As a window aggregate: the running decomposition of A month by month.
SELECT as_of, (d).total_change, (d).flow_effect, (d).valuation_effect, (d).fx_effect, (d).periods
  FROM (SELECT as_of, flow_decompose(level, as_of, net_purchases, 'JPY') OVER (ORDER BY as_of) AS d
          FROM flows_example WHERE holder = 'A') s ORDER BY as_of;
-- Monthly components with a two-row frame (the previous month and this one).
SELECT as_of, (d).total_change, (d).flow_effect, (d).valuation_effect, (d).fx_effect
  FROM (SELECT as_of, flow_decompose(level, as_of, net_purchases, 'JPY')
                      OVER (ORDER BY as_of ROWS 1 PRECEDING) AS d
          FROM flows_example WHERE holder = 'A') s ORDER BY as_of;

-- A window over a series break: in March the survey re-benchmarks the level
-- (+50 with no transaction and no reported valuation). The aggregate cannot
-- tell a break from a price move: the jump is valuation, and where the source
-- reports valuation it shows as the residual. Valuation (950-1000-20) +
-- (1000-950-0) = -70 + 50 = -20; reported -60 (February); residual
-- -10 (February) + 50 (the break) = +40.
SELECT (flow_decompose(level, as_of, net_purchases, 'USD', valuation)).*
  FROM (VALUES ('2024-01-31'::date, '1000 USD'::holding, NULL::holding, NULL::holding),
               ('2024-02-29', '950 USD', '20 USD', '-60 USD'),
               ('2024-03-31', '1000 USD', '0 USD', NULL)) t(as_of, level, net_purchases, valuation);

-- ROLLUP: per holder and over both, January and February (levels and flows of
-- a date add up across holders: 1500 -> 1480 USD, flows 20 + 60, valuation -100).
SELECT holder, (flow_decompose(level, as_of, net_purchases, 'USD')).flow_effect,
       (flow_decompose(level, as_of, net_purchases, 'USD')).valuation_effect
  FROM flows_example WHERE as_of <= '2024-02-29' GROUP BY ROLLUP (holder) ORDER BY holder;

-- Errors, with their SQLSTATEs.
\set VERBOSITY sqlstate
SELECT flow_decompose(level, as_of, net_purchases, 'JPY')     -- 22U01: levels in two currencies
  FROM (VALUES ('2024-01-31'::date, '1 USD'::holding, NULL::holding), ('2024-02-29', '1 EUR', NULL)) t(as_of, level, net_purchases);
SELECT flow_decompose(level, as_of, net_purchases, 'JPY')     -- 22U01: flows in another currency
  FROM (VALUES ('2024-01-31'::date, '1 USD'::holding, '1 JPY'::holding)) t(as_of, level, net_purchases);
SELECT flow_decompose(level, as_of, net_purchases, 'JPY', v)  -- 22U01: valuation in another currency
  FROM (VALUES ('2024-01-31'::date, '1 USD'::holding, '1 USD'::holding, '1 EUR'::holding)) t(as_of, level, net_purchases, v);
SELECT flow_decompose(level, as_of, net_purchases, ccy)       -- 22023: report currency changes
  FROM (VALUES ('2024-01-31'::date, '1 USD'::holding, NULL::holding, 'JPY'), ('2024-02-29', '1 USD', NULL, 'EUR')) t(as_of, level, net_purchases, ccy);
SELECT flow_decompose(level, as_of, net_purchases, NULL)      -- 22004: no report currency
  FROM flows_example;
SELECT flow_decompose(level, as_of, net_purchases, 'ABC')     -- 22U02: unknown code
  FROM flows_example;
SELECT flow_decompose(level, as_of, net_purchases, 'JPY')     -- 22U03: no rate before 2024-01-31
  FROM (VALUES ('2023-12-31'::date, '1 USD'::holding, NULL::holding), ('2024-01-31', '2 USD', NULL)) t(as_of, level, net_purchases);
SELECT flow_decompose(level, as_of, net_purchases, 'USD')     -- 22003: overflow
  FROM (VALUES ('2024-01-31'::date, '-1e30 USD'::holding, NULL::holding), ('2024-02-29', '1.7e30 USD', NULL)) t(as_of, level, net_purchases);
\set VERBOSITY default
SELECT flow_decompose(level, as_of, net_purchases, 'JPY')
  FROM (VALUES ('2024-01-31'::date, '1 USD'::holding, '1 JPY'::holding)) t(as_of, level, net_purchases);

RESET holdings.rate_set;
DROP TABLE flows_example;
DELETE FROM fx_rate WHERE rate_set = 'regress-flows';
DELETE FROM source WHERE id = 'regress-flows';
