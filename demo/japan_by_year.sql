-- Japan's net selling by year: in USD, and in yen with and without FX adjustment (fed-monthly rates).
-- unadjusted: the fall in the yen value of the holdings (start and end each at their own rate);
-- adjusted: each month's change valued at that month's rate.
SELECT y AS year,
       round(holdings.amount(holdings.net_foreign_selling(p.amount, p.as_of)) / 1e9, 1) AS net_selling_usd_bn,
       round(holdings.amount(holdings.net_foreign_selling(p.amount, p.as_of, 'JPY')) / 1e12, 2) AS net_selling_jpy_trn_fx_adjusted,
       round(-holdings.amount((holdings.fx_decompose(p.amount, p.as_of, 'JPY')).total_change) / 1e12, 2) AS fall_in_yen_value_trn_unadjusted
  FROM generate_series(2001, 2025) AS y
  JOIN holdings.position p ON p.holder_id = 'JP' AND p.instrument = 'UST'
   AND p.as_of BETWEEN make_date(y - 1, 12, 31) AND make_date(y, 12, 31)
 GROUP BY y ORDER BY y;
