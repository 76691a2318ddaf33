-- Did they sell, year by year: each holder's net foreign purchases in every
-- complete calendar year, from transactions (holdings.net_foreign_purchases
-- over holdings.net_foreign_purchases_monthly), with the caveats the aggregate
-- returns (months without flows, without bills flows), and beside them the
-- change in holdings over the year's months (holdings.monthly_flows: levels,
-- not transactions) and how many months have a level change; countries, the
-- years in which they have a level (2000 on). Sums are made here; billions of USD
-- to 3 decimals.
WITH y AS MATERIALIZED (
    SELECT pg_catalog.date_part('year', holdings.latest_complete_month())::integer
           - CASE WHEN pg_catalog.date_part('month', holdings.latest_complete_month()) = 12 THEN 0 ELSE 1 END AS last_year
), levels AS MATERIALIZED (
    SELECT m.holder_id, pg_catalog.date_part('year', m.as_of)::integer AS year,
           pg_catalog.sum(m.level_change) AS change, pg_catalog.count(m.level_change)::integer AS months
      FROM holdings.monthly_flows m
      JOIN holdings.holder h ON h.id = m.holder_id AND h.kind = 'country'
     CROSS JOIN y
     WHERE pg_catalog.date_part('year', m.as_of) <= y.last_year
     GROUP BY 1, 2
), flows AS (
    SELECT f.holder_id, pg_catalog.date_part('year', f.as_of)::integer AS year,
           holdings.net_foreign_purchases(f.net_foreign_purchases, f.flows_missing, f.as_of) AS t
      FROM holdings.net_foreign_purchases_monthly f
     WHERE f.as_of >= (SELECT pg_catalog.make_date(pg_catalog.min(year), 1, 1) FROM levels)
       AND (f.holder_id, pg_catalog.date_part('year', f.as_of)::integer) IN (SELECT holder_id, year FROM levels)
     GROUP BY 1, 2
)
SELECT f.holder_id, f.year::text AS year,
       holdings.period_label(pg_catalog.make_date(f.year - 1, 12, 31), pg_catalog.make_date(f.year, 12, 31)) AS period,
       ((f.t).net_foreign_purchases / 1e9)::numeric(20,3) AS net_foreign_purchases_bn,
       ((f.t).net_foreign_sales / 1e9)::numeric(20,3) AS net_foreign_sales_bn,
       (f.t).months_without_flows AS months_without_flows,
       (f.t).months_without_bills_flows AS months_without_bills_flows,
       -- the aggregate spans its first to its last row: a year whose flows
       -- start or stop inside it shows it here
       pg_catalog.to_char((f.t).first_month, 'YYYY-MM') || ' .. ' || pg_catalog.to_char((f.t).last_month, 'YYYY-MM') AS flow_span,
       (f.t).caveats AS caveats,
       (l.change / 1e9)::numeric(20,3) AS holdings_change_bn,
       l.months AS months_with_level_change
  FROM flows f
  JOIN levels l ON l.holder_id = f.holder_id AND l.year = f.year
