-- Casts for clients that send string parameters as varchar (pgJDBC setString)
-- or text (psycopg 3 binary), and the expressions they must leave unchanged.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
SELECT castsource::regtype, casttarget::regtype, castcontext, castmethod
  FROM pg_cast WHERE casttarget = 'holding'::regtype OR castsource = 'holding'::regtype ORDER BY 1, 2;

-- What pgJDBC sends for setString: parameters typed varchar.
CREATE TEMP TABLE trades (id int PRIMARY KEY, amount holding NOT NULL, note varchar, memo text);
PREPARE ins(int, varchar) AS INSERT INTO trades (id, amount) VALUES ($1, $2);
EXECUTE ins(1, '1,234.56 USD');
EXECUTE ins(2, '10 trillion JPY');
PREPARE upd(varchar, varchar) AS UPDATE trades SET amount = $1 WHERE amount = $2;
EXECUTE upd('1234.57 USD', '1234.56 USD');
PREPARE cmp(varchar, varchar) AS SELECT id, amount FROM trades WHERE amount >= $1 AND amount <> $2 ORDER BY id;
EXECUTE cmp('1000 USD', '2000 USD');
PREPARE conv(varchar, varchar, date) AS SELECT fx_convert($1, $2, $3), fx_rate($2, 'USD', $3);
EXECUTE conv('1185.5e9 USD', 'JPY', '2025-12-31');
PREPARE agg(varchar) AS
SELECT net_foreign_selling(amount, as_of, $1), (fx_decompose(amount, as_of, $1)).fx_effect
  FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31';
EXECUTE agg('JPY');
-- A bad string is the type's own error.
EXECUTE ins(3, '12 dollars');
-- Columns of type varchar and text.
UPDATE trades SET note = '1234.57 USD', memo = '6 EUR';
SELECT amount = note AS eq_varchar, amount + note AS plus_varchar FROM trades WHERE id = 1;
INSERT INTO trades (id, amount) SELECT 4, memo FROM trades WHERE id = 1;  -- text: assignment
SELECT id, amount FROM trades WHERE id = 4;

-- Unchanged: string comparisons stay string comparisons.
EXPLAIN (VERBOSE, COSTS OFF) SELECT note = 'abc', note < 'b', note = memo, 'x'::varchar = 'x' FROM trades;
SELECT pg_typeof(min(note)) AS min, pg_typeof(max(note)) AS max FROM trades;
SELECT pg_typeof(coalesce(note, 'x')) AS coalesce, pg_typeof(note || 'x') AS concat, note
  FROM trades WHERE note IN ('1234.57 USD', 'x') AND note LIKE '1%' AND id = 1;
-- Unchanged: a literal next to a holding is a holding, as before.
SELECT amount = '10000000000000 JPY' AS eq_literal FROM trades WHERE id = 2;
-- Unchanged: text is not implicitly a holding.
SELECT amount = memo FROM trades;
SELECT sum(memo) FROM trades;
SELECT round(memo) FROM trades;
-- Changed: where only a holding fits, a varchar is read as one (0.1.0: 42883).
SELECT sum(note) FROM trades;
-- Unchanged: no common type for varchar and holding in UNION or CASE.
SELECT note FROM trades UNION ALL SELECT amount FROM trades;
SELECT CASE WHEN id = 1 THEN note ELSE amount END FROM trades;
DROP TABLE trades;
DEALLOCATE ALL;
