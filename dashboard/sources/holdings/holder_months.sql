-- Did they sell: each country's monthly change in holdings split into net
-- purchases (transactions), valuation and currency effect, in USD and in the
-- country's own currency (holdings.home_currency) where the rate set has its
-- rates; billions of the report currency. The split is monthly_components'
-- (holdings.monthly_flows valued with holdings.fx_convert at each month's
-- rates: start at the previous month's end, the rest at the month's end;
-- currency effect = total - net purchases - valuation), computed here for each
-- holder's own currency only: monthly_components(ccy) values every holder in
-- one currency (about 0.6 s a call). test/dashboard/run checks the two agree.
WITH holders AS MATERIALIZED (
    SELECT h.id AS holder_id, h.name AS holder_name,
           holdings.home_currency(h.id, holdings.latest_complete_month()) AS home_currency
      FROM holdings.holder h WHERE h.kind = 'country'
), currencies AS (
    SELECT DISTINCT home_currency AS ccy FROM holders
     WHERE home_currency IS NOT NULL AND home_currency <> 'USD'
       AND holdings.fx_rate_available(home_currency, date '2019-12-31')
       AND holdings.fx_rate_available(home_currency, holdings.latest_complete_month())
), rows AS (
    SELECT h.holder_id, h.holder_name, r.ccy, m.as_of, m.break_before,
           holdings.fx_convert(holdings.holding(m.level - m.level_change, 'USD'), r.ccy,
                               m.as_of - date_part('day', m.as_of)::integer) AS start_value,
           holdings.fx_convert(holdings.holding(m.level, 'USD'), r.ccy, m.as_of) AS end_value,
           holdings.fx_convert(holdings.holding(m.net_purchases, 'USD'), r.ccy, m.as_of) AS flow,
           holdings.fx_convert(holdings.holding(m.valuation, 'USD'), r.ccy, m.as_of) AS valuation
      FROM holders h
      JOIN holdings.monthly_flows m ON m.holder_id = h.holder_id
      JOIN (SELECT 'USD' AS ccy UNION ALL SELECT ccy FROM currencies) r ON r.ccy = 'USD' OR r.ccy = h.home_currency
     WHERE m.net_purchases IS NOT NULL AND m.level_change IS NOT NULL
)
SELECT holder_id, holder_name, ccy AS report_currency,
       CASE WHEN ccy = 'USD' THEN 'USD' ELSE 'home' END AS basis,
       as_of AS month,
       (holdings.amount(end_value) / 1e9)::numeric(20,3) AS level_bn,
       (holdings.amount(end_value OPERATOR(holdings.-) start_value) / 1e9)::numeric(20,3) AS total_change_bn,
       (holdings.amount(flow) / 1e9)::numeric(20,3) AS net_purchases_bn,
       (holdings.amount(valuation) / 1e9)::numeric(20,3) AS valuation_bn,
       (holdings.amount(end_value OPERATOR(holdings.-) start_value OPERATOR(holdings.-) flow OPERATOR(holdings.-) valuation) / 1e9)::numeric(20,3) AS currency_effect_bn,
       break_before
  FROM rows
