-- Claim: "[In] the 2008 financial crisis, China's holdings dropped by 14% in just one year."
-- Checks: China's holdings at the end of 2007 and 2008, and the largest 12-month fall around the crisis.
WITH cn AS (
    SELECT month, usd_bn, lag(usd_bn, 12) OVER (ORDER BY month) AS year_before
      FROM holdings.major_holders WHERE holder_id = 'CN'
)
SELECT max(usd_bn) FILTER (WHERE month = '2007-12-31') AS dec_2007_bn,
       max(usd_bn) FILTER (WHERE month = '2008-12-31') AS dec_2008_bn,
       min(round(100 * (usd_bn / year_before - 1), 1)) FILTER (WHERE month BETWEEN '2008-01-31' AND '2010-12-31')
           AS worst_12_month_change_pct_2008_2010,
       'does not hold: China''s holdings rose from ' || max(usd_bn) FILTER (WHERE month = '2007-12-31') || ' to '
           || max(usd_bn) FILTER (WHERE month = '2008-12-31') || ' bn in 2008 (+'
           || round(100 * (max(usd_bn) FILTER (WHERE month = '2008-12-31') / max(usd_bn) FILTER (WHERE month = '2007-12-31') - 1), 0)
           || '%)' AS verdict
  FROM cn;
