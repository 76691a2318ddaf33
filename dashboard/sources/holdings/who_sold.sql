-- Who sold: every country's net foreign purchases and sales over the 12 months
-- ending at the latest complete month, from transactions (TIC's sense:
-- holdings.bi_net_foreign_purchases summed by the extension's aggregate
-- holdings.net_foreign_purchases, with what the months lack in its caveats),
-- long-term and bills apart. The page sets holdings.did_they_sell over the
-- same months beside it (sources/holdings/did_they_sell.sql): the change in
-- holdings (levels, not transactions), valuation split into the estimated price
-- effect and the basis residual, the residual flag, its caveats and verdict.
-- Every sum is made here, in exact numeric; billions of USD to 3 decimals
-- (numeric(13,3): a double holds them exactly).
WITH w AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS to_month,
           (pg_catalog.date_trunc('month', holdings.latest_complete_month()) - interval '11 months')::date AS from_month
), n AS (
    SELECT b.holder_id, b.holder_name,
           holdings.net_foreign_purchases(b.net_foreign_purchases_usd, b.flows_missing, b.month) AS t,
           pg_catalog.sum(b.long_term_net_purchases_usd) AS long_term,
           pg_catalog.sum(b.bills_net_purchases_usd) AS bills
      FROM holdings.bi_net_foreign_purchases b CROSS JOIN w
     WHERE b.holder_kind = 'country' AND b.month >= w.from_month AND b.month <= w.to_month
     GROUP BY b.holder_id, b.holder_name
)
SELECT n.holder_id, n.holder_name,
       holdings.period_label((w.from_month - 1), w.to_month) AS period,
       -- the aggregate covers the whole window: its first and last month are the window's
       ((n.t).first_month = (w.from_month + interval '1 month' - interval '1 day')::date
        AND (n.t).last_month = w.to_month) AS whole_window,
       ((n.t).net_foreign_purchases / 1e9)::numeric(13,3) AS net_foreign_purchases_bn,
       ((n.t).net_foreign_sales / 1e9)::numeric(13,3) AS net_foreign_sales_bn,
       (n.long_term / 1e9)::numeric(13,3) AS long_term_bn,
       (n.bills / 1e9)::numeric(13,3) AS bills_bn,
       (n.t).months AS flow_months,
       (n.t).months_without_flows AS months_without_flows,
       (n.t).months_without_bills_flows AS months_without_bills_flows,
       (n.t).caveats AS flow_caveats
  FROM n CROSS JOIN w
