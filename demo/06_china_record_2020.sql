-- Claim: "In 2020, China's holdings of US Treasuries reached a record high of $1.07 trillion."
-- Checks: China's highest month in 2020 and its all-time record.
SELECT to_char(p2020.month, 'YYYY-MM') AS peak_2020, p2020.usd_bn AS peak_2020_bn,
       to_char(rec.month, 'YYYY-MM') AS record_month, rec.usd_bn AS record_bn,
       'does not hold: China''s 2020 high was ' || p2020.usd_bn || ' bn (' || to_char(p2020.month, 'YYYY-MM')
           || '); its record is ' || rec.usd_bn || ' bn (' || to_char(rec.month, 'YYYY-MM') || ')' AS verdict
  FROM (SELECT month, usd_bn FROM holdings.major_holders WHERE holder_id = 'CN'
         AND month BETWEEN '2020-01-31' AND '2020-12-31' ORDER BY usd_bn DESC LIMIT 1) p2020,
       (SELECT month, usd_bn FROM holdings.major_holders WHERE holder_id = 'CN' ORDER BY usd_bn DESC LIMIT 1) rec;
