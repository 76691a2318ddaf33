-- The weekly signal: Treasury securities held in custody at the New York Fed
-- for foreign official and international accounts (H.4.1, FRED WMTSECL1,
-- Wednesday levels, face value), with the change on the week. Billions of USD.
SELECT c.as_of AS week,
       (holdings.amount(c.amount) / 1e9)::numeric(13,3) AS custody_bn,
       ((holdings.amount(c.amount) - holdings.amount(lag(c.amount) OVER (ORDER BY c.as_of))) / 1e9)::numeric(13,3) AS weekly_change_bn,
       c.basis, c.source_id
  FROM holdings.custody_holding c
 WHERE c.series = 'WMTSECL1' AND holdings.currency(c.amount) = 'USD'
