-- Claim: "Japan's treasury holdings in US securities have been steadily declining since 2013, with a notable drop in 2020."
-- Checks: Japan's December levels since 2012 and the change in each year.
WITH dec AS (
    SELECT extract(year FROM month)::int AS year, usd_bn,
           usd_bn - lag(usd_bn) OVER (ORDER BY month) AS change_bn
      FROM holdings.major_holders WHERE holder_id = 'JP' AND extract(month FROM month) = 12 AND month >= '2012-12-31'
)
SELECT year, usd_bn AS december_bn, change_bn,
       CASE WHEN year = 2025 THEN
           'does not hold: ' || (SELECT usd_bn FROM dec WHERE year = 2013) || ' bn (2013) -> '
           || (SELECT max(usd_bn) FROM dec) || ' bn (peak, ' || (SELECT year FROM dec ORDER BY usd_bn DESC LIMIT 1)
           || ') -> ' || usd_bn || ' bn (2025): no steady decline; 2020 changed by '
           || (SELECT change_bn FROM dec WHERE year = 2020) || ' bn'
       END AS verdict
  FROM dec WHERE year >= 2013 ORDER BY year;
