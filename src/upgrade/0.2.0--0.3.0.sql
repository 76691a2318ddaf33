-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

-- The schema guard first: an upgrade, too, runs as a superuser in the schema
-- holdings, and must not run next to objects another role controls.
--@include src/install/00_schema_guard.sql

-- Lineage (issue 18): user_edit's replay becomes a statement trigger (a new
-- definition, made again by 06_lineage_replay.sql below).
DROP TRIGGER user_edit_replay ON @extschema@.user_edit;

-- Functions whose body changed (same signature).
--@changed-functions

-- Issue 18 item 3: fx_rate_changed() acts only on the extension's fx_rate and
-- rate_set (its new body comes with the changed functions above; PUBLIC loses
-- EXECUTE in 96_privileges.sql below).

-- Issue 23: the FX aggregates take a currency_code (no collation), so that
-- postgres_fdw sends them to shards; text arguments reach them through an
-- implicit cast. The released text aggregates and their text step go (a view
-- of the user's that calls them must be dropped first and created again after
-- the update: its text then binds to the new aggregates unchanged).
DO $check$
DECLARE
    dependents text;
BEGIN
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), '; ')
      INTO dependents
      FROM pg_catalog.pg_depend d
      JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.refobjid
      JOIN pg_catalog.pg_extension e ON e.extnamespace OPERATOR(pg_catalog.=) p.pronamespace
     WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
       AND d.deptype OPERATOR(pg_catalog.=) 'n'
       AND e.extname OPERATOR(pg_catalog.=) 'holdings'
       AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['net_foreign_selling', 'fx_decompose']::pg_catalog.name[])
       AND p.pronargs OPERATOR(pg_catalog.=) 3
       AND p.proargtypes[2] OPERATOR(pg_catalog.=) 'pg_catalog.text'::pg_catalog.regtype;
    IF dependents IS NOT NULL THEN
        RAISE EXCEPTION 'holdings 0.3.0 replaces net_foreign_selling(holding, date, text) and fx_decompose(holding, date, text), which these objects use: %', dependents
            USING ERRCODE = 'dependent_objects_still_exist',
                  HINT = 'Drop them, run ALTER EXTENSION holdings UPDATE, then create them again with the same text: it binds to the new aggregates (report currency of type holdings.currency_code; text arguments are cast to it).';
    END IF;
END
$check$;
DROP AGGREGATE @extschema@.net_foreign_selling(@extschema@.holding, date, text);
DROP AGGREGATE @extschema@.fx_decompose(@extschema@.holding, date, text);
DROP FUNCTION @extschema@.fx_levels_accum(internal, @extschema@.holding, date, text);
--@include src/install/52_fx_aggregates.sql

-- Lineage (issue 18): the replay queue, the new lineage functions, the event
-- trigger, and EXECUTE revoked from PUBLIC; then every table under the
-- lineage rules again (deferrable unique constraints, triggers fired ALWAYS).
--@include src/install/06_lineage_replay.sql
--@include src/install/95_lineage_tracking.sql

-- Privileges (issue 18): PUBLIC no longer executes the journal's machinery,
-- the loaders or the parsers.
--@include src/install/96_privileges.sql
