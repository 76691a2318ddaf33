-- Claim: "Japan is the largest foreign holder of U.S. Treasury securities, with holdings of $1.116 trillion."
-- Checks: when Japan held about $1.116 trillion, and since when Japan has been the largest holder.
WITH ranked AS (
    SELECT month, holder_id, usd_bn, rank() OVER (PARTITION BY month ORDER BY usd_bn DESC) AS rnk
      FROM holdings.major_holders WHERE holder_kind = 'country'
), japan_first AS (
    SELECT min(month) AS since FROM ranked r
     WHERE r.holder_id = 'JP' AND NOT EXISTS (
           SELECT 1 FROM ranked x WHERE x.holder_id = 'JP' AND x.month >= r.month AND x.rnk > 1)
), near_claim AS (
    SELECT string_agg(to_char(month, 'YYYY-MM') || ': ' || usd_bn, ', ' ORDER BY month) AS months
      FROM holdings.major_holders WHERE holder_id = 'JP' AND usd_bn BETWEEN 1115 AND 1117
), latest AS (
    SELECT month, usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' ORDER BY month DESC LIMIT 1
)
SELECT near_claim.months AS japan_near_1116_bn,
       to_char(japan_first.since, 'YYYY-MM') AS largest_holder_since,
       to_char(latest.month, 'YYYY-MM') || ': ' || latest.usd_bn AS japan_latest_bn,
       'holds: Japan held ' || near_claim.months || ' bn and has been the largest holder every month since '
           || to_char(japan_first.since, 'YYYY-MM') AS verdict
  FROM near_claim, japan_first, latest;
