-- Claim: "The even larger Japan Post Bank has more than $550 billion in U.S. bonds."
-- Checks: every Japan Post Bank disclosure, in dollars at its date's rate where it has a date.
SELECT d.as_of, d.instrument, d.amount,
       CASE WHEN d.as_of IS NOT NULL AND holdings.currency(d.amount) <> 'USD'
            THEN holdings.round(holdings.fx_convert(d.amount, 'USD', d.as_of), 0) END AS in_usd,
       CASE WHEN d.id = 'bank-positions-17' THEN
           'cannot be settled: the only dollar figure (' || d.amount || ', "' || d.instrument
           || '") has no printed year and is not US bonds alone; dated figures are foreign securities in yen'
       END AS verdict
  FROM holdings.disclosure d WHERE d.holder_id = 'japan-post-bank'
 ORDER BY d.as_of NULLS LAST;
