-- Chart data: Japan, China and the United Kingdom, monthly, in billions of USD.
SELECT to_char(month, 'YYYY-MM-DD') AS month,
       max(usd_bn) FILTER (WHERE holder_id = 'JP') AS japan,
       max(usd_bn) FILTER (WHERE holder_id = 'CN') AS china,
       max(usd_bn) FILTER (WHERE holder_id = 'GB') AS united_kingdom
  FROM holdings.major_holders WHERE holder_id IN ('JP', 'CN', 'GB')
 GROUP BY month ORDER BY month;
