-- Malformed input: each one fails with its exact SQLSTATE and stores nothing.
BEGIN;
SELECT plan(136);
SET search_path = public, holdings;

-- 22P02: malformed text or an unknown code in text input.
SELECT throws_ok(format('SELECT %L::holdings.holding', bad), '22P02', NULL,
                 format('text %L is rejected with 22P02', bad))
  FROM unnest(ARRAY[
    '', ' ', E'\t', 'USD', 'usd', '1', '-1', '1.5', '1 US', '1 USDX', '1 ABC', '1 XYZ', 'abc 1',
    'ZZZ 1', '1,2 USD', '1,23 USD', ',123 USD', '1234,567 USD', '1,234, USD', '1,,234 USD',
    '1__000 USD', '1_00 USD', '_100 USD', '100_ USD', '1.2.3 USD', '1..2 USD', '1 k k USD',
    '1 zz USD', '1 zillion USD', '1 kilo USD', 'USD 1 USD', '1 USD USD', '1 USD EUR', '--1 USD',
    '+-1 USD', '-+1 USD', '1e USD', '1e+ USD', '1e- USD', '. USD', '.e5 USD', '1 USD;', '$1 USD',
    '1$ USD', '1 USD 2', E'1\u00a0USD', '1.000,50 EUR', '1 k', 'k 1 USD', 'NaN USD', 'nan USD',
    'Infinity USD', 'inf USD', '-Infinity USD', '0x10 USD', '0b1 USD', '1/2 USD', '1%USD', '(1) USD',
    '1- USD', '1+ USD', 'USD', 'USD USD', 'USD k', 'USD 1 k k', 'USD -', 'USD 1 2', '1 2 USD',
    '1 . 5 USD', '1 .5 USD', '1. 5 USD', '1 e5 USD', '1e5.5 USD', '1e5e5 USD', '١ USD',
    '1 USD.', '1 U.S.D', '1 U S D', '1 US$', '1 €', '€1', '1 EURO', '1 dollars', 'one USD',
    'USD one', '1 usdd', '1 uSd x', 'x 1 USD', '1x USD', '12a USD', '1 2,000 USD', '1,000.000.0 USD',
    '1,0000 USD', '10,00 USD', '1,000,00 USD', '1_000,00 USD', '1 bnn USD', '1 bil USD',
    '1 trillions USD', '1 millions USD', '1 mio USD', '1 mm mm USD', '1 mUSD', '1bnUSD', 'USD1bn x',
    '-USD 1', '- USD 1', 'USD - - 1', 'USD +-1', '1 USDUSD', E'1 USD\n2', '1 XTS X', ']1 USD',
    '1 USD]', '1 USD ,', ', 1 USD', '1, USD'
  ]) AS bad;

-- 22003: out of range in text input.
SELECT throws_ok(format('SELECT %L::holdings.holding', bad), '22003', NULL,
                 format('text %L is out of range (22003)', bad))
  FROM unnest(ARRAY[
    '1e31 USD', '-1e31 USD', '1701411834604692317316873037158.84105728 USD',
    '-1701411834604692317316873037158.84105728 USD', '1e99999999999 USD',
    '2000000000000000000 trillion USD', '9999999999999999999999999999999999999999 USD',
    '1701411834604692317316873038 thousand USD', '0.0000000000000000000001e53 USD',
    'USD 100000000000000000000 trillion', '1e19 trillion JPY'
  ]) AS bad;

-- 22P03: malformed binary input, through binary COPY.
CREATE TEMP TABLE bin_target (h holdings.holding);
CREATE FUNCTION pg_temp.binary_copy_of(hex text) RETURNS text LANGUAGE sql AS $$
    -- A one-column binary COPY file whose field is the given bytes.
    SELECT 'PGCOPY\n\377\r\n\0'::text || hex
$$;
SELECT throws_ok(
    format($q$COPY bin_target FROM PROGRAM 'printf "PGCOPY\n\377\r\n\000\000\000\000\000\000\000\000\000\000\001%s%s\377\377"' (FORMAT binary)$q$,
           len, body),
    '22P03', NULL, 'binary ' || what || ' is rejected with 22P03')
  FROM (VALUES
    ('a short value', '\000\000\000\023', '\001USD\000\000\000\000\000\000\000\000\000\000\000\000\005\365\341'),
    ('a long value', '\000\000\000\025', '\001USD\000\000\000\000\000\000\000\000\000\000\000\000\005\365\341\000\000'),
    ('version 2', '\000\000\000\024', '\002USD\000\000\000\000\000\000\000\000\000\000\000\000\005\365\341\000'),
    ('a lower-case code', '\000\000\000\024', '\001usd\000\000\000\000\000\000\000\000\000\000\000\000\005\365\341\000'),
    ('an unknown code', '\000\000\000\024', '\001QQQ\000\000\000\000\000\000\000\000\000\000\000\000\005\365\341\000'),
    ('the excluded minimum amount', '\000\000\000\024', '\001USD\200\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'),
    ('an empty value', '\000\000\000\000', '')
  ) AS t(what, len, body);

SELECT is((SELECT count(*) FROM bin_target), 0::bigint, 'nothing was stored by the failed COPYs');

SELECT * FROM finish();
ROLLBACK;
