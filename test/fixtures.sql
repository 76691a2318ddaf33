-- Fixtures shared by the pgTAP suites (`make prove` installs them once in the
-- test database) and the stress suite (test/stress/setup.sql includes this
-- file): plain-SQL helpers that the tests compare the extension against.
-- Functions in schema public, so a test's search_path finds them.

-- The text of a query's plan (EXPLAIN, no costs), to match node names against.
CREATE FUNCTION public.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

-- Half-to-even rounding of x * to_rate / from_rate at 8 digits, in exact
-- integer arithmetic (numeric division alone keeps too few digits).
CREATE FUNCTION public.convert_exact(x numeric, to_rate numeric, from_rate numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT (q + CASE WHEN 2 * abs(r) > from_rate OR (2 * abs(r) = from_rate AND mod(q, 2) <> 0)
                     THEN sign(y) ELSE 0 END) / 100000000
      FROM (SELECT y, div(y, from_rate) AS q, y - div(y, from_rate) * from_rate AS r
              FROM (SELECT x * to_rate * 100000000 AS y) a) b
$$;

-- The latest rate (units per USD) on or before a date, as the plain-SQL way
-- looks it up; 1 for USD.
CREATE FUNCTION public.rate_of(set_name text, ccy text, d date) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN ccy = 'USD' THEN 1 ELSE
        (SELECT per_usd FROM holdings.fx_rate r
          WHERE r.rate_set = set_name AND r.currency = ccy AND r.as_of <= d
          ORDER BY r.as_of DESC LIMIT 1) END
$$;
