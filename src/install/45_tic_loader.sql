-- Loading TIC "Major Foreign Holders" releases.

CREATE TABLE @extschema@.tic_label (
    label text PRIMARY KEY,
    holder_id text NOT NULL REFERENCES @extschema@.holder (id),
    instrument text NOT NULL DEFAULT 'UST',
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.tic_label IS
    'How a row label of the TIC table maps to a holder and instrument; add a row when a release prints a new label';
COMMENT ON COLUMN @extschema@.tic_label.label IS 'Row label as printed, without quotes and footnote markers';
COMMENT ON COLUMN @extschema@.tic_label.holder_id IS 'The holder the row is about';
COMMENT ON COLUMN @extschema@.tic_label.instrument IS 'UST, or UST-BILLS / UST-NOTES-BONDS for the Foreign Official split';
COMMENT ON COLUMN @extschema@.tic_label.shipped IS 'True for rows installed by the extension';

-- The parser: every figure of a document in the mfhhis01 layout.
CREATE FUNCTION @extschema@.parse_tic_mfh(document text,
        OUT line integer, OUT label text, OUT as_of date, OUT usd_bn numeric, OUT official boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_parse_tic_mfh' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16000;
COMMENT ON FUNCTION @extschema@.parse_tic_mfh(text) IS
    'Parses a TIC Major Foreign Holders document (mfhhis01 layout): one row per printed figure; official = false for series-break comparison values';
-- Users load through load_tic_mfh; grant EXECUTE to the roles that run it.
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_mfh(text) FROM PUBLIC;

-- load_tic_mfh (the loader of this layout) is in 47_loaders.sql, with the
-- other loaders.
