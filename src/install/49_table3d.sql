-- TIC Table 3D (slt3d_globl.csv, issue 20): the frozen 2011-09 .. 2023-01
-- history of foreign holdings of Treasuries by country, total, long-term and
-- short-term (millions). Holdings only; what it adds is the short-term split,
-- hence bills flows (the change in bill holdings, as Table 3's footnote 2
-- defines them) for the months no newer table covers (2011-10 .. 2020-01).
-- Its figures are an older vintage than position's: they go to
-- position_vintage under their own source, never over position (its loader,
-- load_tic_table3d, is in 47_loaders.sql).

-- Parser (src/core/tic_table3d.cpp): one row per printed country and month.
CREATE FUNCTION @extschema@.parse_tic_table3d(document text,
        OUT line integer, OUT label text, OUT country_code text, OUT as_of date,
        OUT holdings numeric, OUT long_term_holdings numeric, OUT short_term_holdings numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_table3d' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 17000;
COMMENT ON FUNCTION @extschema@.parse_tic_table3d(text) IS
    'Parses TIC Table 3D (slt3d_globl.csv): one row per country and month, holdings of Treasuries total, long-term and short-term, millions of USD; null where printed n.a.; 22P02 naming the line';
