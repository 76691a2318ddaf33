-- Transactions, other dated series and vintages (issue 15, "Did they sell?").
-- The foreign keys are added after the data (90_constraints.sql), like those of
-- position. Every table ends with "shipped" (lineage rules, 05_lineage.sql).

-- Net purchases by holder, instrument and month: TIC Form S (long-term, to
-- 2023-01), TIC Table 3 (long-term net U.S. sales and valuation change, from
-- 2023-02), and bills (the change in bill holdings, Table 3 footnote 2).
CREATE TABLE @extschema@.transaction (
    holder_id text NOT NULL,
    instrument text NOT NULL CHECK (instrument IN ('UST-NOTES-BONDS', 'UST-BILLS')),
    as_of date NOT NULL,
    net_purchases @extschema@.holding NOT NULL,
    gross_purchases @extschema@.holding,
    gross_sales @extschema@.holding,
    valuation_change @extschema@.holding,
    series text NOT NULL CHECK (series IN ('tic-form-s', 'tic-slt', 'tic-bills-change')),
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (holder_id, instrument, as_of),
    CHECK (pg_catalog.date_part('day', as_of + 1) = 1)
);
CREATE INDEX transaction_as_of_idx ON @extschema@.transaction (as_of);
COMMENT ON TABLE @extschema@.transaction IS
    'Net purchases of US Treasury securities by holder, instrument and month (positive = the holder bought): TIC Form S to 2023-01, TIC Table 3 from 2023-02, bills as the change in bill holdings';
COMMENT ON COLUMN @extschema@.transaction.holder_id IS 'Holder (as in position; the country of the counterparty or custodian, not of the owner)';
COMMENT ON COLUMN @extschema@.transaction.instrument IS 'UST-NOTES-BONDS (long-term, marketable bonds and notes) or UST-BILLS';
COMMENT ON COLUMN @extschema@.transaction.as_of IS 'Last day of the month (like position.as_of)';
COMMENT ON COLUMN @extschema@.transaction.net_purchases IS 'Net purchases by the holder in the month, USD (Form S: gross purchases - gross sales; Table 3: net U.S. sales; bills: change in holdings)';
COMMENT ON COLUMN @extschema@.transaction.gross_purchases IS 'Gross purchases by the holder from US residents (Form S column [1]); null where not reported';
COMMENT ON COLUMN @extschema@.transaction.gross_sales IS 'Gross sales by the holder to US residents (Form S column [7]); null where not reported';
COMMENT ON COLUMN @extschema@.transaction.valuation_change IS 'Valuation change reported with the flow (Table 3 long-term from 2023-02); null where not reported, as for every bills row (bills flows are changes in holdings: TIC reports no valuation for them)';
COMMENT ON COLUMN @extschema@.transaction.series IS 'tic-form-s, tic-slt or tic-bills-change: a change of series between two months is a basis break';
COMMENT ON COLUMN @extschema@.transaction.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.transaction.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.transaction.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

-- Every figure a shipped file prints for a key of position that is not the one
-- shipped there: older vintages (mfhhis01's 2025 months, revised by Table 5
-- and Table 3) and the same vintage printed with less precision (Table 5 is
-- Table 3 in billions). One row per key, dataset and release: every release's
-- figure is kept (release_id '' for a row written by hand, one per key and
-- dataset; see figure_vintage, 44_data_release.sql). Who wants one vintage per
-- key and dataset takes the newest release's (long_term_base, 63_price_effect.sql).
CREATE TABLE @extschema@.position_vintage (
    holder_id text NOT NULL,
    instrument text NOT NULL,
    as_of date NOT NULL,
    source_id text NOT NULL,
    amount @extschema@.holding NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text NOT NULL DEFAULT '',
    PRIMARY KEY (holder_id, instrument, as_of, source_id, release_id)
);
COMMENT ON TABLE @extschema@.position_vintage IS
    'Figures for a key of position that position does not ship: older vintages and less precise printings of the same figure, per source and release';
