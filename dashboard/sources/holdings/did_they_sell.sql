-- Did they sell? holdings.did_they_sell for every country with a level change or
-- a flow in the 12 months ending at the latest complete month, in USD and in its own
-- currency (holdings.home_currency) where the rate set covers both ends of the
-- period. Every column of the function as text, exactly as the server prints
-- it (a holding's text, e.g. '-116463000000.00 USD'; caveats and verdict
-- untouched), and each amount again in billions of the report currency to 3
-- decimals (numeric(20,3), for charts and big numbers).
WITH w AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS to_month,
           (pg_catalog.date_trunc('month', holdings.latest_complete_month()) - interval '11 months')::date AS from_month
), holders AS (
    -- a level change or a flow in the 12 months (a country with flows but no
    -- levels gets the function's own answer: "cannot say", with its caveats)
    SELECT m.holder_id
      FROM holdings.monthly_flows m
      JOIN holdings.holder x ON x.id = m.holder_id AND x.kind = 'country'
     CROSS JOIN w
     WHERE m.as_of >= w.from_month AND m.as_of <= w.to_month AND m.level_change IS NOT NULL
    UNION
    SELECT f.holder_id
      FROM holdings.net_foreign_purchases_monthly f
      JOIN holdings.holder x ON x.id = f.holder_id AND x.kind = 'country'
     CROSS JOIN w
     WHERE f.as_of >= w.from_month AND f.as_of <= w.to_month
), asks AS (
    SELECT h.holder_id, 'USD'::text AS report_currency, 'USD'::text AS basis FROM holders h
    UNION ALL
    SELECT h.holder_id, c.ccy, 'home'
      FROM holders h CROSS JOIN w
     CROSS JOIN LATERAL (SELECT holdings.home_currency(h.holder_id, w.to_month) AS ccy) c
     WHERE c.ccy <> 'USD'
       AND holdings.fx_rate_available(c.ccy, (w.from_month - 1))
       AND holdings.fx_rate_available(c.ccy, w.to_month)
)
SELECT a.basis, a.report_currency,
       -- did_they_sell's 18 columns as the server prints them ('NULL' for a null)
       d.holder_id, COALESCE(d.holder_name, 'NULL') AS holder_name, COALESCE(d.period, 'NULL') AS period,
       d.months::text AS months,
       COALESCE(d.holdings_change::text, 'NULL') AS holdings_change,
       COALESCE(d.net_foreign_purchases::text, 'NULL') AS net_foreign_purchases,
       COALESCE(d.net_foreign_sales::text, 'NULL') AS net_foreign_sales,
       COALESCE(d.valuation::text, 'NULL') AS valuation,
       COALESCE(d.estimated_price_effect::text, 'NULL') AS estimated_price_effect,
       COALESCE(d.basis_residual::text, 'NULL') AS basis_residual,
       COALESCE(d.residual_flagged::text, 'NULL') AS residual_flagged,
       COALESCE(d.reported_valuation::text, 'NULL') AS reported_valuation,
       COALESCE(d.fx_effect::text, 'NULL') AS fx_effect,
       d.months_without_flows::text AS months_without_flows,
       d.months_without_bills_flows::text AS months_without_bills_flows,
       d.months_with_reported_valuation::text AS months_with_reported_valuation,
       d.caveats, d.verdict,
       -- the same amounts in billions of the report currency
       (holdings.amount(d.holdings_change) / 1e9)::numeric(20,3) AS holdings_change_bn,
       (holdings.amount(d.net_foreign_purchases) / 1e9)::numeric(20,3) AS net_foreign_purchases_bn,
       (holdings.amount(d.net_foreign_sales) / 1e9)::numeric(20,3) AS net_foreign_sales_bn,
       (holdings.amount(d.valuation) / 1e9)::numeric(20,3) AS valuation_bn,
       (holdings.amount(d.estimated_price_effect) / 1e9)::numeric(20,3) AS estimated_price_effect_bn,
       (holdings.amount(d.basis_residual) / 1e9)::numeric(20,3) AS basis_residual_bn,
       (holdings.amount(d.reported_valuation) / 1e9)::numeric(20,3) AS reported_valuation_bn,
       (holdings.amount(d.fx_effect) / 1e9)::numeric(20,3) AS fx_effect_bn,
       CASE WHEN d.residual_flagged THEN 'yes' ELSE 'no' END AS flagged
  FROM asks a CROSS JOIN w
 CROSS JOIN LATERAL holdings.did_they_sell(a.holder_id, w.from_month, w.to_month, a.report_currency) d
