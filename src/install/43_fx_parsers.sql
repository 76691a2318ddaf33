-- Parsers of the two exchange-rate files the extension ships
-- (src/core/fx_documents.cpp): the Federal Reserve H.10/G.5 monthly averages
-- (datasets/exchange-rates layout) and the ECB euro reference rates
-- (eurofxref-hist.csv). One row per printed rate, as printed. Errors: 22P02
-- naming the line, for any line the format does not allow, a line longer than
-- 1 MiB, and a document that does not end as a complete one does (the newline
-- of its last line; ECB lines with the header's number of cells and a USD
-- rate). Their loaders are in 47_loaders.sql.

CREATE FUNCTION @extschema@.parse_fed_h10_monthly(document text,
        OUT line integer, OUT label text, OUT as_of date, OUT per_usd numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_fed_h10_monthly' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20000;
COMMENT ON FUNCTION @extschema@.parse_fed_h10_monthly(text) IS
    'Parses the Federal Reserve H.10/G.5 monthly averages (Date,Country,Exchange rate; units per USD): one row per figure, dated the last day of the month';

CREATE FUNCTION @extschema@.parse_ecb_eurofxref(document text,
        OUT line integer, OUT as_of date, OUT currency text, OUT per_eur numeric)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_ecb_eurofxref' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 250000;
COMMENT ON FUNCTION @extschema@.parse_ecb_eurofxref(text) IS
    'Parses the ECB euro reference rates history (eurofxref-hist.csv; units per EUR): one row per day and currency; N/A and empty cells are skipped';
