-- The schema guard: CREATE EXTENSION runs this script with search_path =
-- holdings, pg_temp, as the (super)user who installs. If the schema existed
-- before, whoever owns it, or any role allowed to create in it, could have
-- planted functions or operators there that an unqualified name in this
-- script would call with the installer's privileges (CVE-2023-39417 class).
-- Every name in the scripts is qualified, and, as a second wall, the install
-- refuses a schema owned by a role other than the installer or a superuser,
-- or holding any object owned by such a role (ALTER EXTENSION UPDATE checks
-- the same before it changes anything). A schema that CREATE EXTENSION
-- made itself is owned by the installer and empty, and passes.
DO $guard$
DECLARE
    target name := '@extschema@'::regnamespace::name;
    owner_role name;
    planted text;
BEGIN
    SELECT r.rolname INTO owner_role
      FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) n.nspowner
     WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
       AND r.rolname OPERATOR(pg_catalog.<>) CURRENT_USER AND NOT r.rolsuper;
    IF owner_role IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" already exists and is owned by role "%"', target, owner_role
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The extension''s script would run with your privileges in a schema another role controls.',
                  HINT = 'Drop the schema (or make it yours after checking its contents), then CREATE EXTENSION holdings again: it creates the schema itself.';
    END IF;
    -- Who may create in the schema: a role that can is as good as its owner
    -- (it could add an object between this check and the statement that
    -- would call it).
    SELECT pg_catalog.string_agg(CASE WHEN a.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, ', ')
      INTO planted
      FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
     WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
       AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
       AND (a.grantee OPERATOR(pg_catalog.=) 0
            OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                            WHERE r.oid OPERATOR(pg_catalog.=) a.grantee
                              AND (r.rolsuper OR r.rolname OPERATOR(pg_catalog.=) CURRENT_USER)));
    IF planted IS NOT NULL THEN
        RAISE EXCEPTION 'roles other than the installer may create objects in schema "%": %', target, planted
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The extension''s script would run with your privileges in a schema where those roles can add functions and operators.',
                  HINT = 'REVOKE CREATE ON SCHEMA holdings FROM those roles, then try again.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s %s (owner %s)', o.kind, o.name, o.owner), ', ') INTO planted
      FROM (SELECT 'relation'::text AS kind, c.relname::text AS name, c.relowner AS owner_oid, c.relowner::regrole::text AS owner
              FROM pg_catalog.pg_class c WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
            UNION ALL
            SELECT 'function', p.oid::regprocedure::text, p.proowner, p.proowner::regrole::text
              FROM pg_catalog.pg_proc p WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
            UNION ALL
            SELECT 'operator', o.oid::regoperator::text, o.oprowner, o.oprowner::regrole::text
              FROM pg_catalog.pg_operator o WHERE o.oprnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
            UNION ALL
            SELECT 'type', t.oid::regtype::text, t.typowner, t.typowner::regrole::text
              FROM pg_catalog.pg_type t WHERE t.typnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
            UNION ALL
            SELECT 'collation', c.collname::text, c.collowner, c.collowner::regrole::text
              FROM pg_catalog.pg_collation c WHERE c.collnamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid
            UNION ALL
            SELECT 'conversion', c.conname::text, c.conowner, c.conowner::regrole::text
              FROM pg_catalog.pg_conversion c WHERE c.connamespace OPERATOR(pg_catalog.=) '@extschema@'::regnamespace::oid) o
      JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) o.owner_oid
     WHERE r.rolname OPERATOR(pg_catalog.<>) CURRENT_USER AND NOT r.rolsuper;
    IF planted IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" already holds objects of other roles: %', target, planted
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The extension''s script would run with your privileges next to objects another role controls.',
                  HINT = 'Drop the schema, then CREATE EXTENSION holdings again: it creates the schema itself.';
    END IF;
END
$guard$;
