-- The README's set-up, once per database: the extension, and its schema on
-- the search_path. pg_regress created the extension already
-- (--load-extension, as for every test); IF NOT EXISTS says so.
CREATE EXTENSION IF NOT EXISTS holdings;
ALTER DATABASE :"DBNAME" SET search_path = "$user", public, holdings;
\c
SHOW search_path;
SELECT extname, extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'holdings')
       AS default_version, nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'holdings';
