-- Upgrade source: 0.2.0 to 0.3.0 (tools/generate.py expands the --@ directives).
-- scripts/test-dump checks that the result equals a fresh 0.3.0 install.

-- Functions whose body changed (same signature).
--@changed-functions

-- Issue 18 item 3: fx_rate_changed() acts only on the extension's fx_rate and
-- rate_set (its new body comes with the changed functions above) and is not
-- executable by PUBLIC.
REVOKE EXECUTE ON FUNCTION @extschema@.fx_rate_changed() FROM PUBLIC;
