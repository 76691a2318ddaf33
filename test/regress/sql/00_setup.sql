-- Install the extension and put its schema on the search_path, as the README
-- tells users to do once per database.
CREATE EXTENSION holdings;
ALTER DATABASE :"DBNAME" SET search_path = "$user", public, holdings;
\c
SHOW search_path;
SELECT extname, extversion, nspname
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'holdings';
