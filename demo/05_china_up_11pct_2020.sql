-- Claim: "China has been aggressively buying up US Treasuries, increasing its holdings by 11% in 2020 alone."
-- Checks: China's holdings at the end of 2019 and of 2020, and its net selling in 2020.
SELECT s.dec_2019_bn, s.dec_2020_bn, round(100 * (s.dec_2020_bn / s.dec_2019_bn - 1), 1) AS change_pct,
       holdings.round(n.net_selling_2020) AS net_selling_2020,
       'does not hold: ' || s.dec_2019_bn || ' -> ' || s.dec_2020_bn || ' bn is '
           || round(100 * (s.dec_2020_bn / s.dec_2019_bn - 1), 1) || '%, not +11%' AS verdict
  FROM (SELECT max(usd_bn) FILTER (WHERE month = '2019-12-31') AS dec_2019_bn,
               max(usd_bn) FILTER (WHERE month = '2020-12-31') AS dec_2020_bn
          FROM holdings.major_holders WHERE holder_id = 'CN') s,
       (SELECT holdings.net_foreign_selling(amount, as_of) AS net_selling_2020
          FROM holdings.position WHERE holder_id = 'CN' AND instrument = 'UST'
           AND as_of BETWEEN '2019-12-31' AND '2020-12-31') n;
