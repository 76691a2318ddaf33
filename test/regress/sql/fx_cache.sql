-- Issue 23 and issue 18 item 3: the rate cache loads one currency at a time,
-- the report currency of the FX aggregates is a currency_code (no collation),
-- and fx_rate_changed() cannot be attached to anyone's table.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
INSERT INTO source (id, publisher, title, url) VALUES
    ('regress-cache', 'holdings tests', 'hand-made rates', 'https://example.org/cache');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    ('regress-cache', 'JPY', '2024-01-31', 100, 'regress-cache'),
    ('regress-cache', 'JPY', '2024-02-29', 125, 'regress-cache'),
    ('regress-cache', 'EUR', '2024-01-31', 0.5, 'regress-cache'),
    ('regress-cache', 'EUR', '2024-02-29', 0.8, 'regress-cache');
SET holdings.rate_set = 'regress-cache';

-- Currencies are loaded as calls ask for them, all under the version the
-- statement's snapshot sees: a currency first asked for after a change, in the
-- same transaction, has the changed rates; one loaded before the change is
-- reloaded with them.
BEGIN;
SELECT fx_rate('USD', 'JPY', '2024-02-29') AS jpy_loaded;
UPDATE fx_rate SET per_usd = per_usd * 2 WHERE rate_set = 'regress-cache';
SELECT fx_rate('USD', 'EUR', '2024-02-29') AS eur_first_asked_after_change,
       fx_rate('USD', 'JPY', '2024-02-29') AS jpy_reloaded;
ROLLBACK;
SELECT fx_rate('USD', 'EUR', '2024-02-29') AS eur_back, fx_rate('USD', 'JPY', '2024-02-29') AS jpy_back,
       fx_rate('EUR', 'JPY', '2024-01-31') AS crossed;
-- A currency without rates in the set: the same error as before, with its hint.
SELECT fx_rate('USD', 'GBP', '2024-02-29');
-- The aggregates load the positions' and the report currency only.
CREATE TEMP TABLE cache_book (holder text, as_of date, amount holding);
INSERT INTO cache_book VALUES ('a', '2024-01-31', '100 EUR'), ('a', '2024-02-29', '150 EUR'),
                              ('b', '2024-01-31', '10 USD'), ('b', '2024-02-29', '30 USD');
SELECT holder, net_foreign_selling(amount, as_of, 'JPY') AS sold_jpy, fx_decompose(amount, as_of, 'jpy') AS d
  FROM cache_book GROUP BY holder ORDER BY holder;

-- currency_code: input in any case, upper-case output, binary form, errors.
SELECT 'jpy'::currency_code AS code, 'EUR'::currency_code::text AS as_text,
       currency_code_send('CHF') AS binary, pg_typeof('USD'::currency_code) AS type;
SELECT typcollation = 0 AS no_collation, typbyval AS by_value, typlen FROM pg_type WHERE oid = 'currency_code'::regtype;
\set VERBOSITY sqlstate
SELECT 'XYZ'::currency_code;
SELECT 'JP'::currency_code;
SELECT currency_code('ABCD');
\set VERBOSITY default

-- The aggregates take a currency_code; a literal is one, text and varchar
-- (columns, typed parameters, casts) reach it through the implicit casts, and
-- give the same answer.
SELECT pg_get_function_identity_arguments(p.oid) AS args
  FROM pg_proc p WHERE p.proname IN ('net_foreign_selling', 'fx_decompose') AND p.prokind = 'a'
 ORDER BY p.proname, args;
SELECT net_foreign_selling(amount, as_of, 'JPY') AS literal,
       net_foreign_selling(amount, as_of, 'JPY'::text) AS text_cast,
       net_foreign_selling(amount, as_of, 'JPY'::varchar) AS varchar_cast
  FROM cache_book WHERE holder = 'a';
SELECT c.ccy, net_foreign_selling(b.amount, b.as_of, c.ccy) AS from_text_column
  FROM cache_book b CROSS JOIN (VALUES ('JPY'::text), ('EUR')) AS c (ccy)
 WHERE b.holder = 'a' GROUP BY c.ccy ORDER BY c.ccy;
PREPARE cache_typed (text) AS SELECT net_foreign_selling(amount, as_of, $1) FROM cache_book WHERE holder = 'a';
EXECUTE cache_typed ('jpy');
PREPARE cache_untyped AS SELECT fx_decompose(amount, as_of, $1) FROM cache_book WHERE holder = 'a';
EXECUTE cache_untyped ('JPY');
-- A view written with the released text signature binds to the new aggregate.
CREATE TEMP VIEW cache_view AS
    SELECT holder, net_foreign_selling(amount, as_of, 'JPY'::text) AS sold FROM cache_book GROUP BY holder;
