-- A reader in REPEATABLE READ: two checks a moment apart on one snapshot,
-- while the writers commit in between.
\set h random(1, 40)
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO stress_mismatch (holder, what, ext, plain) SELECT * FROM stress_check(:h);
SELECT pg_sleep(0.005);
INSERT INTO stress_mismatch (holder, what, ext, plain) SELECT * FROM stress_check(1 + :h % 40);
COMMIT;
