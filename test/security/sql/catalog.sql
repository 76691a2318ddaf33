-- The catalog test (issue 18): what the extension grants, and to whom.
\set VERBOSITY terse
\set SHOW_CONTEXT never
CREATE TEMP VIEW ext_functions AS
SELECT p.oid, p.oid::regprocedure::text AS function, l.lanname, p.prosecdef, p.proconfig, p.prorettype
  FROM pg_proc p
  JOIN pg_language l ON l.oid = p.prolang
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'holdings'
 WHERE d.refclassid = 'pg_extension'::regclass;
-- No function runs with its owner's privileges, unless listed here with its reason.
SELECT function FROM ext_functions WHERE prosecdef ORDER BY 1;
-- Every SQL and PL/pgSQL function pins its search_path to pg_catalog, pg_temp:
-- an unqualified built-in there can only be pg_catalog's.
SELECT function, proconfig FROM ext_functions
 WHERE lanname IN ('sql', 'plpgsql')
   AND proconfig IS DISTINCT FROM ARRAY['search_path=pg_catalog, pg_temp']
 ORDER BY 1;
-- No trigger function is executable by PUBLIC (it could be attached to a
-- table of the caller's).
SELECT function FROM ext_functions
 WHERE prorettype = 'trigger'::regtype AND has_function_privilege('public', oid, 'EXECUTE')
 ORDER BY 1;
-- What PUBLIC may not execute: the journal's machinery, the loaders (they
-- write shipped tables; grant them to the roles that refresh the data), the
-- parsers and other internals.
SELECT function FROM ext_functions
 WHERE NOT has_function_privilege('public', oid, 'EXECUTE')
 ORDER BY 1;
-- Tables: PUBLIC may read rate_set and fx_rate_version (every FX call reads
-- them as its caller, to know which rates its snapshot sees), loader and
-- loader_step (what each loader does, read by load_run as its caller, public
-- as function bodies are in pg_proc) and nothing else; it writes none.
SELECT c.relname, c.relacl
  FROM pg_class c
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'holdings'
 WHERE d.refclassid = 'pg_extension'::regclass AND c.relkind IN ('r', 'v', 'm', 'S')
   AND (has_table_privilege('public', c.oid, 'SELECT') OR has_table_privilege('public', c.oid, 'INSERT')
        OR has_table_privilege('public', c.oid, 'UPDATE') OR has_table_privilege('public', c.oid, 'DELETE')
        OR has_table_privilege('public', c.oid, 'TRUNCATE') OR has_table_privilege('public', c.oid, 'TRIGGER'))
 ORDER BY 1;
-- The classes above, whatever a later version adds: none executable by PUBLIC.
SELECT function FROM ext_functions
 WHERE has_function_privilege('public', oid, 'EXECUTE')
   AND function ~ '^holdings\.(lineage_(?!in_release_script|replaying|tracked|key)|load_|parse_|check_|document_failure|fx_rate_changed)'
 ORDER BY 1;
