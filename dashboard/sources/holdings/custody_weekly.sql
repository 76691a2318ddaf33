-- The weekly signal: Treasury securities held in custody at the New York Fed
-- for foreign official and international accounts (H.4.1, FRED WMTSECL1,
-- Wednesday levels, face value), with the change on the week, over 4 weeks and
-- over 52 weeks (differences taken here, exactly). Billions of USD.
WITH c AS (
    SELECT c.as_of, holdings.amount(c.amount) AS amount, c.basis, c.source_id
      FROM holdings.custody_holding c
     WHERE c.series = 'WMTSECL1' AND holdings.currency(c.amount) = 'USD'
)
SELECT c.as_of AS week,
       (c.amount / 1e9)::numeric(13,3) AS custody_bn,
       ((c.amount - lag(c.amount) OVER (ORDER BY c.as_of)) / 1e9)::numeric(13,3) AS weekly_change_bn,
       ((c.amount - w4.amount) / 1e9)::numeric(13,3) AS change_4w_bn,
       ((c.amount - w52.amount) / 1e9)::numeric(13,3) AS change_52w_bn,
       c.basis, c.source_id
  FROM c
  LEFT JOIN c w4 ON w4.as_of = c.as_of - 28
  LEFT JOIN c w52 ON w52.as_of = c.as_of - 364
