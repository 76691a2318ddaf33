-- The country labels of the Federal Reserve H.10/G.5 monthly file. Its parser
-- is in 43_fx_parsers.sql, its loader (load_fed_h10_monthly) and the ECB's in
-- 47_loaders.sql.

CREATE TABLE @extschema@.fx_label (
    label text PRIMARY KEY,
    currency text REFERENCES @extschema@.currency (code),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.fx_label IS
    'How a country label of the Federal Reserve H.10/G.5 monthly file maps to a currency; add a row when a release prints a new label';
COMMENT ON COLUMN @extschema@.fx_label.label IS 'Country label as printed';
COMMENT ON COLUMN @extschema@.fx_label.currency IS 'ISO 4217 code; null for a label that is not loaded (Venezuela: one label over several redenominations)';
COMMENT ON COLUMN @extschema@.fx_label.shipped IS 'True for rows installed by the extension';
