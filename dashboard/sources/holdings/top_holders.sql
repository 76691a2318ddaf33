-- Who holds: every country line of the TIC table at the latest complete month
-- (holdings.latest_complete_month()), ranked, with its share of the Grand Total
-- (all foreign holders) and its change over 12 months. Billions of USD, market value.
WITH m AS MATERIALIZED (
    SELECT holdings.latest_complete_month() AS month
), total AS (
    SELECT mh.usd_bn FROM holdings.major_holders mh JOIN m ON mh.month = m.month WHERE mh.holder_id = 'grand-total'
)
SELECT rank() OVER (ORDER BY h.usd_bn DESC)::integer AS rank,
       h.holder_id, h.holder_name, h.month, h.usd_bn,
       round(100 * h.usd_bn / total.usd_bn, 2)::numeric(5,2) AS share_pct,
       (h.usd_bn - a.usd_bn)::numeric(13,3) AS change_12m_bn,
       total.usd_bn AS grand_total_bn,
       h.source_id, s.publisher AS source_publisher, s.title AS source_title, s.url AS source_url
  FROM holdings.major_holders h
  JOIN m ON h.month = m.month
 CROSS JOIN total
  JOIN holdings.source s ON s.id = h.source_id
  LEFT JOIN holdings.major_holders a
    ON a.holder_id = h.holder_id AND a.month = (date_trunc('month', m.month) - interval '11 months' - interval '1 day')::date
 WHERE h.holder_kind = 'country'
