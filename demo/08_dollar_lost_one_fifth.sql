-- Claim: "The dollar has lost one-fifth of its value in just 3 1/2 years."
-- Checks: the largest fall of the Fed's broad dollar index over any 42 months (monthly averages, 2006 on).
WITH idx AS (
    SELECT month_start, value, lag(value, 42) OVER (ORDER BY month_start) AS value_42_months_before
      FROM holdings.dollar_index_monthly
), worst AS (
    SELECT month_start, value, value_42_months_before, round(100 * (value / value_42_months_before - 1), 1) AS change_pct
      FROM idx WHERE value_42_months_before IS NOT NULL ORDER BY value / value_42_months_before LIMIT 1
)
SELECT to_char(month_start - interval '42 months', 'YYYY-MM') || ' -> ' || to_char(month_start, 'YYYY-MM') AS worst_42_months,
       value_42_months_before, value, change_pct,
       'does not hold: the broad dollar index never fell 20% over any 42 months since 2006; the largest fall was '
           || change_pct || '% (' || to_char(month_start - interval '42 months', 'YYYY-MM') || ' to '
           || to_char(month_start, 'YYYY-MM') || ')' AS verdict
  FROM worst;