COMMENT ON COLUMN @extschema@.position_vintage.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.position_vintage.instrument IS 'Instrument, as in position';
COMMENT ON COLUMN @extschema@.position_vintage.as_of IS 'End of the period, as in position';
COMMENT ON COLUMN @extschema@.position_vintage.source_id IS 'The file (vintage) that printed the figure';
COMMENT ON COLUMN @extschema@.position_vintage.amount IS 'The figure as that file printed it';
COMMENT ON COLUMN @extschema@.position_vintage.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.position_vintage.release_id IS 'The data release (holdings.data_release.id) the figure comes from; '''' for a row written by hand (part of the primary key: one row per key, dataset and release)';

-- Weekly custody holdings at the New York Fed (H.4.1).
CREATE TABLE @extschema@.custody_holding (
    series text NOT NULL,
    as_of date NOT NULL,
    amount @extschema@.holding NOT NULL,
    basis text NOT NULL DEFAULT 'face' CHECK (basis IN ('market', 'face', 'book')),
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (series, as_of)
);
COMMENT ON TABLE @extschema@.custody_holding IS
    'Treasury securities held in custody at the New York Fed for foreign official and international accounts, weekly (Wednesday) levels: the near-real-time signal, no country split';
COMMENT ON COLUMN @extschema@.custody_holding.series IS 'FRED series id (WMTSECL1)';
COMMENT ON COLUMN @extschema@.custody_holding.as_of IS 'The Wednesday of the level';
COMMENT ON COLUMN @extschema@.custody_holding.amount IS 'Holdings, USD (printed in millions); weeks printed as 0 before 2007-07 (not reported) are not shipped';
COMMENT ON COLUMN @extschema@.custody_holding.basis IS 'Valuation basis: face for H.4.1';
COMMENT ON COLUMN @extschema@.custody_holding.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.custody_holding.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.custody_holding.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

-- Daily constant-maturity Treasury yields (H.15).
CREATE TABLE @extschema@.treasury_yield (
    series text NOT NULL,
    as_of date NOT NULL,
    maturity_months integer NOT NULL CHECK (maturity_months > 0),
    yield_percent numeric NOT NULL,
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (series, as_of)
);
COMMENT ON TABLE @extschema@.treasury_yield IS
    'Market yields on US Treasury securities at constant maturity, daily (Federal Reserve H.15 via FRED); days without a value are not stored';
COMMENT ON COLUMN @extschema@.treasury_yield.series IS 'FRED series id: DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS5, DGS7, DGS10, DGS20, DGS30';
COMMENT ON COLUMN @extschema@.treasury_yield.as_of IS 'Business day';
COMMENT ON COLUMN @extschema@.treasury_yield.maturity_months IS 'Constant maturity in months (1 .. 360)';
COMMENT ON COLUMN @extschema@.treasury_yield.yield_percent IS 'Yield, percent per annum, as printed';
COMMENT ON COLUMN @extschema@.treasury_yield.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.treasury_yield.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.treasury_yield.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

-- Parsers of the official files (src/core/tic_flows.cpp): one row per printed
-- row or figure, amounts as printed (millions or billions of USD, percent).
-- Errors: 22P02 naming the line, for any line the format does not allow, a
-- line longer than 1 MiB, and a document that does not end as a complete one
-- does (Tables 3 and 5: the "Notes:" line; Form S and FRED: the newline of the
-- last line, after a data line).
CREATE FUNCTION @extschema@.parse_tic_form_s(document text,
        OUT line integer, OUT label text, OUT country_code text, OUT as_of date,
        OUT treasury_purchases numeric, OUT agency_purchases numeric, OUT corporate_bond_purchases numeric,
        OUT corporate_stock_purchases numeric, OUT foreign_bond_purchases numeric, OUT foreign_stock_purchases numeric,
        OUT treasury_sales numeric, OUT agency_sales numeric, OUT corporate_bond_sales numeric,
        OUT corporate_stock_sales numeric, OUT foreign_bond_sales numeric, OUT foreign_stock_sales numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_form_s' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 45000;
COMMENT ON FUNCTION @extschema@.parse_tic_form_s(text) IS
    'Parses TIC Form S (s1_globl.txt): one row per country and month, gross purchases by foreigners from US residents (columns [1]..[6]) and gross sales to them ([7]..[12]), millions of USD';

CREATE FUNCTION @extschema@.parse_tic_slt_table3(document text,
        OUT line integer, OUT label text, OUT country_code text, OUT as_of date,
        OUT holdings numeric, OUT net_purchases numeric,
        OUT long_term_holdings numeric, OUT long_term_net_purchases numeric, OUT long_term_valuation_change numeric,
        OUT short_term_holdings numeric, OUT short_term_net_purchases numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_slt_table3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8000;
COMMENT ON FUNCTION @extschema@.parse_tic_slt_table3(text) IS
    'Parses TIC Table 3 (slt_table3.txt): one row per country and month, holdings and net U.S. sales (= net purchases by the holder) of Treasuries, total, long-term (with valuation change) and short-term, millions of USD; null where printed n.a.';

CREATE FUNCTION @extschema@.parse_tic_slt_table5(document text,
        OUT line integer, OUT label text, OUT as_of date, OUT usd_bn numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_slt_table5' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 400;
COMMENT ON FUNCTION @extschema@.parse_tic_slt_table5(text) IS
    'Parses TIC Table 5 (slt_table5.txt, Major Foreign Holders): one row per printed figure, billions of USD';

CREATE FUNCTION @extschema@.parse_fred_csv(document text,
        OUT line integer, OUT series text, OUT as_of date, OUT value numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_fred_csv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10000;
COMMENT ON FUNCTION @extschema@.parse_fred_csv(text) IS
    'Parses a FRED series export (fredgraph.csv: observation_date,SERIES): one row per date; value null where FRED prints no value (holidays)';
