-- Two-step FX aggregates: levels_by_date states, rollup, and the final steps,
-- checked against the one-step aggregates on a small rate set of our own.
-- Rate set 'two_step' (units per USD): JPY 2024-01-31 100, 2024-02-29 125, 2024-03-31 160.
SET search_path = "$user", public, holdings;  -- as the README sets it (install.sql)
INSERT INTO source (id, publisher, title, url) VALUES
    ('two_step', 'holdings tests', 'hand-made rates', 'https://example.org/two_step');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id) VALUES
    ('two_step', 'JPY', '2024-01-31', 100, 'two_step'),
    ('two_step', 'JPY', '2024-02-29', 125, 'two_step'),
    ('two_step', 'JPY', '2024-03-31', 160, 'two_step');
SET holdings.rate_set = 'two_step';

CREATE TABLE book (holder text, as_of date, amount holding);
INSERT INTO book VALUES
    ('a', '2024-01-31', '100 USD'), ('a', '2024-01-31', '50 USD'),
    ('a', '2024-02-29', '120 USD'), ('a', '2024-03-31', '90 USD'),
    ('b', '2024-02-29', '10 USD'), ('b', '2024-03-31', '40 USD'), ('b', '2024-01-31', '0 USD');

-- The state: one level per date, rows of a date added up, dates ascending.
SELECT holder, levels_by_date(amount, as_of) FROM book GROUP BY holder ORDER BY holder;

-- Finished from the state, the answers of the one-step aggregates.
SELECT holder,
       net_foreign_selling(s) AS sold, net_foreign_selling(s, 'JPY') AS sold_jpy,
       fx_decompose(s, 'JPY') AS decomposition
  FROM (SELECT holder, levels_by_date(amount, as_of) AS s FROM book GROUP BY holder) t ORDER BY holder;
SELECT holder, net_foreign_selling(amount, as_of) AS sold,
       net_foreign_selling(amount, as_of, 'JPY') AS sold_jpy, fx_decompose(amount, as_of, 'JPY') AS decomposition
  FROM book GROUP BY holder ORDER BY holder;

-- Totals: rollup of per-holder states = the aggregate over all rows.
SELECT rollup(s), net_foreign_selling(rollup(s), 'JPY')
  FROM (SELECT holder, levels_by_date(amount, as_of) AS s FROM book GROUP BY holder) t;
SELECT levels_by_date(amount, as_of), net_foreign_selling(amount, as_of, 'JPY') FROM book;
SELECT rollup(s) FROM (VALUES (NULL::dated_levels)) AS t(s);
SELECT levels_by_date(amount, as_of) FROM book WHERE false;
SELECT levels_by_date(amount, as_of) FROM (VALUES (NULL::holding, NULL::date)) AS t(amount, as_of);

-- The state's text form is its whole value; binary round trip.
SELECT 'usd: 2024-01-31 = 1.5, 2024-02-29=-2'::dated_levels;
SELECT 'JPY:2024-01-31=10000000000000'::dated_levels;
CREATE TABLE states (s dated_levels);
INSERT INTO states SELECT levels_by_date(amount, as_of) FROM book GROUP BY holder;
\set VERBOSITY sqlstate
\copy states TO '/tmp/holdings_two_step.bin' (FORMAT binary)
CREATE TABLE states_copy (s dated_levels);
\copy states_copy FROM '/tmp/holdings_two_step.bin' (FORMAT binary)
SELECT count(*) AS round_tripped FROM states a JOIN states_copy b ON a.s::text = b.s::text;

-- Errors: 22P02 malformed text, 22U01 mixed currencies, 22U02 unknown report
-- currency, 22U03 no rate, 22003 out of range.
SELECT 'USD:'::dated_levels;
SELECT 'USD:2024-01-31=1,2024-01-31=2'::dated_levels;
SELECT 'USD:2024-02-30=1'::dated_levels;
SELECT 'ABC:2024-01-31=1'::dated_levels;
SELECT 'USD:2024-01-31=1e3'::dated_levels;
SELECT levels_by_date(v, d) FROM (VALUES ('1 USD'::holding, date '2024-01-31'), ('1 EUR', '2024-02-29')) t(v, d);
SELECT rollup(s) FROM (VALUES ('USD:2024-01-31=1'::dated_levels), ('EUR:2024-01-31=1')) t(s);
SELECT net_foreign_selling('USD:2024-01-31=1'::dated_levels, 'ABC');
SELECT net_foreign_selling('USD:2023-01-31=1,2024-01-31=2'::dated_levels, 'JPY');
SELECT net_foreign_selling('USD:2024-01-31=-1701411834604692317316873037158.84105727,2024-02-29=1'::dated_levels);
\set VERBOSITY default

-- Parallel: Partial Aggregate through the existing combine/serial/deserial steps, same answer.
CREATE TABLE many AS
SELECT 'h' || (g % 7) AS holder, date '2024-01-31' + (g % 40) AS as_of, holding(g, 'USD') AS amount
  FROM generate_series(1, 60000) g;
ANALYZE many;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT holder, levels_by_date(amount, as_of) FROM many GROUP BY holder;
CREATE TABLE parallel_answer AS
SELECT holder, levels_by_date(amount, as_of)::text AS s, rollup(levels_by_date(amount, as_of)) OVER ()::text AS total
  FROM many GROUP BY holder;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) AS same_as_serial FROM parallel_answer p
  JOIN (SELECT holder, levels_by_date(amount, as_of)::text AS s FROM many GROUP BY holder) q USING (holder, s)
 WHERE p.total = (SELECT levels_by_date(amount, as_of)::text FROM many);
RESET ALL;
SET search_path = "$user", public, holdings;
DROP TABLE book, states, states_copy, many, parallel_answer;
DELETE FROM fx_rate WHERE rate_set = 'two_step';
DELETE FROM source WHERE id = 'two_step';
\! rm -f /tmp/holdings_two_step.bin
