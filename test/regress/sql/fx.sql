-- FX valuation and the FX-adjusted aggregates, on a small rate set of our own.
-- Rate set 'regress' (units per USD):
--   JPY: 2024-01-31 100, 2024-02-29 125, 2024-03-31 160
--   GBP: 2024-01-31 3
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
INSERT INTO source (id, publisher, title, url) VALUES
    ('regress', 'holdings tests', 'hand-made rates', 'https://example.org/regress');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    ('regress', 'JPY', '2024-01-31', 100, 'regress'),
    ('regress', 'JPY', '2024-02-29', 125, 'regress'),
    ('regress', 'JPY', '2024-03-31', 160, 'regress'),
    ('regress', 'GBP', '2024-01-31', 3, 'regress');
SET holdings.rate_set = 'regress';

-- fx_rate: latest rate on or before the date, crossed through USD.
SELECT fx_rate('USD', 'JPY', '2024-02-15') AS usd_jpy_mid_feb,     -- Jan's 100
       fx_rate('JPY', 'USD', '2024-03-31') AS jpy_usd,             -- 1/160
       fx_rate('GBP', 'JPY', '2024-03-31') AS gbp_jpy,             -- 160/3
       fx_rate('EUR', 'EUR', '1900-01-01') AS same_currency;       -- 1, no rate needed

-- fx_convert rounds half to even once, at 8 digits.
SELECT fx_convert('1000 USD', 'JPY', '2024-02-29') AS usd_to_jpy,  -- 125000
       fx_convert('1 GBP', 'USD', '2024-01-31') AS one_third,      -- 0.33333333
       fx_convert('0.00000005 GBP', 'USD', '2024-01-31') AS tiny,  -- 1.67e-8 -> 2e-8
       fx_convert('1 GBP', 'JPY', '2024-03-31') AS crossed;        -- 160/3 = 53.33333333

-- Holder A sells while the yen weakens: 1000, 900, 850 USD at 100, 125, 160 JPY/USD.
--   net_foreign_selling (USD) = 1000 - 850 = 150 USD
--   FX-adjusted, in JPY = -[(900-1000)*125 + (850-900)*160] = -[-12500 - 8000] = 20500 JPY
--   fx_decompose in JPY: start 1000*100 = 100000, end 850*160 = 136000, total +36000,
--   flow -20500, fx +56500: the yen value rose although A sold.
-- Holder B buys: 500 -> 600 USD: net -100 USD; FX-adjusted -(100*160) = -16000 JPY.
-- Holder C has one date only: zero.
-- Holder D has two rows on one date: 300 + 200 on 2024-01-31, 450 on 2024-03-31:
--   net 50 USD; FX-adjusted -((450-500)*160) = 8000 JPY.
CREATE TABLE fx_positions (holder text, as_of date, amount holding);
INSERT INTO fx_positions VALUES
    ('A', '2024-03-31', '850 USD'), ('A', '2024-01-31', '1000 USD'), ('A', '2024-02-29', '900 USD'),
    ('B', '2024-01-31', '500 USD'), ('B', '2024-03-31', '600 USD'),
    ('C', '2024-02-29', '42 USD'),
    ('D', '2024-01-31', '300 USD'), ('D', '2024-03-31', '450 USD'), ('D', '2024-01-31', '200 USD');

SELECT holder,
       net_foreign_selling(amount, as_of) AS net_selling,
       net_foreign_selling(amount, as_of, 'JPY') AS net_selling_jpy,
       fx_decompose(amount, as_of, 'JPY') AS decomposition
  FROM fx_positions GROUP BY holder ORDER BY holder;

SELECT (d).*, (d).flow_effect + (d).fx_effect = (d).total_change AS identity_holds
  FROM (SELECT fx_decompose(amount, as_of, 'JPY') AS d FROM fx_positions WHERE holder = 'A') s;

-- Same currency: rates are not needed, flow = minus net selling, fx effect zero.
SELECT net_foreign_selling(amount, as_of, 'USD'), fx_decompose(amount, as_of, 'USD')
  FROM fx_positions WHERE holder = 'A';

-- Empty input and NULL rows.
SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, 'JPY'),
       fx_decompose(amount, as_of, 'JPY')
  FROM fx_positions WHERE false;
SELECT net_foreign_selling(amount, as_of) FROM (VALUES (NULL::holding, '2024-01-31'::date),
    ('5 USD', NULL), ('7 USD', '2024-01-31'), ('4 USD', '2024-02-29')) t(amount, as_of);

-- As window aggregates: running net selling per holder.
SELECT holder, as_of, amount,
       net_foreign_selling(amount, as_of) OVER w AS running,
       net_foreign_selling(amount, as_of, 'JPY') OVER w AS running_jpy
  FROM fx_positions WHERE holder IN ('A', 'B')
WINDOW w AS (PARTITION BY holder ORDER BY as_of ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
 ORDER BY holder, as_of;

-- With ROLLUP: per holder and over all holders (levels add up across holders).
SELECT holder, net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, 'JPY')
  FROM fx_positions WHERE holder IN ('A', 'B') GROUP BY ROLLUP (holder) ORDER BY holder;

-- A change to fx_rate is seen by the next query (the cached rate set is dropped).
SELECT fx_convert('1000 USD', 'JPY', '2024-03-31');
UPDATE fx_rate SET per_usd = 150 WHERE rate_set = 'regress' AND currency = 'JPY' AND as_of = '2024-03-31';
SELECT fx_convert('1000 USD', 'JPY', '2024-03-31');

-- Errors, with their SQLSTATEs.
\set VERBOSITY sqlstate
SELECT fx_rate('JPY', 'USD', '2023-12-31');                      -- 22U03 no rate on or before
SELECT fx_convert('1 JPY', 'USD', '2023-12-31');                 -- 22U03
SELECT net_foreign_selling(amount, as_of, 'JPY')
  FROM (VALUES ('1 USD'::holding, '2023-12-31'::date), ('2 USD', '2024-01-31')) t(amount, as_of);  -- 22U03
SELECT fx_rate('ABC', 'USD', '2024-01-31');                      -- 22U02 unknown code
SELECT fx_convert('1 JPY', 'usdollar', '2024-01-31');            -- 22U02
SELECT net_foreign_selling(amount, as_of, 'ABC') FROM fx_positions;  -- 22U02
SELECT net_foreign_selling(amount, as_of)
  FROM (VALUES ('1 USD'::holding, '2024-01-31'::date), ('1 JPY', '2024-02-29')) t(amount, as_of);  -- 22U01
SELECT fx_decompose(amount, as_of, 'JPY')
  FROM (VALUES ('1 USD'::holding, '2024-01-31'::date), ('1 EUR', '2024-02-29')) t(amount, as_of);  -- 22U01
SELECT fx_rate('CHF', 'USD', '2024-01-31');                      -- 22U03: no CHF in this set
\set VERBOSITY default
SELECT fx_rate('JPY', 'USD', '2023-12-31');
SELECT fx_rate('ABC', 'USD', '2024-01-31');
RESET holdings.rate_set;
DROP TABLE fx_positions;
DELETE FROM fx_rate WHERE rate_set = 'regress';
DELETE FROM source WHERE id = 'regress';
