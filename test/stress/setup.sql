-- Concurrency under load (scripts/test-stress): a rate set 'stress' of 4
-- currencies x 60 month ends that 2 writer clients keep changing, positions of
-- 40 holders, and the check every reader transaction runs: the extension's
-- answers against plain SQL evaluated in the same statement (same snapshot).
-- A mismatch is recorded in stress_mismatch; the run passes with none.
SET search_path = public, holdings;
ALTER DATABASE holdings_stress SET search_path = public, holdings;
ALTER DATABASE holdings_stress SET holdings.rate_set = 'stress';
INSERT INTO source (id, publisher, title, url) VALUES ('stress', 'holdings tests', 'stress rates', 'https://example.org/stress');
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id)
SELECT 'stress', c, (date_trunc('month', date '2020-01-01' + m * interval '1 month') + interval '1 month - 1 day')::date,
       round((50 + random() * 150)::numeric, 4), 'stress'
  FROM unnest(ARRAY['JPY', 'EUR', 'GBP', 'CHF']) AS c, generate_series(0, 59) AS m;
-- The same rates times 1.0001: the negative control (the check must catch it).
INSERT INTO fx_rate (rate_set, currency, as_of, per_usd, source_id)
SELECT 'stress-wrong', currency, as_of, per_usd * 1.0001, 'stress' FROM fx_rate WHERE rate_set = 'stress';

CREATE TABLE stress_pos AS
SELECT h AS holder, (ARRAY['JPY', 'EUR', 'GBP', 'CHF'])[1 + h % 4] AS ccy,
       (date_trunc('month', date '2020-01-01' + floor(random() * 60) * interval '1 month') + interval '1 month - 1 day')::date AS as_of,
       round((random() * 1e6)::numeric, 2) AS amount_n
  FROM generate_series(1, 40) h, generate_series(1, 25) i;
ALTER TABLE stress_pos ADD COLUMN amount holding;
UPDATE stress_pos SET amount = holding(amount_n, ccy);
CREATE INDEX ON stress_pos (holder);
ANALYZE stress_pos;

CREATE TABLE stress_mismatch (at timestamptz DEFAULT clock_timestamp(), holder int, what text, ext text, plain text);

-- convert_exact and rate_of, shared with the pgTAP suites.
\ir ../fixtures.sql

-- The mismatches of one holder: fx_convert row by row, and the FX aggregates
-- (fx_decompose's start and end values and flow effect, net_foreign_selling
-- in USD), each against plain SQL. One statement: one snapshot for both sides.
CREATE FUNCTION stress_check(h int, plain_set text DEFAULT NULL) RETURNS TABLE (holder int, what text, ext text, plain text)
LANGUAGE sql STABLE AS $$
    WITH s AS (SELECT coalesce(plain_set, current_setting('holdings.rate_set')) AS set_name),
    rows AS (
        SELECT p.holder, 'fx_convert ' || p.ccy || ' ' || p.as_of AS what,
               amount(fx_convert(p.amount, 'USD', p.as_of)) AS ext,
               convert_exact(p.amount_n, 1, rate_of(s.set_name, p.ccy, p.as_of)) AS plain
          FROM stress_pos p, s WHERE p.holder = h
    ), levels AS (
        SELECT p.as_of, p.ccy, sum(p.amount_n) AS level FROM stress_pos p WHERE p.holder = h GROUP BY 1, 2
    ), changes AS (
        SELECT l.*, l.level - lag(l.level) OVER (ORDER BY l.as_of) AS change,
               rate_of(s.set_name, l.ccy, l.as_of) AS from_rate,
               row_number() OVER (ORDER BY l.as_of) AS n, count(*) OVER () AS dates
          FROM levels l, s
    ), plain_agg AS (
        SELECT coalesce(sum(convert_exact(change, 1, from_rate)), 0) AS flow,
               sum(convert_exact(level, 1, from_rate)) FILTER (WHERE n = 1) AS start_value,
               sum(convert_exact(level, 1, from_rate)) FILTER (WHERE n = dates) AS end_value
          FROM changes
    ), ext_agg AS (
        SELECT fx_decompose(p.amount, p.as_of, 'USD') AS d,
               net_foreign_selling(p.amount, p.as_of, 'USD') AS net_fx
          FROM stress_pos p WHERE p.holder = h
    )
    SELECT h, what, ext::text, plain::text FROM rows WHERE ext IS DISTINCT FROM plain
    UNION ALL
    SELECT h, 'aggregates', row(amount((d).start_value), amount((d).end_value), amount((d).flow_effect), amount(net_fx))::text,
           row(start_value, end_value, flow, -flow)::text
      FROM ext_agg, plain_agg
     WHERE amount((d).start_value) IS DISTINCT FROM start_value OR amount((d).end_value) IS DISTINCT FROM end_value
        OR amount((d).flow_effect) IS DISTINCT FROM flow OR amount(net_fx) IS DISTINCT FROM -flow
$$;

