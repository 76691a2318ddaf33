-- Custody (weekly, face value) beside TIC's monthly Foreign Official holdings
-- (market value, holdings.major_holders) on one time axis. Billions of USD.
SELECT c.as_of AS date, 'NY Fed custody, weekly (face value)' AS series,
       (holdings.amount(c.amount) / 1e9)::numeric(13,3) AS usd_bn
  FROM holdings.custody_holding c
 WHERE c.series = 'WMTSECL1' AND holdings.currency(c.amount) = 'USD'
UNION ALL
SELECT m.month, 'TIC Foreign Official, monthly (market value)', m.usd_bn
  FROM holdings.major_holders m
 WHERE m.holder_id = 'foreign-official' AND m.month >= (SELECT min(as_of) FROM holdings.custody_holding)
