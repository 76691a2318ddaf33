-- Which months of the TIC holdings table are complete (holdings.month_coverage),
-- the latest 24, and the latest complete month every page uses.
SELECT c.month, c.listed_lines, c.country_lines, c.grand_total_usd_bn, c.unexplained_usd_bn, c.complete, c.sources,
       c.month = holdings.latest_complete_month() AS is_latest_complete
  FROM holdings.month_coverage c
 ORDER BY c.month DESC
 LIMIT 24
