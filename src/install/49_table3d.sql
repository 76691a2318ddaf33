-- TIC Table 3D (slt3d_globl.csv, issue 20): the frozen 2011-09 .. 2023-01
-- history of foreign holdings of Treasuries by country, total, long-term and
-- short-term (millions). Holdings only; what it adds is the short-term split,
-- hence bills flows (the change in bill holdings, as Table 3's footnote 2
-- defines them) for the months no newer table covers (2011-10 .. 2020-01).
-- Its figures are an older vintage than position's: they go to
-- position_vintage under their own source, never over position.

-- Parser (src/core/tic_table3d.cpp): one row per printed country and month.
CREATE FUNCTION @extschema@.parse_tic_table3d(document text,
        OUT line integer, OUT label text, OUT country_code text, OUT as_of date,
        OUT holdings numeric, OUT long_term_holdings numeric, OUT short_term_holdings numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_table3d' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 17000;
COMMENT ON FUNCTION @extschema@.parse_tic_table3d(text) IS
    'Parses TIC Table 3D (slt3d_globl.csv): one row per country and month, holdings of Treasuries total, long-term and short-term, millions of USD; null where printed n.a.; 22P02 naming the line';

-- The rows a Table 3D document gives, mapped to holders: its figures for
-- position_vintage, and its bills flows (the change in short-term holdings
-- from the month before, both months printed) for transaction. Unknown labels
-- and repeated keys: 22P02 naming the line. Shared by the loader and the
-- install's data section, so both read a document the same way.
CREATE FUNCTION @extschema@.table3d_rows(document text,
        OUT line integer, OUT holder_id text, OUT as_of date,
        OUT holdings numeric, OUT long_term_holdings numeric, OUT short_term_holdings numeric,
        OUT bills_change numeric)
    RETURNS SETOF record
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    parsed jsonb;
BEGIN
    SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('line', p.line, 'label', p.label,
               'holder_id', l.holder_id, 'instrument', 'UST', 'as_of', p.as_of, 'holdings', p.holdings,
               'long_term_holdings', p.long_term_holdings, 'short_term_holdings', p.short_term_holdings))
      INTO parsed
      FROM @extschema@.parse_tic_table3d(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.check_tic_rows('TIC Table 3D document', parsed);
    RETURN QUERY
    SELECT r.line, r.holder_id, r.as_of, r.holdings, r.long_term_holdings, r.short_term_holdings,
           CASE WHEN pg_catalog.lag(r.as_of) OVER w = r.as_of - pg_catalog.date_part('day', r.as_of)::integer
                THEN r.short_term_holdings - pg_catalog.lag(r.short_term_holdings) OVER w END
      FROM pg_catalog.jsonb_to_recordset(parsed) AS r (line integer, holder_id text, as_of date, holdings numeric,
                                                       long_term_holdings numeric, short_term_holdings numeric)
    WINDOW w AS (PARTITION BY r.holder_id ORDER BY r.as_of)
     ORDER BY r.line;
END
$fn$;
COMMENT ON FUNCTION @extschema@.table3d_rows(text) IS
    'A TIC Table 3D document''s rows mapped to holders, with the bills flow of each month (change in short-term holdings from the month before); 22P02 for unknown labels or repeated keys';

-- Loader: all or nothing, reports every change (dry_run: reports only).
-- Holdings go to position_vintage under source_id; bills flows go to
-- transaction (series tic-bills-change, no valuation reported) only for keys
-- that no other source has and months whose bill holdings position does not
-- give (a newer table's bills flow, or one implied by position's own bill
-- levels, is kept).
CREATE FUNCTION @extschema@.load_tic_table3d(document text, source_id text, dry_run boolean DEFAULT false)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    vintages regclass;
    flows regclass;
BEGIN
    PERFORM @extschema@.check_source(load_tic_table3d.source_id);
    CREATE TEMPORARY TABLE holdings_load_table3d ON COMMIT DROP AS
    SELECT * FROM @extschema@.table3d_rows(document);
    vintages := @extschema@.load_staging('@extschema@.position_vintage', 'holdings_load_vintage');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, source_id, amount)
                    SELECT t.holder_id, i.instrument, t.as_of, $1, @extschema@.holding(i.mn * 1000000, ''USD'')
                      FROM holdings_load_table3d t
                     CROSS JOIN LATERAL (VALUES (''UST'', t.holdings), (''UST-NOTES-BONDS'', t.long_term_holdings),
                                                (''UST-BILLS'', t.short_term_holdings)) AS i (instrument, mn)
                     WHERE i.mn IS NOT NULL', vintages) USING load_tic_table3d.source_id;
    flows := @extschema@.load_staging('@extschema@.transaction', 'holdings_load_transaction');
    EXECUTE format('INSERT INTO %s (holder_id, instrument, as_of, net_purchases, series, source_id)
                    SELECT t.holder_id, ''UST-BILLS'', t.as_of, @extschema@.holding(t.bills_change * 1000000, ''USD''),
                           ''tic-bills-change'', $1
                      FROM holdings_load_table3d t
                     WHERE t.bills_change IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM @extschema@.transaction x
                                        WHERE x.holder_id = t.holder_id AND x.instrument = ''UST-BILLS''
                                          AND x.as_of = t.as_of AND x.source_id <> $1)
                       AND NOT EXISTS (SELECT 1 FROM @extschema@.position b
                                        WHERE b.holder_id = t.holder_id AND b.instrument = ''UST-BILLS''
                                          AND b.as_of = t.as_of)', flows)
        USING load_tic_table3d.source_id;
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.position_vintage', vintages, dry_run);
    RETURN QUERY SELECT * FROM @extschema@.load_apply('@extschema@.transaction', flows, dry_run);
    DROP TABLE holdings_load_table3d;
    EXECUTE format('DROP TABLE %s, %s', vintages, flows);
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_table3d(text, text, boolean) IS
    'Loads TIC Table 3D (slt3d_globl.csv): holdings by maturity into position_vintage and bills flows into transaction for the months no other source covers, all or nothing; returns every change (dry_run: reports without writing)';

-- Loading is for the extension's owner and whom they grant it to (it writes
-- position_vintage and transaction; parsing a large document costs memory).
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_table3d(text, text, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.table3d_rows(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_table3d(text) FROM PUBLIC;
