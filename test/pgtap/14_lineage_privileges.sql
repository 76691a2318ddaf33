-- Issue 18, items 1 and 2: a role with nothing but CONNECT, USAGE on the
-- schema and the default TEMP privilege tries the attacks of the issue on the
-- lineage triggers. lineage_record (SECURITY DEFINER) ran a cast of the role's
-- own type as the extension's owner (the role made itself superuser), and
-- journalled rows of a table of the role's own named "position" or
-- "fx_rate_version" that a restore then replayed. Each attempt must fail with
-- 42501 and change nothing. (0.2.0 fails this file.)
BEGIN;
SELECT plan(21);

CREATE ROLE lineage_eve LOGIN NOSUPERUSER;
DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO lineage_eve', current_database()); END $$;
GRANT USAGE ON SCHEMA holdings TO lineage_eve;
CREATE TEMP TABLE journal_before AS SELECT (pg_catalog.to_jsonb(e) - 'edited_at')::text AS r FROM holdings.user_edit e;

SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
     CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
     WHERE p.pronamespace = 'holdings'::regnamespace AND p.proname LIKE 'lineage%'
       AND (p.prorettype IN ('trigger'::regtype, 'event_trigger'::regtype)
            OR p.proname IN ('lineage_track', 'lineage_merge', 'lineage_prune', 'lineage_apply_release',
                             'lineage_replay_row', 'lineage_replay_queued', 'lineage_replay_pending', 'lineage_rekey_edits'))
       AND a.grantee = 0 AND a.privilege_type = 'EXECUTE'$$,
    'no lineage trigger function or release machinery is executable by PUBLIC');
SELECT is(
    (SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
      WHERE p.pronamespace = 'holdings'::regnamespace AND p.proname LIKE 'lineage%' AND p.prosecdef),
    ARRAY['lineage_record'],
    'lineage_record is the only SECURITY DEFINER function of the lineage machinery');

SET ROLE lineage_eve;

-- Item 1, the issue's attack as written.
CREATE TYPE pg_temp.evil AS ENUM ('x');
CREATE FUNCTION pg_temp.j(pg_temp.evil) RETURNS json LANGUAGE plpgsql
  AS $$BEGIN EXECUTE 'ALTER ROLE lineage_eve SUPERUSER'; RETURN '1'; END$$;
CREATE CAST (pg_temp.evil AS json) WITH FUNCTION pg_temp.j(pg_temp.evil);
CREATE TEMP TABLE t (id pg_temp.evil PRIMARY KEY, shipped boolean NOT NULL DEFAULT false);
SELECT throws_ok($$CREATE TRIGGER r AFTER INSERT ON pg_temp.t FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record()$$,
    '42501', NULL, 'a plain role cannot attach lineage_record to a table of its own (no EXECUTE)');
SELECT lives_ok($$INSERT INTO pg_temp.t VALUES ('x')$$, 'the insert into its table runs nothing of the extension');
SELECT throws_ok($$CREATE TRIGGER m BEFORE INSERT ON pg_temp.t FOR EACH ROW EXECUTE FUNCTION holdings.lineage_mark()$$,
    '42501', NULL, 'nor lineage_mark');
SELECT throws_ok($$CREATE TRIGGER n BEFORE TRUNCATE ON pg_temp.t FOR EACH STATEMENT EXECUTE FUNCTION holdings.lineage_no_truncate()$$,
    '42501', NULL, 'nor lineage_no_truncate');
SELECT throws_ok($$CREATE TRIGGER p AFTER INSERT ON pg_temp.t REFERENCING NEW TABLE AS added
                   FOR EACH STATEMENT EXECUTE FUNCTION holdings.lineage_replay()$$,
    '42501', NULL, 'nor lineage_replay');
SELECT throws_ok($$SELECT holdings.lineage_track('pg_temp.t')$$, '42501', NULL, 'lineage_track is not the role''s to call');
SELECT throws_ok($$SELECT holdings.lineage_replay_pending()$$, '42501', NULL, 'nor lineage_replay_pending');

-- Item 2: tables of its own named like the extension's.
CREATE TEMP TABLE "position" (holder_id text, instrument text, as_of date, amount text, basis text, source_id text,
                              shipped boolean NOT NULL DEFAULT false, PRIMARY KEY (holder_id, instrument, as_of));
SELECT throws_ok($$CREATE TRIGGER r AFTER INSERT ON pg_temp."position" FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record()$$,
    '42501', NULL, 'a plain role cannot attach lineage_record to its own table "position"');
