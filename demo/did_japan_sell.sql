-- Did Japan sell? Japan's change in US Treasury holdings split by flow_decompose into
-- net purchases (TIC transactions: Form S to 2023-01, Table 3 from 2023-02, bills = the
-- change in bill holdings), valuation (prices, revisions, breaks) and FX, for 2022 and
-- for the latest 12 months, in USD (billions) and in yen (trillions, fed-monthly rates).
-- Levels: TIC Table 3 (position, instrument UST). price_estimate: what prices did, estimated
-- without Japan's own residual (did_they_sell: the market's return x Japan's long-term holdings),
-- beside of_which_reported, the valuation TIC reports (from 2023-02). The verdict is computed
-- from the USD row (transactions) and the yen row (what the currency did).
WITH japan AS (
    SELECT as_of, amount AS level, NULL::holdings.holding AS net_purchases, NULL::holdings.holding AS reported_valuation
      FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'
    UNION ALL
    SELECT as_of, NULL, net_purchases,
           CASE WHEN instrument = 'UST-NOTES-BONDS' THEN valuation_change END  -- bills: no valuation reported
      FROM holdings.transaction WHERE holder_id = 'JP'
), periods AS (
    SELECT 1 AS n, '2022' AS period, date '2021-12-31' AS from_month, date '2022-12-31' AS to_month
    UNION ALL
    SELECT 2, 'latest 12 months', (date_trunc('month', max(as_of)) - interval '11 months' - interval '1 day')::date, max(as_of)
      FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'
), decomposed AS (
    SELECT p.n, p.period, p.from_month, p.to_month, c.ccy, c.unit,
           holdings.flow_decompose(j.level, j.as_of, j.net_purchases, c.ccy, j.reported_valuation) AS d
      FROM periods p
      CROSS JOIN (VALUES ('USD', 1e9), ('JPY', 1e12)) AS c(ccy, unit)
      JOIN japan j ON j.as_of BETWEEN p.from_month AND p.to_month
     GROUP BY 1, 2, 3, 4, 5, 6
), priced AS (
    SELECT p.n, c.ccy, a.estimated_price_effect, a.residual_flagged
      FROM periods p CROSS JOIN (VALUES ('USD'), ('JPY')) AS c(ccy)
      CROSS JOIN LATERAL holdings.did_they_sell('JP', p.from_month + 1, p.to_month, c.ccy) a
), shown AS (
    SELECT d.n, period, from_month, to_month, d.ccy, (d).periods, (d).periods_without_net_purchases AS missing,
           round(holdings.amount((d).total_change) / unit, 2) AS holdings_change,
           round(holdings.amount((d).flow_effect) / unit, 2) AS net_purchases,
           round(holdings.amount((d).valuation_effect) / unit, 2) AS valuation,
           round(holdings.amount((d).reported_valuation) / unit, 2) AS of_which_reported,
           round(holdings.amount(pr.estimated_price_effect) / unit, 2) AS price_estimate,
           pr.residual_flagged,
           round(holdings.amount((d).fx_effect) / unit, 2) AS fx
      FROM decomposed d JOIN priced pr ON pr.n = d.n AND pr.ccy = d.ccy
)
SELECT u.period, holdings.period_label(u.from_month, u.to_month) AS months,
       u.ccy || CASE u.ccy WHEN 'USD' THEN ' bn' ELSE ' trn' END AS unit,
       u.holdings_change, u.net_purchases, u.valuation, u.of_which_reported, u.price_estimate, u.fx,
       CASE WHEN u.ccy = 'USD' THEN
           CASE WHEN u.periods <> 12 OR u.missing > 0 THEN 'cannot say (transactions missing for some months)'
                WHEN u.net_purchases < 0 THEN 'yes, Japan sold'
                ELSE 'no, Japan bought' END
           || format(' in %s: net %s of $%s bn in transactions against a $%s bn %s in holdings',
                     CASE u.n WHEN 1 THEN u.period ELSE 'the ' || u.period END,
                     CASE WHEN u.net_purchases < 0 THEN 'sales' ELSE 'purchases' END, abs(u.net_purchases),
                     abs(u.holdings_change), CASE WHEN u.holdings_change < 0 THEN 'fall' ELSE 'rise' END)
           || CASE WHEN u.holdings_change <> 0 AND sign(u.net_purchases) = sign(u.holdings_change)
                   THEN format(' (%s%% of it)', round(100 * u.net_purchases / u.holdings_change)) ELSE '' END
           || format('; valuation (prices, revisions) %s $%s bn', CASE WHEN u.valuation < 0 THEN 'took' ELSE 'added' END,
                     abs(u.valuation))
           || format(', against a price effect estimated at %s$%s bn from the market''s return%s%s',
                     CASE WHEN u.price_estimate < 0 THEN '-' ELSE '+' END, abs(u.price_estimate),
                     CASE WHEN u.of_which_reported IS NOT NULL
                          THEN format(' (TIC reports %s$%s bn)', CASE WHEN u.of_which_reported < 0 THEN '-' ELSE '+' END,
                                      abs(u.of_which_reported)) ELSE '' END,
                     CASE WHEN u.residual_flagged THEN ': the rest is attribution, not prices' ELSE '' END)
           || format('; in yen the holdings changed by %s trn = transactions %s + valuation %s + exchange rate %s',
                     y.holdings_change, y.net_purchases, y.valuation, y.fx)
       END AS verdict
  FROM shown u JOIN shown y ON y.n = u.n AND y.ccy = 'JPY'
 ORDER BY u.n, u.ccy DESC;
