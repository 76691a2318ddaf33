-- Did they sell, month by month: each country's monthly change in holdings
-- split into net foreign purchases (transactions) and valuation, valuation into
-- the estimated price effect and the basis residual (holdings.monthly_flows),
-- and, counted in the country's own currency (holdings.home_currency) where the
-- rate set has its rates, the currency effect; billions of the report currency.
-- The home-currency split is monthly_components' (monthly_flows valued with
-- holdings.fx_convert at each month's rates: start at the previous month's end,
-- the rest at the month's end; FX effect = total - net purchases - valuation),
-- computed here for each holder's own currency only: monthly_components(ccy)
-- values every holder in one currency (about 0.6 s a call). Every difference
-- is taken here, on exact values; the page only charts the months.
WITH holders AS MATERIALIZED (
    SELECT h.id, h.name, holdings.home_currency(h.id, holdings.latest_complete_month()) AS home_currency
      FROM holdings.holder h WHERE h.kind = 'country'
), months AS MATERIALIZED (
    SELECT m.holder_id, h.name AS holder_name, m.as_of, m.level, m.level_change,
           COALESCE(m.net_purchases, 0) AS net_purchases, m.valuation, m.estimated_price_effect,
           COALESCE(m.flows_missing, 'none') AS flows_missing, m.valuation_basis, m.break_before, h.home_currency
      FROM holdings.monthly_flows m
      JOIN holders h ON h.id = m.holder_id
     WHERE m.level_change IS NOT NULL
), currencies AS (
    SELECT DISTINCT home_currency AS ccy FROM holders
     WHERE home_currency IS NOT NULL AND home_currency <> 'USD'
       AND holdings.fx_rate_available(home_currency, date '2019-12-31')
       AND holdings.fx_rate_available(home_currency, holdings.latest_complete_month())
), home AS (
    SELECT m.holder_id, m.holder_name, m.home_currency AS ccy, m.as_of, m.flows_missing, m.valuation_basis, m.break_before,
           holdings.fx_convert(holdings.holding(m.level - m.level_change, 'USD'), m.home_currency,
                               m.as_of - pg_catalog.date_part('day', m.as_of)::integer) AS start_value,
           holdings.fx_convert(holdings.holding(m.level, 'USD'), m.home_currency, m.as_of) AS end_value,
           holdings.fx_convert(holdings.holding(m.net_purchases, 'USD'), m.home_currency, m.as_of) AS flow,
           holdings.fx_convert(holdings.holding(m.valuation, 'USD'), m.home_currency, m.as_of) AS valuation,
           holdings.fx_convert(holdings.holding(m.estimated_price_effect, 'USD'), m.home_currency, m.as_of) AS price
      FROM months m JOIN currencies c ON c.ccy = m.home_currency
)
SELECT holder_id, holder_name, 'USD' AS report_currency, 'USD' AS basis, as_of AS month,
       (level / 1e9)::numeric(20,3) AS level_bn,
       (level_change / 1e9)::numeric(20,3) AS total_change_bn,
       (net_purchases / 1e9)::numeric(20,3) AS net_purchases_bn,
       (valuation / 1e9)::numeric(20,3) AS valuation_bn,
       (estimated_price_effect / 1e9)::numeric(20,3) AS estimated_price_effect_bn,
       ((valuation - estimated_price_effect) / 1e9)::numeric(20,3) AS basis_residual_bn,
       -- months without a price estimate: their valuation, unsplit
       CASE WHEN estimated_price_effect IS NULL THEN (valuation / 1e9)::numeric(20,3) END AS valuation_unpriced_bn,
       0::numeric(20,3) AS currency_effect_bn,
       flows_missing, valuation_basis, break_before
  FROM months
UNION ALL
SELECT holder_id, holder_name, ccy, 'home', as_of,
       (holdings.amount(end_value) / 1e9)::numeric(20,3),
       (holdings.amount(end_value OPERATOR(holdings.-) start_value) / 1e9)::numeric(20,3),
       (holdings.amount(flow) / 1e9)::numeric(20,3),
       (holdings.amount(valuation) / 1e9)::numeric(20,3),
       (holdings.amount(price) / 1e9)::numeric(20,3),
       (holdings.amount(valuation OPERATOR(holdings.-) price) / 1e9)::numeric(20,3),
       CASE WHEN price IS NULL THEN (holdings.amount(valuation) / 1e9)::numeric(20,3) END,
       (holdings.amount(end_value OPERATOR(holdings.-) start_value OPERATOR(holdings.-) flow OPERATOR(holdings.-) valuation) / 1e9)::numeric(20,3),
       flows_missing, valuation_basis, break_before
  FROM home
