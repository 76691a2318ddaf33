-- Text input: every form the SPEC allows, and the canonical output.
-- Output shows at least the currency's minor units (USD 2, JPY 0, BHD 3) and
-- as many more digits as the value needs, up to the internal 8.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
SELECT '1.116T usd'::holding        AS spec_1,
       '10 trillion JPY'::holding   AS spec_2,
       '0.5 JPY'::holding           AS spec_3;

SELECT input, input::holding AS value
  FROM (VALUES ('63bn USD'), ('1.116 trillion USD'), ('USD 1,234,567.891'),
               ('  eur   1_000.5 k  '), ('1.116e12 USD'), ('1.5E-2 usd'),
               ('-5 bhd'), ('- 5 USD'), ('+7USD'), ('5EUR'), ('.25 USD'),
               ('2 MM usd'), ('3 mn USD'), ('4 thousand GBP'), ('2 tn usd'),
               ('2 trn usd'), ('CHF 12.5m'), ('1 XAU'), ('0.001 XAU'),
               ('12 DEM'), ('-0 USD'), ('0.000000015 USD'), ('0.000000025 USD'))
       AS t(input);

-- Output -> input is exact.
SELECT v, v::text::holding = v AS round_trips
  FROM (VALUES ('1701411834604692317316873037158.84105727 USD'::holding),
               ('-1701411834604692317316873037158.84105727 USD'),
               ('0.00000001 JPY'), ('-0.00000001 BHD')) AS t(v);

-- Constructors, accessors and the numeric cast.
SELECT holding(12.345, 'eur') AS from_numeric,
       holding(1.000000005, 'USD') AS rounded_half_even,
       holding(1.000000015, 'USD') AS rounded_half_even_up,
       amount('1 BHD') AS amount_bhd,
       amount('1116000000000 USD') AS amount_usd,
       currency('5 jpy') AS code,
       '42.5 USD'::holding::numeric AS as_numeric;

-- Binary I/O: 20 bytes, version 1, code, big-endian amount in 10^-8 units.
SELECT holding_send('1 USD') AS one_usd, holding_send('-1 JPY') AS minus_one_jpy;

-- The built-in currency list.
SELECT code, numeric_code, minor_units, current, name
  FROM holding_currencies() WHERE code IN ('USD', 'JPY', 'BHD', 'XAU', 'XDR', 'DEM', 'FRF', 'CLF')
 ORDER BY code;
