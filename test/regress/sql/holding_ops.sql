-- Arithmetic: exact, same currency, overflow checked.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
SELECT '1.10 USD'::holding + '2.205 USD' AS plus,
       '1 USD'::holding - '2 USD' AS minus,
       -'3 JPY'::holding AS negated,
       abs('-3 JPY'::holding) AS absolute;

-- Multiplication and division by numeric round half to even at 8 digits.
SELECT '10 USD'::holding * 1.5 AS times,
       2 * '0.00000003 USD'::holding AS commuted,
       '0.00000003 USD'::holding * 0.5 AS half_even_down,   -- 1.5e-8 -> 2e-8
       '0.00000005 USD'::holding * 0.5 AS half_even_to_2,   -- 2.5e-8 -> 2e-8
       '1 USD'::holding / 3 AS third,
       '2 USD'::holding / 3 AS two_thirds,
       '1 USD'::holding / '3 USD' AS ratio;

-- round(): half away from zero, like numeric's.
SELECT round('2.345 USD'::holding) AS usd,
       round('-2.345 USD'::holding) AS usd_negative,
       round('2.5 JPY'::holding) AS jpy,
       round('1.23456 BHD'::holding) AS bhd,
       round('0.1234 XAU'::holding) AS xau_no_minor_units,
       round('1234.5 USD'::holding, -2) AS hundreds,
       round('1250 USD'::holding, -2) AS half_up,
       round('0.123456789 USD'::holding, 4) AS four;

-- Comparison: a total order by currency code, then amount.
SELECT '1 USD'::holding = '1.00 usd' AS eq,
       '0 EUR'::holding = '0 USD' AS different_currencies,
       '100 EUR'::holding < '1 USD' AS eur_sorts_first,
       '2 USD'::holding > '1 USD' AS gt,
       '2 USD'::holding <> '1 USD' AS ne,
       holding_cmp('1 USD', '2 USD') AS cmp;

SELECT v FROM (VALUES ('5 USD'::holding), ('1 EUR'), ('-2 USD'), ('10 JPY'), ('3 EUR'))
    AS t(v) ORDER BY v;

-- Indexes: the btree opclass is the default; hash exists too.
CREATE TABLE ops_t (h holding);
INSERT INTO ops_t SELECT holding(g, CASE g % 3 WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' ELSE 'JPY' END)
  FROM generate_series(1, 3000) g;
CREATE INDEX ops_t_btree ON ops_t (h);
CREATE INDEX ops_t_hash ON ops_t USING hash (h);
ANALYZE ops_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM ops_t WHERE h = '42 USD';
SELECT * FROM ops_t WHERE h = '42 USD';
SELECT * FROM ops_t WHERE h BETWEEN '10 EUR' AND '20 EUR' ORDER BY h;
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP TABLE ops_t;
