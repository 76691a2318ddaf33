-- Japan's monthly change in US Treasury holdings, in trillions of yen, split by
-- flow_decompose into net purchases (TIC transactions), valuation and FX effect:
-- the aggregate as a window over each month and the month before (ROWS 1 PRECEDING).
-- January 2020's change starts from the December 2019 level of the older TIC table
-- (mfhhis01). The pos_/neg_ columns stack the parts for the chart (positive parts
-- upwards, negative parts downwards).
WITH months AS (
    SELECT p.as_of, p.amount AS level, t.net_purchases
      FROM holdings.position p
      LEFT JOIN (SELECT as_of, holdings.sum(net_purchases) AS net_purchases FROM holdings.transaction
                  WHERE holder_id = 'JP' GROUP BY as_of) t USING (as_of)
     WHERE p.holder_id = 'JP' AND p.instrument = 'UST' AND p.as_of BETWEEN '2019-12-31' AND '2026-04-30'
), monthly AS (
    SELECT as_of, holdings.flow_decompose(level, as_of, net_purchases, 'JPY') OVER (ORDER BY as_of ROWS 1 PRECEDING) AS d
      FROM months
), parts AS (
    SELECT as_of AS month,
           round(holdings.amount((d).flow_effect) / 1e12, 3) AS net_purchases,
           round(holdings.amount((d).valuation_effect) / 1e12, 3) AS valuation,
           round(holdings.amount((d).fx_effect) / 1e12, 3) AS fx,
           round(holdings.amount((d).total_change) / 1e12, 3) AS total_change
      FROM monthly WHERE as_of >= '2020-01-31'
)
SELECT month, net_purchases, valuation, fx, total_change,
       greatest(net_purchases, 0) AS pos_flow,
       greatest(net_purchases, 0) + greatest(valuation, 0) AS pos_valuation,
       greatest(net_purchases, 0) + greatest(valuation, 0) + greatest(fx, 0) AS pos_fx,
       least(net_purchases, 0) AS neg_flow,
       least(net_purchases, 0) + least(valuation, 0) AS neg_valuation,
       least(net_purchases, 0) + least(valuation, 0) + least(fx, 0) AS neg_fx
  FROM parts ORDER BY month;
