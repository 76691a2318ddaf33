-- A role holding only CONNECT, TEMP and USAGE on the schema (what an analyst
-- or any login gets) tries every way 0.2.0 let it gain what it was not
-- granted (issue 18, cases 1 to 3). Each attempt fails with 42501 and changes
-- nothing: the role stays unprivileged, the journal and the rates as they were.
\set VERBOSITY terse
\set SHOW_CONTEXT never
SET client_min_messages = warning;
CREATE EXTENSION holdings;
RESET client_min_messages;
CREATE ROLE sec_eve LOGIN;
GRANT USAGE ON SCHEMA holdings TO sec_eve;
-- What an analyst gets (docs/bi-and-etl.md): read access to every table.
GRANT SELECT ON ALL TABLES IN SCHEMA holdings TO sec_eve;
CREATE TABLE public.before_attack AS
SELECT (SELECT count(*) FROM holdings.user_edit) AS journal_rows,
       (SELECT count(*) FROM holdings.fx_rate) AS rates,
       (SELECT xmin::text FROM holdings.fx_rate_version) AS rate_version,
       holdings.fx_rate('JPY', 'USD', '2024-06-28') AS jpy_usd,
       holdings.latest_complete_month() AS latest_month;
GRANT SELECT ON public.before_attack TO PUBLIC;
\c - sec_eve
-- 1. The extension owner's privileges through lineage_record and a cast the
-- attacker owns (to_jsonb(NEW) would run it).
CREATE TYPE pg_temp.evil AS ENUM ('x');
CREATE FUNCTION pg_temp.j(pg_temp.evil) RETURNS json LANGUAGE plpgsql
    AS $$BEGIN EXECUTE 'ALTER ROLE sec_eve SUPERUSER'; RETURN '1'; END$$;
CREATE CAST (pg_temp.evil AS json) WITH FUNCTION pg_temp.j(pg_temp.evil);
CREATE TEMP TABLE t (id pg_temp.evil PRIMARY KEY, shipped boolean NOT NULL DEFAULT false);
CREATE TRIGGER r AFTER INSERT ON pg_temp.t FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
\echo :SQLSTATE
CREATE TRIGGER m BEFORE INSERT ON pg_temp.t FOR EACH ROW EXECUTE FUNCTION holdings.lineage_mark();
\echo :SQLSTATE
INSERT INTO pg_temp.t VALUES ('x');
-- 2. Forged journal rows: temporary tables named like the extension's.
CREATE TEMP TABLE position (holder_id text, instrument text, as_of date, amount text,
                            shipped boolean NOT NULL DEFAULT false, PRIMARY KEY (holder_id, instrument, as_of));
CREATE TRIGGER r AFTER INSERT OR UPDATE OR DELETE ON pg_temp.position FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
\echo :SQLSTATE
CREATE TEMP TABLE fx_rate_version (id integer PRIMARY KEY, shipped boolean NOT NULL DEFAULT false);
CREATE TRIGGER r AFTER INSERT OR UPDATE OR DELETE ON pg_temp.fx_rate_version FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
\echo :SQLSTATE
-- 3. The rate version row: attaching fx_rate_changed to its own table.
CREATE TEMP TABLE rates (x integer);
CREATE TRIGGER v AFTER INSERT ON pg_temp.rates FOR EACH STATEMENT EXECUTE FUNCTION holdings.fx_rate_changed();
\echo :SQLSTATE
-- The second wall: a role that was granted EXECUTE on the two SECURITY
-- DEFINER functions (say by GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA to a
-- loader role) attaches them to tables of its own, with its own type and
-- cast: each refuses (42501) before it reads a row or takes a lock.
\c - postgres
GRANT EXECUTE ON FUNCTION holdings.lineage_record(), holdings.fx_rate_changed() TO sec_eve;
\c - sec_eve
CREATE TYPE pg_temp.evil AS ENUM ('x');
CREATE FUNCTION pg_temp.j(pg_temp.evil) RETURNS json LANGUAGE plpgsql
    AS $$BEGIN EXECUTE 'ALTER ROLE sec_eve SUPERUSER'; RETURN '1'; END$$;
