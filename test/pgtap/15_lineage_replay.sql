-- Issue 18, items 6 and 8, in one database (test/lineage/lineage_check.py runs
-- the real dumps and restores): journal rows written with the replay trigger
-- off are replayed by lineage_replay_pending() or when the trigger comes back;
-- rows that only hold together (a swap of unique values) are replayed
-- together; a row that cannot be replayed raises; the lineage triggers of the
-- extension's tables cannot be turned off.
BEGIN;
SELECT plan(18);

SELECT is(holdings.lineage_replay_pending(), 0, 'lineage_replay_pending: nothing to replay in a consistent database');

-- What pg_restore --data-only --disable-triggers does, by hand.
ALTER TABLE holdings.user_edit DISABLE TRIGGER ALL;
INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped)
SELECT 'country', ARRAY[alpha2], pg_catalog.to_jsonb(c) || jsonb_build_object('alpha3', other, 'shipped', false), true
  FROM holdings.country c
  JOIN (VALUES ('FR', 'DEU'), ('DE', 'FRA')) AS s (a2, other) ON s.a2 = c.alpha2;
SELECT is((SELECT string_agg(alpha3, ',' ORDER BY alpha2) FROM holdings.country WHERE alpha2 IN ('DE', 'FR')),
          'DEU,FRA', 'with its triggers disabled, a write to user_edit replays nothing');
SELECT is(holdings.lineage_replay_pending(), 2, 'lineage_replay_pending replays the two rows of the swap');
SELECT is((SELECT string_agg(alpha3 || ' ' || shipped, ',' ORDER BY alpha2) FROM holdings.country WHERE alpha2 IN ('DE', 'FR')),
          'FRA false,DEU false', 'the two countries'' alpha3 are swapped, as the user''s rows');
SELECT is(holdings.lineage_replay_pending(), 0, 'lineage_replay_pending again: nothing left');

INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped)
SELECT 'country', ARRAY[alpha2], pg_catalog.to_jsonb(c) || '{"name": "Nippon", "shipped": false}', true
  FROM holdings.country c WHERE alpha2 = 'JP';
ALTER TABLE holdings.user_edit ENABLE TRIGGER ALL;
SELECT is((SELECT name FROM holdings.country WHERE alpha2 = 'JP'), 'Nippon',
          'enabling user_edit''s triggers again replays what was written meanwhile (event trigger)');
SELECT is((SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'holdings.user_edit'::regclass AND tgname = 'user_edit_replay'),
          'A', 'and sets the replay trigger back to ENABLE ALWAYS');

-- A journal row that cannot be replayed: a position of a holder nobody has.
ALTER TABLE holdings.user_edit DISABLE TRIGGER user_edit_replay;
INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped)
VALUES ('position', '{NOBODY,UST,2025-12-31}',
        '{"holder_id": "NOBODY", "instrument": "UST", "as_of": "2025-12-31", "amount": "1 USD", "basis": "market",
          "source_id": "iso-4217", "shipped": false}', false);
SELECT throws_ok($$SELECT holdings.lineage_replay_pending()$$, '23503', NULL,
                 'lineage_replay_pending raises the foreign key''s error for a row it cannot replay');
DELETE FROM holdings.user_edit WHERE key = '{NOBODY,UST,2025-12-31}';
ALTER TABLE holdings.user_edit ENABLE ALWAYS TRIGGER user_edit_replay;

-- A dump of 0.2.0 restored here: its journal keys position_vintage by 0.2.0's
-- primary key (holder, instrument, as_of, source), 0.3.0's ends with the
-- release. The rows a restore's COPY writes (a revision, a deletion, a row of
-- the user's own) take their dataset's shipped release, as the upgrade from
-- 0.2.0 gives them: the revision replaces the shipped figure of that release
-- (no second row beside it), the deleted row stays deleted, and the journal
-- holds each edit once, under the new key.
INSERT INTO holdings.user_edit (table_name, key, row_data, supersedes_shipped) VALUES
('position_vintage', '{AE,UST,2025-12-31,tic-mfhhis01}',
 '{"holder_id": "AE", "instrument": "UST", "as_of": "2025-12-31", "source_id": "tic-mfhhis01", "amount": "95700000000.00 USD", "shipped": false}', true),
