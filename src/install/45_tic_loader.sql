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

-- load_tic_mfh(document, source_id): inserts or updates every official figure
-- in position (and comparison values in position_comparison), all or nothing,
-- and returns what it changed.
CREATE FUNCTION @extschema@.load_tic_mfh(document text, source_id text)
    RETURNS TABLE (action text, holder_id text, instrument text, as_of date, amount @extschema@.holding)
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
    unknown record;
    duplicate record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @extschema@.source s WHERE s.id = load_tic_mfh.source_id) THEN
        RAISE EXCEPTION 'unknown source "%"', load_tic_mfh.source_id
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the release to holdings.source first.';
    END IF;
    SELECT p.line, p.label INTO unknown
      FROM @extschema@.parse_tic_mfh(document) p LEFT JOIN @extschema@.tic_label l ON l.label = p.label
     WHERE l.label IS NULL ORDER BY p.line LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'TIC document, line %: unknown row label "%"', unknown.line, unknown.label
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'Map the label to a holder in holdings.tic_label, then load again.';
    END IF;
    SELECT (array_agg(p.line ORDER BY p.line))[2] AS line, l.holder_id, l.instrument, p.as_of, p.official INTO duplicate
      FROM @extschema@.parse_tic_mfh(document) p JOIN @extschema@.tic_label l ON l.label = p.label
     GROUP BY l.holder_id, l.instrument, p.as_of, p.official HAVING count(*) > 1 ORDER BY 1 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'TIC document, line %: a second % figure for % % %', duplicate.line,
            CASE WHEN duplicate.official THEN 'official' ELSE 'comparison' END,
            duplicate.holder_id, duplicate.instrument, duplicate.as_of
            USING ERRCODE = 'invalid_text_representation';
    END IF;

    -- Existing keys are updated where the figure differs, new keys inserted: no
    -- upsert, so that an unchanged shipped figure stays shipped (lineage rules).
    RETURN QUERY
    WITH figures AS (
        SELECT l.holder_id, l.instrument, p.as_of, p.official,
               @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount
          FROM @extschema@.parse_tic_mfh(document) p JOIN @extschema@.tic_label l ON l.label = p.label
    ), official_updated AS (
        UPDATE @extschema@.position AS t SET amount = f.amount, source_id = load_tic_mfh.source_id
          FROM figures f
         WHERE f.official AND t.holder_id = f.holder_id AND t.instrument = f.instrument AND t.as_of = f.as_of
           AND t.amount OPERATOR(@extschema@.<>) f.amount
        RETURNING 'updated'::text, t.holder_id, t.instrument, t.as_of, t.amount
    ), official_inserted AS (
        INSERT INTO @extschema@.position AS t (holder_id, instrument, as_of, amount, basis, source_id)
        SELECT f.holder_id, f.instrument, f.as_of, f.amount, 'market', load_tic_mfh.source_id
          FROM figures f
         WHERE f.official AND NOT EXISTS (SELECT 1 FROM @extschema@.position x
                                           WHERE x.holder_id = f.holder_id AND x.instrument = f.instrument AND x.as_of = f.as_of)
        RETURNING 'inserted'::text, t.holder_id, t.instrument, t.as_of, t.amount
    ), comparison_updated AS (
        UPDATE @extschema@.position_comparison AS t SET amount = f.amount, source_id = load_tic_mfh.source_id
          FROM figures f
         WHERE NOT f.official AND t.holder_id = f.holder_id AND t.instrument = f.instrument AND t.as_of = f.as_of
           AND t.amount OPERATOR(@extschema@.<>) f.amount
        RETURNING 'comparison updated'::text, t.holder_id, t.instrument, t.as_of, t.amount
    ), comparison_inserted AS (
        INSERT INTO @extschema@.position_comparison AS t (holder_id, instrument, as_of, amount, source_id)
        SELECT f.holder_id, f.instrument, f.as_of, f.amount, load_tic_mfh.source_id
          FROM figures f
         WHERE NOT f.official AND NOT EXISTS (SELECT 1 FROM @extschema@.position_comparison x
                                               WHERE x.holder_id = f.holder_id AND x.instrument = f.instrument AND x.as_of = f.as_of)
        RETURNING 'comparison inserted'::text, t.holder_id, t.instrument, t.as_of, t.amount
    )
    SELECT * FROM official_updated UNION ALL SELECT * FROM official_inserted
    UNION ALL SELECT * FROM comparison_updated UNION ALL SELECT * FROM comparison_inserted;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_tic_mfh(text, text) IS
    'Loads a TIC Major Foreign Holders document (mfhhis01 layout) into position, all or nothing; returns the rows it inserted or updated';
