-- Index order equals sort order; hash, merge and nested-loop joins agree.
BEGIN;
SELECT plan(8);
SET search_path = public, holdings;

SELECT setseed(0.17);
CREATE TABLE mixed AS
SELECT g AS id, holding(round((random() - 0.5)::numeric * 10::numeric ^ (g % 12), g % 5),
                        (ARRAY['USD','JPY','EUR','GBP','CHF'])[1 + (g * 7) % 5]) AS h
  FROM generate_series(1, 100000) g;
CREATE INDEX mixed_h ON mixed (h);
ANALYZE mixed;

-- Sequential scan + sort.
SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off;
CREATE TEMP TABLE by_sort AS SELECT row_number() OVER () AS n, h FROM (SELECT h FROM mixed ORDER BY h) s;
RESET enable_indexscan; RESET enable_indexonlyscan; RESET enable_bitmapscan;
-- Index scan.
SET enable_seqscan = off; SET enable_sort = off;
SELECT matches(plan_of('SELECT h FROM mixed ORDER BY h'), 'Index Only Scan|Index Scan',
               'ORDER BY h can read the btree index');
CREATE TEMP TABLE by_index AS SELECT row_number() OVER () AS n, h FROM (SELECT h FROM mixed ORDER BY h) s;
RESET enable_seqscan; RESET enable_sort;
SELECT is((SELECT count(*) FROM by_sort s JOIN by_index i USING (n) WHERE s.h <> i.h OR s.h::text <> i.h::text),
          0::bigint, 'index order equals the sort order of a sequential scan (100,000 rows)');

-- The same self-join three ways.
CREATE TEMP TABLE other AS SELECT id, h FROM mixed WHERE id % 50 = 0;
ANALYZE other;
CREATE FUNCTION pg_temp.join_with(hash boolean, merge boolean, loop boolean)
RETURNS TABLE (a int, b int) LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SET LOCAL enable_hashjoin = %s; SET LOCAL enable_mergejoin = %s; SET LOCAL enable_nestloop = %s',
                   hash, merge, loop);
    RETURN QUERY SELECT m.id, o.id FROM mixed m JOIN other o ON m.h = o.h;
END $$;

SET enable_mergejoin = off; SET enable_nestloop = off;
SELECT matches(plan_of('SELECT m.id FROM mixed m JOIN other o ON m.h = o.h'), 'Hash Join', 'hash join is used');
RESET enable_mergejoin; RESET enable_nestloop; SET enable_hashjoin = off; SET enable_nestloop = off;
SELECT matches(plan_of('SELECT m.id FROM mixed m JOIN other o ON m.h = o.h'), 'Merge Join', 'merge join is used');
RESET enable_nestloop; SET enable_hashjoin = off; SET enable_mergejoin = off;
SELECT matches(plan_of('SELECT m.id FROM mixed m JOIN other o ON m.h = o.h'), 'Nested Loop', 'nested loop is used');
RESET enable_hashjoin; RESET enable_mergejoin;

CREATE TEMP TABLE hash_rows AS SELECT * FROM pg_temp.join_with(true, false, false);
CREATE TEMP TABLE merge_rows AS SELECT * FROM pg_temp.join_with(false, true, false);
CREATE TEMP TABLE loop_rows AS SELECT * FROM pg_temp.join_with(false, false, true);
SELECT is((SELECT count(DISTINCT b) FROM hash_rows), 2000::bigint, 'every row of other finds at least itself');
SELECT set_eq('SELECT * FROM hash_rows', 'SELECT * FROM merge_rows', 'hash join and merge join give the same rows');
SELECT set_eq('SELECT * FROM hash_rows', 'SELECT * FROM loop_rows', 'hash join and nested loop give the same rows');

SELECT * FROM finish();
ROLLBACK;
