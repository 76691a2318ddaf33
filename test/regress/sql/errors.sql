-- Every error with its SQLSTATE.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
\set VERBOSITY sqlstate
-- 22P02: malformed text, unknown currency code in text input.
SELECT 'abc'::holding;
SELECT '1 ABC'::holding;
SELECT '1,2 USD'::holding;
SELECT '1 USD USD'::holding;
SELECT '1 zillion USD'::holding;
SELECT ''::holding;
-- 22003: result out of range, on input and in every operation.
SELECT '1e31 USD'::holding;
SELECT '1701411834604692317316873037158.84105727 USD'::holding + '0.00000001 USD';
SELECT '-1701411834604692317316873037158.84105727 USD'::holding - '0.00000001 USD';
SELECT '1e30 USD'::holding * 10;
SELECT '1e30 USD'::holding / 0.01;
SELECT round('1701411834604692317316873037158.84105727 USD'::holding, 0);
SELECT sum(v) FROM (VALUES ('1701411834604692317316873037158 USD'::holding), ('1 USD')) AS t(v);
SELECT holding(1e40, 'USD');
SELECT holding('Infinity'::numeric, 'USD');
-- 22012: division by zero.
SELECT '1 USD'::holding / 0;
SELECT '1 USD'::holding / '0 USD';
-- 22U01: currency mismatch.
SELECT '1 USD'::holding + '1 EUR';
SELECT '1 USD'::holding - '1 EUR';
SELECT '1 USD'::holding / '1 EUR';
SELECT sum(v) FROM (VALUES ('1 USD'::holding), ('1 EUR')) AS t(v);
SELECT avg(v) FROM (VALUES ('1 USD'::holding), ('1 EUR')) AS t(v);
SELECT min(v) FROM (VALUES ('1 USD'::holding), ('1 EUR')) AS t(v);
SELECT max(v) FROM (VALUES ('1 USD'::holding), ('1 EUR')) AS t(v);
-- 22U02: unknown currency in a function argument.
SELECT holding(1, 'ABC');
SELECT holding(1, 'US');
-- 22023: NaN is not an amount.
SELECT holding('NaN'::numeric, 'USD');
SELECT '1 USD'::holding * 'NaN'::numeric;
-- A failed statement changes nothing that is stored.
CREATE TABLE err_t (h holding);
INSERT INTO err_t VALUES ('1701411834604692317316873037158 USD');
UPDATE err_t SET h = h + '1 USD';
UPDATE err_t SET h = h * 2;
SELECT h FROM err_t;
DROP TABLE err_t;
\set VERBOSITY default
-- The message names the problem.
SELECT '1,2 USD'::holding;
SELECT '1 USD'::holding + '1 EUR';
SELECT holding(1, 'ABC');
