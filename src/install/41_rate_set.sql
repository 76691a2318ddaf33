-- Rate sets: what each set of fx_rate covers and how far a lookup may reach,
-- and the version row that keeps the in-memory rate cache correct under MVCC
-- (src/pg/fx_cache.cpp, docs/development.md "The rate cache").

CREATE TABLE @extschema@.rate_set (
    name text PRIMARY KEY CHECK (name <> ''),
    frequency text NOT NULL CHECK (frequency IN ('daily', 'monthly', 'other')),
    description text NOT NULL,
    source_id text REFERENCES @extschema@.source (id),
    max_gap_days integer CHECK (max_gap_days >= 0),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.rate_set IS
    'Named rate sets of fx_rate: a lookup bridges at most max_gap_days from the latest rate on or before its date';
COMMENT ON COLUMN @extschema@.rate_set.name IS 'The rate_set value of fx_rate, chosen with SET holdings.rate_set';
COMMENT ON COLUMN @extschema@.rate_set.frequency IS 'daily, monthly or other: how often the set has a rate';
COMMENT ON COLUMN @extschema@.rate_set.description IS 'What the rates are (publisher, series, crossing)';
COMMENT ON COLUMN @extschema@.rate_set.source_id IS 'Source of the rates (null for a set of your own)';
COMMENT ON COLUMN @extschema@.rate_set.max_gap_days IS
    'Largest number of days between a rate and the date it is used for; further is error 22U03; null: no limit';
COMMENT ON COLUMN @extschema@.rate_set.shipped IS 'True for rows installed by the extension';

-- One row, rewritten (UPDATE, no change of content) by the fx_rate_changed
-- trigger in every statement that writes fx_rate or rate_set: the version of
-- the row a snapshot sees, named by its (xmin, ctid), names the fx_rate
-- content that snapshot sees. Bookkeeping, not reference data: no lineage, not
-- dumped, the same content in every database.
CREATE TABLE @extschema@.fx_rate_version (
    id boolean PRIMARY KEY DEFAULT true CHECK (id)
);
COMMENT ON TABLE @extschema@.fx_rate_version IS
    'Internal: one row the fx_rate trigger rewrites on every write to fx_rate or rate_set; its row version keys the in-memory rate cache';
COMMENT ON COLUMN @extschema@.fx_rate_version.id IS 'Always true: the table has one row';
INSERT INTO @extschema@.fx_rate_version (id) VALUES (true);
GRANT SELECT ON @extschema@.rate_set, @extschema@.fx_rate_version TO PUBLIC;

-- per_usd must be a rate the lookups can use: rejected when written, not later
-- inside every session's cache load.
CREATE FUNCTION @extschema@.fx_rate_valid(per_usd numeric) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_fx_rate_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_rate_valid(numeric) IS
    'True for a positive, finite rate of at most 38 significant and 38 fractional digits; otherwise error 22023 saying why';
ALTER TABLE @extschema@.fx_rate
    ADD CONSTRAINT fx_rate_per_usd_valid CHECK (@extschema@.fx_rate_valid(per_usd));

-- A set's tolerance is part of what the cache holds: writes to rate_set move
-- the version on too.
CREATE TRIGGER rate_set_changed AFTER INSERT OR UPDATE OR DELETE ON @extschema@.rate_set
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.fx_rate_changed();
CREATE TRIGGER rate_set_truncated AFTER TRUNCATE ON @extschema@.rate_set
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.fx_rate_changed();
ALTER TABLE @extschema@.rate_set ENABLE ALWAYS TRIGGER rate_set_changed;
ALTER TABLE @extschema@.rate_set ENABLE ALWAYS TRIGGER rate_set_truncated;

-- The cache trigger also fires for rows a logical-replication subscriber applies.
ALTER TABLE @extschema@.fx_rate ENABLE ALWAYS TRIGGER fx_rate_changed;
ALTER TABLE @extschema@.fx_rate ENABLE ALWAYS TRIGGER fx_rate_truncated;
-- A subscriber's apply worker fires row triggers only (statement triggers just
-- for TRUNCATE): these row triggers, enabled for replica sessions alone, move
-- the version on for every applied row; ordinary sessions never fire them.
CREATE TRIGGER fx_rate_replicated AFTER INSERT OR UPDATE OR DELETE ON @extschema@.fx_rate
    FOR EACH ROW EXECUTE FUNCTION @extschema@.fx_rate_changed();
ALTER TABLE @extschema@.fx_rate ENABLE REPLICA TRIGGER fx_rate_replicated;
CREATE TRIGGER rate_set_replicated AFTER INSERT OR UPDATE OR DELETE ON @extschema@.rate_set
    FOR EACH ROW EXECUTE FUNCTION @extschema@.fx_rate_changed();
ALTER TABLE @extschema@.rate_set ENABLE REPLICA TRIGGER rate_set_replicated;
