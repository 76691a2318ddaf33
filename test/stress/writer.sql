-- A writer: moves one rate, adds (or drops) a mid-month rate.
\set c random(1, 4)
\set m random(0, 59)
\set d random(1, 27)
\set v random(500000, 2000000)
BEGIN;
UPDATE fx_rate SET per_usd = :v / 10000.0
 WHERE rate_set = 'stress' AND currency = (ARRAY['JPY', 'EUR', 'GBP', 'CHF'])[:c]
   AND as_of = (date_trunc('month', date '2020-01-01' + :m * interval '1 month') + interval '1 month - 1 day')::date;
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id)
VALUES ('stress', (ARRAY['JPY', 'EUR', 'GBP', 'CHF'])[:c], (date '2020-01-01' + :m * interval '1 month')::date + :d, :v / 10000.0 + 1, 'stress')
ON CONFLICT (rate_set, currency, as_of) DO NOTHING;
DELETE FROM fx_rate WHERE rate_set = 'stress' AND currency = (ARRAY['JPY', 'EUR', 'GBP', 'CHF'])[1 + :c % 4]
   AND as_of = (date '2020-01-01' + :m * interval '1 month')::date + :d;
COMMIT;
