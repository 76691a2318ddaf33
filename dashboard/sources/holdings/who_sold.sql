-- Who sold: for every country over the 12 months ending at the latest complete
-- month, the change in holdings against the transactions (net purchases,
-- TIC Form S / Table 3, bills = change in bill holdings), and the difference:
-- valuation = change - transactions, of which TIC's reported valuation change
-- and what is left unexplained (revisions, custodian attribution, breaks).
-- From holdings.bi_flow_decomposition (monthly_flows); billions of USD.
WITH w AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS to_month,
           (date_trunc('month', holdings.latest_complete_month()) - interval '11 months' - interval '1 day')::date AS from_month
)
SELECT f.holder_id, f.holder_name, w.from_month, w.to_month,
       count(*)::integer AS months,
       count(f.net_purchases_usd)::integer AS months_with_transactions,
       (sum(f.level_change_usd) / 1e9)::numeric(13,3) AS holdings_change_bn,
       (sum(f.net_purchases_usd) / 1e9)::numeric(13,3) AS net_purchases_bn,
       (sum(f.valuation_usd) / 1e9)::numeric(13,3) AS difference_bn,
       (sum(f.reported_valuation_usd) / 1e9)::numeric(13,3) AS reported_valuation_bn,
       (sum(f.unexplained_usd) / 1e9)::numeric(13,3) AS unexplained_bn,
       bool_or(f.break_before) AS crosses_break,
       (max(f.level_usd) FILTER (WHERE f.month = w.to_month) / 1e9)::numeric(13,3) AS level_bn
  FROM holdings.bi_flow_decomposition f
 CROSS JOIN w
 WHERE f.holder_kind = 'country' AND f.month > w.from_month AND f.month <= w.to_month
 GROUP BY f.holder_id, f.holder_name, w.from_month, w.to_month