('position_vintage', '{AU,UST,2025-12-31,tic-mfhhis01}', NULL, true),
('position_vintage', '{AE,UST,2019-12-31,tic-mfhhis01}',
 '{"holder_id": "AE", "instrument": "UST", "as_of": "2019-12-31", "source_id": "tic-mfhhis01", "amount": "12600000000.00 USD", "shipped": false}', false);
SELECT is((SELECT string_agg(v.amount::text || ' ' || v.shipped || ' ' || (v.release_id = d.id), ',' ORDER BY v.release_id)
             FROM holdings.position_vintage v LEFT JOIN holdings.data_release d ON d.shipped AND d.source_id = v.source_id
            WHERE v.holder_id = 'AE' AND v.instrument = 'UST' AND v.as_of = '2025-12-31' AND v.source_id = 'tic-mfhhis01'),
          '95700000000.00 USD false true',
          'a 0.2.0 journal''s revision of a vintage replaces the shipped figure of its dataset''s release, no row beside it');
SELECT is((SELECT count(*) FROM holdings.position_vintage
            WHERE holder_id = 'AU' AND instrument = 'UST' AND as_of = '2025-12-31' AND source_id = 'tic-mfhhis01'),
          0::bigint, 'a 0.2.0 journal''s deletion of a vintage deletes the shipped row of its dataset''s release');
SELECT is((SELECT v.amount::text || ' ' || (v.release_id = d.id)
             FROM holdings.position_vintage v JOIN holdings.data_release d ON d.shipped AND d.source_id = v.source_id
            WHERE v.holder_id = 'AE' AND v.instrument = 'UST' AND v.as_of = '2019-12-31' AND v.source_id = 'tic-mfhhis01'),
          '12600000000.00 USD true', 'a 0.2.0 journal''s own vintage row takes its dataset''s release');
SELECT is((SELECT string_agg(pg_catalog.cardinality(key)::text, ',') FROM holdings.user_edit WHERE table_name = 'position_vintage'),
          '5,5,5', 'the journal holds each of the three edits once, under the five-column key');
SELECT is((SELECT key[5] = d.id FROM holdings.user_edit e JOIN holdings.data_release d ON d.shipped AND d.source_id = 'tic-mfhhis01'
            WHERE e.table_name = 'position_vintage' AND e.key[1:4] = '{AU,UST,2025-12-31,tic-mfhhis01}'),
          true, 'the deletion mark names the release of the row it deleted');
SELECT is(holdings.lineage_replay_pending(), 0, 'lineage_replay_pending after the 0.2.0 journal: nothing left, no error');

-- The lineage triggers of the extension's tables stay on.
SELECT throws_ok($$ALTER TABLE holdings.position DISABLE TRIGGER ALL$$, '55000',
                 'the lineage triggers of holdings."position" must stay enabled (ENABLE ALWAYS)',
                 'DISABLE TRIGGER ALL on an extension table is refused');
SELECT throws_ok($$ALTER TABLE holdings.country ENABLE REPLICA TRIGGER lineage_record$$, '55000', NULL,
                 'ENABLE REPLICA TRIGGER lineage_record is refused');
SELECT is((SELECT string_agg(DISTINCT tgenabled::text, ',') FROM pg_trigger
            WHERE tgrelid = 'holdings.position'::regclass AND tgname LIKE 'lineage%'), 'A',
          'the triggers of holdings.position are still ENABLE ALWAYS');

-- A write in a replica session is journalled.
SET session_replication_role = replica;
UPDATE holdings.currency SET name = 'Japanese yen' WHERE code = 'JPY';
RESET session_replication_role;
SELECT is((SELECT row_data ->> 'name' FROM holdings.user_edit WHERE table_name = 'currency' AND key = '{JPY}'),
          'Japanese yen', 'a write in a session with session_replication_role = replica is journalled');

SELECT * FROM finish();
ROLLBACK;
