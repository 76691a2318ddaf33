-- Claim: "Japan's banks are selling their U.S. Treasury holdings, with the country's fifth-largest bank,
-- Norinchukin, selling $63 billion in Treasurys."
-- Checks: what Norinchukin announced (in yen), its value in dollars at June 2024 rates, and what it sold.
SELECT d.as_of, d.kind, d.amount, holdings.fx_convert(d.amount, 'USD', (date_trunc('month', d.as_of) + interval '1 month - 1 day')::date) AS in_usd_at_month_rate,
       left(d.instrument, 70) AS instrument,
       CASE WHEN d.id = 'bank-positions-01' THEN
           'roughly holds: a plan (June 2024) to sell up to ' || d.amount || ' = '
           || round(holdings.amount(holdings.fx_convert(d.amount, 'USD', '2024-06-30')) / 1e9, 1) || ' bn USD at the June 2024 rate; but US and European bonds, not Treasuries alone, and a plan ("up to"), not a completed sale'
       END AS verdict
  FROM holdings.disclosure d
 WHERE d.holder_id = 'norinchukin' AND d.kind IN ('planned_sale', 'sale') AND holdings.currency(d.amount) = 'JPY'
 ORDER BY d.as_of;
