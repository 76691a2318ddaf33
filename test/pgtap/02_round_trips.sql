-- Exact round trips: text over 100,000 generated values (including the edges
-- of the range and one unit of the internal scale), binary COPY, and the
-- numeric constructor/accessor pair.
BEGIN;
SELECT plan(7);
SET search_path = public, holdings;

SELECT setseed(0.42);
CREATE TEMP TABLE generated AS
SELECT holding(round((random() - 0.5)::numeric * 10::numeric ^ (g % 31), (g % 9)), code) AS h
  FROM generate_series(1, 99990) g,
       LATERAL (SELECT (ARRAY['USD','JPY','EUR','BHD','GBP','CHF','CNY','XAU','CLF','DEM'])[1 + g % 10]
                       || repeat('', g) AS code) c;
INSERT INTO generated VALUES
    ('1701411834604692317316873037158.84105727 USD'), ('-1701411834604692317316873037158.84105727 USD'),
    ('1701411834604692317316873037158.84105726 JPY'), ('-1701411834604692317316873037158.84105726 JPY'),
    ('0.00000001 USD'), ('-0.00000001 USD'), ('0.00000001 JPY'), ('-0.00000001 BHD'),
    ('0 USD'), ('0 XAU');

SELECT is((SELECT count(*) FROM generated), 100000::bigint, '100,000 values generated');
SELECT is((SELECT count(DISTINCT h) FROM generated) > 90000, true, 'the values are varied');
SELECT is((SELECT count(*) FROM generated WHERE h::text::holding <> h), 0::bigint,
          'text output -> input is exact for every value');
SELECT is((SELECT count(*) FROM generated WHERE h::text::holding::text <> h::text), 0::bigint,
          'text output is canonical (stable under a second round trip)');
SELECT is((SELECT count(*) FROM generated WHERE holding(amount(h), currency(h)) <> h), 0::bigint,
          'holding(amount(h), currency(h)) = h for every value');

-- Binary COPY out and back in.
COPY generated TO '/tmp/holdings_pgtap_roundtrip.bin' (FORMAT binary);
CREATE TEMP TABLE copied (h holding);
COPY copied FROM '/tmp/holdings_pgtap_roundtrip.bin' (FORMAT binary);
SELECT is((SELECT count(*) FROM copied), 100000::bigint, 'binary COPY read every row back');
SELECT is((SELECT count(*) FROM (SELECT h, count(*) FROM generated GROUP BY h
                                 EXCEPT ALL
                                 SELECT h, count(*) FROM copied GROUP BY h) d), 0::bigint,
          'binary COPY round trip is exact');

SELECT * FROM finish();
ROLLBACK;
