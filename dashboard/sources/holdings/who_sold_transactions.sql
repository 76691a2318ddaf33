-- The same 12 months straight from holdings.transaction, by instrument (what the
-- flows are made of): long-term (Form S to 2023-01, Table 3 from 2023-02) and
-- bills (the change in bill holdings). Billions of USD, positive = bought.
WITH w AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS to_month,
           (date_trunc('month', holdings.latest_complete_month()) - interval '11 months' - interval '1 day')::date AS from_month
)
SELECT t.holder_id, t.instrument, t.series,
       count(*)::integer AS months,
       (sum(holdings.amount(t.net_purchases)) / 1e9)::numeric(13,3) AS net_purchases_bn
  FROM holdings.transaction t
 CROSS JOIN w
  JOIN holdings.holder h ON h.id = t.holder_id
 WHERE h.kind = 'country' AND t.as_of > w.from_month AND t.as_of <= w.to_month
   AND holdings.currency(t.net_purchases) = 'USD'
 GROUP BY t.holder_id, t.instrument, t.series