INSERT INTO pg_temp."position" VALUES ('JP', 'UST', '2025-12-31', '1.00 USD', 'market', 'atlantis', false);
CREATE TEMP TABLE fx_rate_version (id boolean PRIMARY KEY, shipped boolean NOT NULL DEFAULT true);
INSERT INTO pg_temp.fx_rate_version VALUES (true, true);
SELECT throws_ok($$CREATE TRIGGER r AFTER DELETE ON pg_temp.fx_rate_version FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record()$$,
    '42501', NULL, 'nor to its own table "fx_rate_version"');
DELETE FROM pg_temp.fx_rate_version;

-- The function's own check, should a role be granted EXECUTE by mistake: it
-- refuses any table but the extension's tracked ones before it reads a row.
RESET ROLE;
GRANT EXECUTE ON FUNCTION holdings.lineage_record() TO lineage_eve;
SET ROLE lineage_eve;
DELETE FROM pg_temp.t;
CREATE TRIGGER r2 AFTER INSERT ON pg_temp.t FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
SELECT throws_ok($$INSERT INTO pg_temp.t VALUES ('x')$$, '42501',
    format('lineage_record() runs only as the lineage trigger of the tables of extension holdings, not on %s.t',
           pg_my_temp_schema()::regnamespace),
    'granted EXECUTE, the trigger still refuses the role''s table before its cast runs');
CREATE TRIGGER r2 AFTER INSERT ON pg_temp."position" FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
SELECT throws_ok($$INSERT INTO pg_temp."position" VALUES ('CN', 'UST', '2025-12-31', '1.00 USD', 'market', 'atlantis', false)$$,
    '42501', NULL, '... and the role''s table "position": no journal row');
CREATE TRIGGER r2 AFTER DELETE ON pg_temp.fx_rate_version FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
INSERT INTO pg_temp.fx_rate_version VALUES (true, true);
SELECT throws_ok($$DELETE FROM pg_temp.fx_rate_version$$, '42501', NULL, '... and the role''s table "fx_rate_version": no deletion mark');
RESET ROLE;

SELECT is((SELECT rolsuper FROM pg_roles WHERE rolname = 'lineage_eve'), false, 'the role is still not a superuser');
SELECT set_eq($$SELECT (pg_catalog.to_jsonb(e) - 'edited_at')::text FROM holdings.user_edit e$$,
              $$SELECT r FROM journal_before$$, 'user_edit is unchanged');

-- A journal row for a table that is not under lineage (a forged row in a dump
-- of 0.2.0) is refused by the replay, not applied.
SELECT throws_ok($$INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped)
                   VALUES ('fx_rate_version', '{t}', NULL, true)$$,
    '42501', NULL, 'a restore refuses a journal row for fx_rate_version');
SELECT is((SELECT count(*)::int FROM holdings.fx_rate_version), 1, 'fx_rate_version keeps its row');

-- The extension's own triggers still fire for a role allowed to write a table
-- (PostgreSQL checks EXECUTE only when a trigger is created), and journal the
-- write without the role having any privilege on user_edit.
CREATE ROLE lineage_writer NOSUPERUSER;
GRANT USAGE ON SCHEMA holdings TO lineage_writer;
GRANT SELECT, INSERT ON holdings.source TO lineage_writer;
SET ROLE lineage_writer;
SELECT lives_ok($$INSERT INTO holdings.source (id, publisher, title, url)
                  VALUES ('lineage-test', 'Test', 'Test', 'https://example.org/test')$$,
    'a role granted INSERT on holdings.source writes it');
SET holdings_lineage.replaying = on;  -- what the replay sets: the triggers do not trust it
INSERT INTO holdings.source (id, publisher, title, url) VALUES ('lineage-test-2', 'Test', 'Test', 'https://example.org/test');
RESET holdings_lineage.replaying;
RESET ROLE;
SELECT is((SELECT row_data ->> 'shipped' FROM holdings.user_edit WHERE table_name = 'source' AND key = '{lineage-test}'),
          'false', 'its write is journalled as the user''s, by the extension''s triggers');
SELECT is((SELECT count(*)::int FROM holdings.user_edit WHERE table_name = 'source' AND key = '{lineage-test-2}'), 1,
          'also when the role sets holdings_lineage.replaying itself');

SELECT * FROM finish();
ROLLBACK;
