-- Journal rows forged under 0.2.0 (issue 18, case 2; the security review's
-- finding 3) do not survive the upgrade into the live tables: the upgrade
-- keeps the rows its tables show and sets the rest aside, with a WARNING.
\set VERBOSITY terse
\set SHOW_CONTEXT never
CREATE DATABASE holdings_security_upgrade;
\c holdings_security_upgrade postgres
SET client_min_messages = warning;
CREATE EXTENSION holdings VERSION '0.2.0';
RESET client_min_messages;
GRANT USAGE ON SCHEMA holdings TO sec_eve;
-- A user's real edit, which must survive.
UPDATE holdings.position SET amount = '1185516 million USD'
 WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31';
-- The user's edits of position_vintage, journaled under 0.2.0's key (holder,
-- instrument, as_of, source): 0.3.0's key adds the release (one vintage per
-- key, dataset and release); the upgrade gives them their dataset's release.
UPDATE holdings.position_vintage SET amount = '95.7 bn USD'
 WHERE holder_id = 'AE' AND instrument = 'UST' AND as_of = '2025-12-31' AND source_id = 'tic-mfhhis01';
DELETE FROM holdings.position_vintage
 WHERE holder_id = 'AU' AND instrument = 'UST' AND as_of = '2025-12-31' AND source_id = 'tic-mfhhis01';
\c - sec_eve
-- What 0.2.0 allowed: a temporary table named position, 0.2.0's trigger on it.
CREATE TEMP TABLE position (holder_id text, instrument text, as_of date, amount text, basis text,
                            source_id text, shipped boolean NOT NULL DEFAULT false,
                            PRIMARY KEY (holder_id, instrument, as_of));
CREATE TRIGGER r AFTER INSERT OR DELETE ON pg_temp.position FOR EACH ROW EXECUTE FUNCTION holdings.lineage_record();
INSERT INTO pg_temp.position VALUES ('CN', 'UST', '2025-12-31', '1.00 USD', 'market', 'tic-slt-table3');
-- and a deletion mark for the United Kingdom's figure.
INSERT INTO pg_temp.position VALUES ('GB', 'UST', '2025-12-31', '1.00 USD', 'market', 'tic-slt-table3', true);
DELETE FROM pg_temp.position WHERE holder_id = 'GB';
\c - postgres
SELECT table_name, key, row_data ->> 'amount' AS amount FROM holdings.user_edit ORDER BY 1, 2;
ALTER EXTENSION holdings UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'holdings';
SELECT table_name, key, row_data ->> 'amount' AS amount, reason FROM holdings.user_edit_quarantine ORDER BY 1, 2;
SELECT table_name, key, row_data ->> 'amount' AS amount FROM holdings.user_edit ORDER BY 1, 2;
-- Nothing replays the quarantine: the figures stay as published.
SELECT holdings.lineage_replay_pending() AS replayed;
SELECT holder_id, amount FROM holdings.position
 WHERE instrument = 'UST' AND as_of = '2025-12-31' AND holder_id IN ('CN', 'GB', 'JP') ORDER BY 1;
SELECT holder_id, source_id, release_id, amount, shipped FROM holdings.position_vintage
 WHERE instrument = 'UST' AND as_of = '2025-12-31' AND holder_id IN ('AE', 'AU') ORDER BY 1, 2, 3;
\c holdings_security postgres
DROP DATABASE holdings_security_upgrade;
