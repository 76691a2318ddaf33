-- A second view of "foreign official selling": the weekly Treasury securities the New York Fed
-- holds in custody for foreign official and international accounts (H.4.1, FRED WMTSECL1, face
-- value, Wednesdays), beside the monthly TIC "Foreign Official" holdings (market value) over
-- the same windows, and the largest weekly falls on record.
WITH custody AS (
    SELECT as_of, holdings.amount(amount) / 1e9 AS bn FROM holdings.custody_holding WHERE series = 'WMTSECL1'
), tic AS (
    SELECT as_of, holdings.amount(amount) / 1e9 AS bn FROM holdings.position
     WHERE holder_id = 'foreign-official' AND instrument = 'UST'
), windows AS (
    SELECT 1 AS n, '2022' AS window_name, date '2021-12-31' AS from_date, date '2022-12-31' AS to_date
    UNION ALL
    SELECT 2, 'latest 12 months of TIC', (date_trunc('month', max(as_of)) - interval '11 months' - interval '1 day')::date, max(as_of)
      FROM tic
    UNION ALL
    SELECT 3, 'latest 52 weeks of custody', max(as_of) - 364, max(as_of) FROM custody
)
SELECT w.window_name,
       c0.as_of || ' .. ' || c1.as_of AS custody_weeks,
       round(c1.bn - c0.bn, 1) AS custody_change_bn,
       round(t1.bn - t0.bn, 1) AS tic_foreign_official_change_bn
  FROM windows w
  CROSS JOIN LATERAL (SELECT * FROM custody WHERE as_of <= w.from_date ORDER BY as_of DESC LIMIT 1) c0
  CROSS JOIN LATERAL (SELECT * FROM custody WHERE as_of <= w.to_date ORDER BY as_of DESC LIMIT 1) c1
  LEFT JOIN tic t0 ON t0.as_of = w.from_date
  LEFT JOIN tic t1 ON t1.as_of = w.to_date
UNION ALL
SELECT * FROM (
    SELECT 'largest weekly fall', lag(as_of) OVER w || ' .. ' || as_of, round(bn - lag(bn) OVER w, 1), NULL::numeric
      FROM custody WINDOW w AS (ORDER BY as_of)
     ORDER BY 3 NULLS LAST LIMIT 3) falls;
