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

-- Lineage (issue 18): the replay queue, the new lineage functions, the event
-- trigger, and EXECUTE revoked from PUBLIC; then every table under the
-- lineage rules again (deferrable unique constraints, triggers fired ALWAYS).
--@include src/install/06_lineage_replay.sql
--@include src/install/95_lineage_tracking.sql

-- Privileges (issue 18): PUBLIC no longer executes the journal's machinery,
-- the loaders or the parsers.
--@include src/install/96_privileges.sql
