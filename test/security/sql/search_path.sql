-- Which search_path is safe (issue 18, case 5). On clusters initialised before
-- PostgreSQL 15, every role may create in schema public; a function planted
-- there runs as whoever calls the name it shadows, superusers included.
\set VERBOSITY terse
\set SHOW_CONTEXT never
\c - sec_eve
-- PostgreSQL 15's default: public is not writable by every role.
CREATE FUNCTION public.fx_convert(h holdings.holding, to_ccy text, on_date date) RETURNS holdings.holding
    LANGUAGE sql AS $$ SELECT h $$;
\echo :SQLSTATE
\c - postgres
-- A cluster initialised before 15 keeps the old grant.
GRANT CREATE ON SCHEMA public TO PUBLIC;
\c - sec_eve
CREATE FUNCTION public.fx_convert(h holdings.holding, to_ccy text, on_date date) RETURNS holdings.holding
    LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE 'planted public.fx_convert(holding, text, date) ran as %', current_user; RETURN h; END$$;
CREATE FUNCTION public.fx_convert(h holdings.holding, to_ccy text, on_date text) RETURNS holdings.holding
    LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE 'planted public.fx_convert(holding, text, text) ran as %', current_user; RETURN h; END$$;
\c - postgres
-- public before holdings (0.2.0's documented order): the planted function of
-- the same signature wins.
SET search_path = "$user", public, holdings;
SELECT fx_convert('100 USD'::holding, 'JPY'::text, '2024-06-28'::date);
-- holdings first (the documented order now): typed calls reach the extension.
SET search_path = holdings, "$user", public;
SELECT fx_convert('100 USD'::holding, 'JPY'::text, '2024-06-28'::date);
-- But order alone is not enough: with untyped literals, PostgreSQL prefers a
-- text parameter, wherever it is on the path. Hence the rule: no schema on a
-- privileged role's search_path may be writable by roles it does not trust.
SELECT fx_convert('100 USD', 'JPY', '2024-06-28');
-- Qualified names are immune.
SELECT holdings.fx_convert('100 USD', 'JPY', '2024-06-28');
RESET search_path;
DROP FUNCTION public.fx_convert(holdings.holding, text, date);
DROP FUNCTION public.fx_convert(holdings.holding, text, text);
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