SELECT * FROM cache_view ORDER BY holder;
-- Errors as before: unknown code (now when the query is parsed), NULL, a
-- report currency that changes within a group.
\set VERBOSITY sqlstate
SELECT net_foreign_selling(amount, as_of, 'XYZ') FROM cache_book;
SELECT net_foreign_selling(amount, as_of, NULL) FROM cache_book;
SELECT net_foreign_selling(b.amount, b.as_of, c.ccy)
  FROM cache_book b CROSS JOIN (VALUES ('JPY'::text), ('EUR')) AS c (ccy) WHERE b.holder = 'a';
\set VERBOSITY default
-- The report currency adds no input collation: what postgres_fdw requires to
-- send an aggregate to a shard (test/shards/run shows the Remote SQL).
SELECT a.aggfnoid::regprocedure AS aggregate, t.typcollation = 0 AS collation_free
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_type t ON t.oid = p.proargtypes[2]
 WHERE p.proname IN ('net_foreign_selling', 'fx_decompose') AND p.pronargs = 3
 ORDER BY 1::text;

-- fx_rate_changed() acts only on the extension's fx_rate and rate_set (issue
-- 18): a role with nothing but CONNECT, USAGE and TEMP cannot attach it to a
-- table of its own (no EXECUTE), and attached by anyone to another table it
-- refuses to act; either way the version row and the rate cache are untouched.
-- (Roles are cluster-wide: a run that stopped half-way may have left it.)
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_fx_plain;
RESET client_min_messages;
CREATE ROLE regress_fx_plain;
GRANT USAGE ON SCHEMA holdings TO regress_fx_plain;
SELECT has_function_privilege('regress_fx_plain', 'fx_rate_changed()', 'EXECUTE') AS plain_may_execute,
       has_function_privilege('public', 'fx_rate_changed()', 'EXECUTE') AS public_may_execute;
CREATE TEMP TABLE cache_version_before AS SELECT xmin::text AS x, ctid::text AS t FROM fx_rate_version;
SET ROLE regress_fx_plain;
CREATE TEMP TABLE plain_table (x int);
\set VERBOSITY sqlstate
CREATE TRIGGER plain_hold AFTER INSERT ON plain_table
    FOR EACH STATEMENT EXECUTE FUNCTION holdings.fx_rate_changed();
\set VERBOSITY default
SELECT count(*) AS plain_triggers FROM pg_trigger WHERE tgrelid = 'plain_table'::regclass;
RESET ROLE;
-- Attached by the superuser to a temporary table, even one named fx_rate.
CREATE TEMP TABLE fx_rate (x int);
CREATE TRIGGER planted AFTER INSERT ON pg_temp.fx_rate
    FOR EACH STATEMENT EXECUTE FUNCTION holdings.fx_rate_changed();
CREATE TRIGGER planted_row AFTER INSERT ON pg_temp.fx_rate
    FOR EACH ROW EXECUTE FUNCTION holdings.fx_rate_changed();
\set VERBOSITY sqlstate
INSERT INTO pg_temp.fx_rate VALUES (1);
\set VERBOSITY default
SELECT count(*) AS rows_written FROM pg_temp.fx_rate;
SELECT v.xmin::text = b.x AND v.ctid::text = b.t AS version_unchanged
  FROM fx_rate_version v, cache_version_before b;
DROP TABLE pg_temp.fx_rate;
-- The extension's own triggers still move the version on.
INSERT INTO holdings.fx_rate (rate_set, currency, as_of, per_usd, source_id)
    VALUES ('regress-cache', 'JPY', '2024-03-31', 150, 'regress-cache');
SELECT v.xmin::text <> b.x AS version_moved FROM fx_rate_version v, cache_version_before b;
SELECT fx_rate('USD', 'JPY', '2024-03-31') AS new_rate_seen;

DELETE FROM holdings.fx_rate WHERE rate_set = 'regress-cache';
DELETE FROM source WHERE id = 'regress-cache';
DROP TABLE plain_table;
REVOKE USAGE ON SCHEMA holdings FROM regress_fx_plain;
DROP ROLE regress_fx_plain;
RESET holdings.rate_set;
