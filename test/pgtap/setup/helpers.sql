-- Helpers shared by the pgTAP suites, installed once in the test database
-- (scripts/test) before pg_prove runs them.

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
