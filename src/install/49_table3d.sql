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

-- Loader: all or nothing, through the one write path (load_begin ->
-- load_check -> load_merge; 44_data_release.sql), reports every row written
-- or kept (dry_run: reports only). Holdings go to position_vintage under
-- source_id, never to position; bills flows (the change in short-term
-- holdings from the month before, both months printed; series
-- tic-bills-change, no valuation reported) go to transaction only for keys
-- that no other source has and months whose bill holdings position does not
-- give (a newer table's bills flow, or one implied by position's own bill
-- levels, is kept).
CREATE FUNCTION @extschema@.load_tic_table3d(document text, source_id text, dry_run boolean DEFAULT false,
                                             vintage date DEFAULT NULL, url text DEFAULT NULL, file_name text DEFAULT NULL)
    RETURNS TABLE (action text, table_name text, key text[], old_value jsonb, new_value jsonb)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    r @extschema@.load_release := @extschema@.load_begin(load_tic_table3d.source_id, document, load_tic_table3d.vintage,
                                                          load_tic_table3d.url, load_tic_table3d.file_name, dry_run);
BEGIN
    CREATE TEMPORARY TABLE holdings_load_table3d ON COMMIT DROP AS
    SELECT p.line, p.label, l.holder_id, p.as_of, p.holdings, p.long_term_holdings, p.short_term_holdings
      FROM @extschema@.parse_tic_table3d(document) p
      LEFT JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
    PERFORM @extschema@.load_check('TIC Table 3D document', 'holdings_load_table3d', '{holder_id,as_of}', 'holder_id');
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.position_vintage',
        '{holder_id,instrument,as_of,source_id,amount}',
        'SELECT t.holder_id, i.instrument, t.as_of, $1, @extschema@.holding(i.mn * 1000000, ''USD'')
           FROM holdings_load_table3d t
          CROSS JOIN LATERAL @extschema@.tic_maturity_split(t.holdings, t.long_term_holdings, t.short_term_holdings) AS i', r);
    RETURN QUERY SELECT * FROM @extschema@.load_stage_merge('@extschema@.transaction',
        '{holder_id,instrument,as_of,net_purchases,series,source_id}',
        'SELECT c.holder_id, ''UST-BILLS'', c.as_of, @extschema@.holding(c.bills_change * 1000000, ''USD''), ''tic-bills-change'', $1
           FROM (SELECT t.holder_id, t.as_of,
                        CASE WHEN lag(t.as_of) OVER w = t.as_of - date_part(''day'', t.as_of)::integer
                             THEN t.short_term_holdings - lag(t.short_term_holdings) OVER w END AS bills_change
                   FROM holdings_load_table3d t
                 WINDOW w AS (PARTITION BY t.holder_id ORDER BY t.as_of)) c
          WHERE c.bills_change IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM @extschema@.transaction x
                             WHERE x.holder_id = c.holder_id AND x.instrument = ''UST-BILLS''
                               AND x.as_of = c.as_of AND x.source_id <> $1)
            AND NOT EXISTS (SELECT 1 FROM @extschema@.position b
                             WHERE b.holder_id = c.holder_id AND b.instrument = ''UST-BILLS'' AND b.as_of = c.as_of)', r);
    DROP TABLE holdings_load_table3d;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_table3d(text, text, boolean, date, text, text) IS
    'Loads TIC Table 3D (slt3d_globl.csv): holdings by maturity into position_vintage (never position) and bills flows into transaction for the months no other source covers, all or nothing, never over a newer release''s figures; returns every row written or kept (dry_run: reports without writing)';
