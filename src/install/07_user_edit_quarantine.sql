-- Journal rows an upgrade set aside. 0.2.0 let any role write user_edit
-- through a trigger it attached to a table of its own (issue 18), so a 0.2.0
-- journal may hold rows nobody made in the extension's tables: a restore or
-- lineage_replay_pending() would write them over the figures. The upgrade
-- from 0.2.0 keeps in user_edit only the rows its tables show (a user's row
-- equal to the live row, a deletion mark for a key that is absent) and moves
-- the rest here, with a WARNING; nothing replays this table. Read it, and if a
-- row was yours after all, write it again in its table.
CREATE TABLE @extschema@.user_edit_quarantine (
    table_name text NOT NULL,
    key text[] NOT NULL,
    row_data jsonb,
    supersedes_shipped boolean NOT NULL,
    edited_at timestamptz NOT NULL,
    reason text NOT NULL,
    quarantined_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (table_name, key)
);
COMMENT ON TABLE @extschema@.user_edit_quarantine IS
    'Journal rows the upgrade from 0.2.0 set aside because the tables did not show them (possibly forged through 0.2.0''s lineage_record); never replayed';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.table_name IS 'Table the journal row named';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.key IS 'Primary key of the row, as text, in key column order';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.row_data IS 'The journalled row; null: a deletion mark';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.supersedes_shipped IS 'As in user_edit';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.edited_at IS 'As in user_edit';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.reason IS 'Why it was set aside';
COMMENT ON COLUMN @extschema@.user_edit_quarantine.quarantined_at IS 'When the upgrade set it aside';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.user_edit_quarantine', '');

-- The one test of "the table does not show this journal row" (user_edit,
-- alias e, over the table t): a deletion mark whose key the table has, or a
-- row the table does not hold as journalled (its columns but shipped). SQL
-- for a WHERE clause; what lineage_replay_pending() queues for replay and
-- what the upgrade from 0.2.0 sets aside above, defined here because that
-- upgrade runs it before anything else.
CREATE FUNCTION @extschema@.lineage_edit_unshown(t regclass) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT pg_catalog.format($q$CASE WHEN e.row_data IS NULL THEN EXISTS (SELECT 1 FROM %1$s d WHERE %2$s)
                 ELSE NOT EXISTS (SELECT 1 FROM %1$s d WHERE %2$s
                                     AND (SELECT pg_catalog.jsonb_object_agg(j.key, j.value)
                                            FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(d) OPERATOR(pg_catalog.-) 'shipped') j
                                           WHERE e.row_data OPERATOR(pg_catalog.?) j.key)
                                         OPERATOR(pg_catalog.=) (e.row_data OPERATOR(pg_catalog.-) 'shipped'))
            END$q$, t, @extschema@.lineage_key_match(t, 'd', 'e.key'))
$fn$;
COMMENT ON FUNCTION @extschema@.lineage_edit_unshown(regclass) IS
    'Lineage helper: SQL true for a journal row (user_edit e) that table t does not show (a deletion mark of a present key, a row not held as journalled)';
REVOKE EXECUTE ON FUNCTION @extschema@.lineage_edit_unshown(regclass) FROM PUBLIC;
