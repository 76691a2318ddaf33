-- The monthly history of the five largest holders at the latest complete month,
-- with each one's share of the Grand Total that month. Billions of USD.
WITH m AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS month
), top5 AS (
    SELECT h.holder_id FROM holdings.major_holders h JOIN m ON h.month = m.month
     WHERE h.holder_kind = 'country' ORDER BY h.usd_bn DESC LIMIT 5
)
SELECT h.holder_id, h.holder_name, h.month, h.usd_bn,
       round(100 * h.usd_bn / t.usd_bn, 2)::numeric(5,2) AS share_pct,
       h.source_id
  FROM holdings.major_holders h
  JOIN top5 USING (holder_id)
  JOIN holdings.major_holders t ON t.holder_id = 'grand-total' AND t.month = h.month
 CROSS JOIN m
 WHERE h.month <= m.month
