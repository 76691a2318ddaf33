-- CREATE EXTENSION refuses a pre-existing schema another role controls: a
-- database owner without superuser must not become superuser through it
-- (issue 18, case 4; CVE-2023-39417 class).
\set VERBOSITY terse
\set SHOW_CONTEXT never
CREATE ROLE sec_owner LOGIN;
CREATE DATABASE holdings_security_owner OWNER sec_owner;
\c holdings_security_owner sec_owner
-- The owner plants a better match for the unqualified unnest(ARRAY[...]) that
-- 0.2.0's script called, and for other built-ins a script might call.
CREATE SCHEMA holdings;
CREATE FUNCTION holdings.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql
    AS $$BEGIN EXECUTE 'ALTER ROLE sec_owner SUPERUSER'; RETURN; END$$;
CREATE FUNCTION holdings.format(text, text) RETURNS text LANGUAGE plpgsql
    AS $$BEGIN EXECUTE 'ALTER ROLE sec_owner SUPERUSER'; RETURN $1; END$$;
\c holdings_security_owner postgres
CREATE EXTENSION holdings;
\echo :SQLSTATE
SELECT rolsuper FROM pg_roles WHERE rolname = 'sec_owner';
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'holdings';
-- A schema the installer owns, but where another role may create: that role
-- could add a function between the guard and the statement that calls it.
DROP SCHEMA holdings CASCADE;
CREATE SCHEMA holdings;
GRANT CREATE, USAGE ON SCHEMA holdings TO sec_owner;
CREATE EXTENSION holdings;
\echo :SQLSTATE
-- What that role planted stays a reason to refuse once its grant is gone.
\c holdings_security_owner sec_owner
CREATE FUNCTION holdings.unnest(text[]) RETURNS SETOF text LANGUAGE plpgsql
    AS $$BEGIN EXECUTE 'ALTER ROLE sec_owner SUPERUSER'; RETURN; END$$;
\c holdings_security_owner postgres
REVOKE CREATE ON SCHEMA holdings FROM sec_owner;
CREATE EXTENSION holdings;
\echo :SQLSTATE
SELECT rolsuper FROM pg_roles WHERE rolname = 'sec_owner';
-- The installer's own empty schema, or none: the install goes through.
DROP SCHEMA holdings CASCADE;
CREATE EXTENSION holdings;
SELECT n.nspowner::regrole AS schema_owner, e.extversion
  FROM pg_namespace n, pg_extension e WHERE n.nspname = 'holdings' AND e.extname = 'holdings';
SELECT rolsuper FROM pg_roles WHERE rolname = 'sec_owner';
-- ALTER EXTENSION UPDATE checks the same before it changes anything (the
-- review's race: a role with CREATE on the schema planting a function while
-- the upgrade waits on a lock). The released 0.2.0 script is installed for
-- the upgrade tests only (make install-released).
DROP EXTENSION holdings;
CREATE EXTENSION holdings VERSION '0.2.0';
GRANT CREATE ON SCHEMA holdings TO sec_owner;
ALTER EXTENSION holdings UPDATE;
\echo :SQLSTATE
SELECT extversion FROM pg_extension WHERE extname = 'holdings';
REVOKE CREATE ON SCHEMA holdings FROM sec_owner;
-- The install builds fx_rate's indexes after the data from statements it
-- keeps in a setting (load_defer_indexes): a value already set in the
-- session (PostgreSQL 15 lets only a superuser set it for a role or a
-- database) must not join them.
DROP EXTENSION holdings;
SET holdings_load.deferred_indexes = '{"CREATE TABLE public.holdings_injected ()"}';
CREATE EXTENSION holdings;
RESET holdings_load.deferred_indexes;
SELECT pg_catalog.to_regclass('public.holdings_injected') AS injected,
       pg_catalog.pg_get_constraintdef(c.oid) AS fx_rate_key
  FROM pg_constraint c WHERE c.conrelid = 'holdings.fx_rate'::regclass AND c.contype = 'p';
\c holdings_security postgres
DROP DATABASE holdings_security_owner;
