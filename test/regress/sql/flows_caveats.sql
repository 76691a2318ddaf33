-- Issue 20: "Did they sell?" from transactions, with the caveats inside the
-- answer. Every expected figure is computed from the shipped files:
--   China 2016: Table 3D bills 2015-12 2,282 -> 2016-12 4,411 mn (+2,129 mn);
--   mfhhis01 levels 1,246.1 -> 1,058.4 bn; Form S long-term net purchases
--   -155,203 mn in 2016.
SET search_path = holdings, public;

-- 1. Transactions lead: net foreign purchases over the 12 months to 2026-04,
--    the largest net sellers (TIC's sense: net foreign sales = minus purchases).
SELECT holder_id, (t).net_foreign_sales, (t).months, (t).first_month, (t).last_month, (t).caveats
  FROM (SELECT holder_id, net_foreign_purchases(net_foreign_purchases, flows_missing, as_of) AS t
          FROM net_foreign_purchases_monthly
         WHERE as_of BETWEEN '2025-05-31' AND '2026-04-30'
         GROUP BY holder_id) s
  JOIN holder h ON h.id = s.holder_id AND h.kind = 'country'
 ORDER BY (t).net_foreign_sales DESC LIMIT 3;
-- The level-based measure under its own name gives what net_foreign_selling gives.
SELECT holdings_decline(amount, as_of) AS decline, net_foreign_selling(amount, as_of) AS released_name
  FROM position WHERE holder_id = 'CN' AND instrument = 'UST' AND as_of BETWEEN '2025-04-30' AND '2026-04-30';

-- 2. Table 3D: shipped as a vintage, bills flows by country from 2012-01
--    (the file prints 2011-09, then 2011-12 on).
SELECT count(*) AS vintage_rows, min(as_of), max(as_of) FROM position_vintage WHERE source_id = 'tic-slt-table3d';
SELECT count(*) AS bills_flows, min(as_of), max(as_of) FROM transaction WHERE source_id = 'tic-slt-table3d';
SELECT pg_catalog.sum(amount(net_purchases)) / 1000000 AS china_bills_2016_mn
  FROM transaction WHERE holder_id = 'CN' AND instrument = 'UST-BILLS' AND as_of BETWEEN '2016-01-31' AND '2016-12-31';
-- Bills carry no reported valuation (TIC reports none for them).
SELECT count(*) AS bills_with_valuation FROM transaction WHERE instrument = 'UST-BILLS' AND valuation_change IS NOT NULL;

-- The aggregate and the views agree on what is missing: China, 2011-07 ..
-- 2012-06: bills flows start in 2012-01, so 6 months lack them.
SELECT (d).periods, (d).periods_without_net_purchases, (d).periods_without_bills_flows,
       (d).periods_without_long_term_flows, (d).valuation_effect
  FROM (SELECT flow_decompose(level, as_of, np, 'USD', val, instrument) AS d
          FROM (SELECT amount AS level, as_of, NULL::holding AS np, NULL::holding AS val, NULL::text AS instrument
                  FROM position WHERE holder_id = 'CN' AND instrument = 'UST'
                UNION ALL
                SELECT NULL, as_of, net_purchases, valuation_change, instrument FROM transaction WHERE holder_id = 'CN') x
         WHERE as_of BETWEEN '2011-06-30' AND '2012-06-30') s;
SELECT count(*) FILTER (WHERE flows_missing IN ('bills', 'all')) AS without_bills,
       count(*) FILTER (WHERE flows_missing = 'all') AS without_flows, pg_catalog.sum(valuation) AS valuation
  FROM monthly_flows WHERE holder_id = 'CN' AND as_of BETWEEN '2011-07-31' AND '2012-06-30';
SELECT (t).months_without_bills_flows, (t).caveats
  FROM (SELECT net_foreign_purchases(net_purchases, flows_missing, as_of) AS t
          FROM monthly_flows WHERE holder_id = 'CN' AND as_of BETWEEN '2011-07-31' AND '2012-06-30') s;
-- A month with a level but no flow at all: flows_missing = 'all', the whole change is valuation.
-- (Vietnam: levels from mfhhis01, no transactions shipped 2014-02 .. 2023-12.)
SELECT as_of, level_change, net_purchases, valuation, flows_missing, valuation_basis
  FROM monthly_flows WHERE holder_id = 'VN' AND as_of = '2016-01-31';
SELECT holder_id, count(*) AS months_without_flows, min(as_of), max(as_of)
  FROM monthly_flows WHERE flows_missing = 'all' AND holder_id IN ('VN', 'SV') GROUP BY holder_id ORDER BY holder_id;

-- 3. The price effect: the duration model and its calibration error.
SELECT * FROM price_model_calibration;
SELECT month, yield_10y, yield_change, reported_return, model_return, price_return, basis
  FROM treasury_price_return WHERE month IN ('2016-12-31', '2023-01-31', '2023-02-28') ORDER BY month;

-- Did China sell in 2016? Did the United Kingdom, in 2022? Japan?
\x on
SELECT * FROM did_they_sell('CN', '2016-01-01', '2016-12-31');
SELECT * FROM did_they_sell('GB', '2022-01-01', '2022-12-31');
SELECT * FROM did_they_sell('JP', '2022-01-01', '2022-12-31');
-- In pounds: the same transactions, the pound's move apart.
SELECT * FROM did_they_sell('GB', '2022-01-01', '2022-12-31', 'GBP');
\x off

-- 4. Yields as of a date: 2022-12-31 is a Saturday, the Friday's yield answers.
SELECT * FROM treasury_yield_at('DGS10', '2022-12-31');
SELECT * FROM treasury_yield_at('dgs10', '2022-12-30', 0);
SELECT * FROM treasury_yield_at('DGS10', '2022-12-31', 0);
SELECT * FROM treasury_yield_at('DGS10', '1900-01-01');
SELECT * FROM treasury_yield_at('DGS99', '2022-12-31');
SELECT * FROM treasury_yield_at('DGS10', '2022-12-31', -1);
-- Every euro member's legacy currency converts under the default rate set
-- (fed-monthly, with the ECB's cross rates for those the Fed never published),
-- the day before it adopted the euro (Croatia: 2022-12-31), under the usual
-- coverage rule (62 days): all but Bulgaria, whose ECB rates end in 2025-05.
SELECT e.country, e.legacy_currency, fx_rate_available(e.legacy_currency, e.adopted - 1) AS converts
  FROM euro_adoption e WHERE NOT fx_rate_available(e.legacy_currency, e.adopted - 1) OR e.country IN ('HR', 'LU', 'SI')
 ORDER BY e.country;
SELECT fx_convert('1000 HRK', 'EUR', '2022-12-31') AS hrk_in_eur, fx_convert('1000 LUF', 'BEF', '1998-12-31') AS luf_at_par,
       fx_rate_info('BGN', 'USD', '2025-06-30') AS bgn_latest;

-- 5. The traps. Poland mixes vintages within a month (its total from
--    mfhhis01, its long-term figure from Table 3): flagged, every such month.
SELECT holder_id, count(*), min(as_of), max(as_of) FROM monthly_flows WHERE mixed_vintage GROUP BY holder_id;
-- Honest period labels: the change from the 2025-04 level to the 2026-04 level is 12 months.
SELECT period_label('2025-04-30', '2026-04-30') AS twelve, period_label('2025-12-31', '2026-01-31') AS one,
       period_label('2026-01-31', '2026-01-31') AS none, months_spanned('2025-05-31', '2026-04-30') AS months;
-- Reported valuation only where reported: Japan 2022 with bills rows fed to
-- the five-argument form reports nothing (was 0).
SELECT (d).reported_valuation, (d).valuation_residual, (d).periods_with_reported_valuation
  FROM (SELECT flow_decompose(level, as_of, np, 'USD', val) AS d
          FROM (SELECT amount AS level, as_of, NULL::holding AS np, NULL::holding AS val
                  FROM position WHERE holder_id = 'JP' AND instrument = 'UST'
                UNION ALL
                SELECT NULL, as_of, net_purchases, valuation_change FROM transaction WHERE holder_id = 'JP') x
         WHERE as_of BETWEEN '2021-12-31' AND '2022-12-31') s;
-- Quarter sums add up: 2023-Q1 (January from Form S, valuation a residual there).
SELECT pg_catalog.sum(valuation) AS valuation, pg_catalog.sum(reported_valuation) AS reported,
       pg_catalog.sum(unexplained) AS unexplained,
       pg_catalog.sum(reported_valuation) + pg_catalog.sum(unexplained) = pg_catalog.sum(valuation) AS adds_up,
       pg_catalog.string_agg(valuation_basis, ',' ORDER BY as_of) AS bases
  FROM monthly_flows WHERE holder_id = 'JP' AND as_of BETWEEN '2023-01-31' AND '2023-03-31';
-- monthly_components sums to did_they_sell and to flow_decompose, in yen.
SELECT pg_catalog.sum(amount(total_change)) AS total, pg_catalog.sum(amount(flow_effect)) AS flows,
       pg_catalog.sum(amount(valuation_effect)) AS valuation, pg_catalog.sum(amount(fx_effect)) AS fx,
       pg_catalog.count(*) FILTER (WHERE flows_missing IS NOT NULL) AS months_missing_flows
  FROM monthly_components('JPY') WHERE holder_id = 'JP' AND as_of BETWEEN '2022-01-31' AND '2022-12-31';
SELECT holdings_change, net_foreign_purchases, valuation, fx_effect FROM did_they_sell('JP', '2022-01-01', '2022-12-31', 'JPY');

-- The instrument form by hand: one period with a bills and a long-term flow,
-- one with neither maturity named, one with no flow; serialized through a
-- parallel plan's partial states, the counts survive (flags 8 and 16).
CREATE TEMP TABLE maturity_example (as_of date, level holding, np holding, instrument text);
INSERT INTO maturity_example VALUES
    ('2024-01-31', '100 USD', NULL, NULL),
    ('2024-02-29', '130 USD', '10 USD', 'UST-BILLS'), ('2024-02-29', NULL, '15 USD', 'UST-NOTES-BONDS'),
    ('2024-03-31', '140 USD', '5 USD', 'other'),
    ('2024-04-30', '150 USD', NULL, NULL);
SELECT (d).periods, (d).periods_without_net_purchases, (d).periods_without_bills_flows,
       (d).periods_without_long_term_flows, (d).flow_effect, (d).valuation_effect, (d).reported_valuation
  FROM (SELECT flow_decompose(level, as_of, np, 'USD', NULL, instrument) AS d FROM maturity_example) s;
-- Nothing to answer: an unknown holder, an empty span.
SELECT holder_id, period, months, months_without_flows, caveats, verdict FROM did_they_sell('XX', '2022-01-01', '2022-12-31');
SELECT period, months, months_without_flows, verdict FROM did_they_sell('JP', '2022-12-01', '2022-01-01');