CREATE CAST (pg_temp.evil AS json) WITH FUNCTION pg_temp.j(pg_temp.evil);
CREATE TEMP TABLE t2 (id pg_temp.evil PRIMARY KEY, shipped boolean NOT NULL DEFAULT false);
CREATE TRIGGER r AFTER INSERT ON pg_temp.t2 FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
-- (its message names the session's temporary schema, whose number varies)
\set VERBOSITY sqlstate
INSERT INTO pg_temp.t2 VALUES ('x');
\set VERBOSITY terse
\echo :SQLSTATE
CREATE TEMP TABLE fx_rate (x integer);
CREATE TRIGGER v AFTER INSERT ON pg_temp.fx_rate FOR EACH STATEMENT EXECUTE FUNCTION holdings.fx_rate_changed();
INSERT INTO pg_temp.fx_rate VALUES (1);
\echo :SQLSTATE
\c - postgres
SELECT rolsuper FROM pg_roles WHERE rolname = 'sec_eve';
REVOKE EXECUTE ON FUNCTION holdings.lineage_record(), holdings.fx_rate_changed() FROM sec_eve;
\c - sec_eve
-- The first session's temporary tables again.
CREATE TEMP TABLE rates (x integer);
CREATE TEMP TABLE position (holder_id text, instrument text, as_of date, amount text,
                            shipped boolean NOT NULL DEFAULT false, PRIMARY KEY (holder_id, instrument, as_of));
-- Trigger functions cannot be called; the journal and lineage helpers are not the role's.
SELECT holdings.lineage_track('pg_temp.rates');
\echo :SQLSTATE
SELECT holdings.lineage_merge('holdings.position', 'pg_temp.position');
\echo :SQLSTATE
-- Writes and loads need privileges the role does not hold.
INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped)
VALUES ('position', '{CN,UST,2025-12-31}', NULL, true);
\echo :SQLSTATE
UPDATE holdings.fx_rate_version SET id = id;
\echo :SQLSTATE
SELECT count(*) FROM holdings.load_fred_series(E'observation_date,DGS10\n2024-01-02,3.95\n', 'fred-dgs10', true);
\echo :SQLSTATE
-- Temporary look-alikes of the extension's tables change no answer (every
-- query of the extension names its tables with their schema).
CREATE TEMP TABLE fx_rate (LIKE holdings.fx_rate);
INSERT INTO pg_temp.fx_rate (rate_set, currency, as_of, per_usd, source_id, shipped)
SELECT rate_set, currency, as_of, per_usd * 2, source_id, shipped FROM holdings.fx_rate;
CREATE TEMP TABLE rate_set (LIKE holdings.rate_set);
SELECT holdings.fx_rate('JPY', 'USD', '2024-06-28') = jpy_usd AS same_rate,
       holdings.latest_complete_month() = latest_month AS same_month  -- pg_temp.position is empty
  FROM public.before_attack;
\c - postgres
SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'sec_eve';
SELECT (SELECT count(*) FROM holdings.user_edit) = b.journal_rows AS journal_unchanged,
       (SELECT count(*) FROM holdings.fx_rate) = b.rates AS rates_unchanged,
       (SELECT xmin::text FROM holdings.fx_rate_version) = b.rate_version AS rate_version_unchanged
  FROM public.before_attack b;
DROP TABLE public.before_attack;
-- The journal's event trigger fires on every ALTER TABLE in the database; a
-- role without USAGE on the extension's schema still alters its own tables.
REVOKE USAGE ON SCHEMA holdings FROM sec_eve;
\c - sec_eve
CREATE TEMP TABLE mine (a integer);
ALTER TABLE mine ADD COLUMN b integer;
\echo :SQLSTATE
\c - postgres
GRANT USAGE ON SCHEMA holdings TO sec_eve;
