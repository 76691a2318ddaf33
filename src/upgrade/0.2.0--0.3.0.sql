-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

-- The schema guard first: an upgrade, too, runs as a superuser in the schema
-- holdings, and must not run next to objects another role controls.
--@include src/install/00_schema_guard.sql

-- Functions whose body changed (same signature).
--@changed-functions

-- Privileges (issue 18): PUBLIC no longer executes the journal's machinery,
-- the loaders or the parsers.
--@include src/install/96_privileges.sql
