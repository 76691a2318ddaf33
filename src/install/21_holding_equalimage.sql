-- btree deduplication: equal holdings (same currency, same amount) are
-- bitwise identical (a native int128 count of 10^-8 units, the currency code,
-- a reserved word always zero; no display scale is stored), so the btree
-- opclass may declare btequalimage. Indexes built from 0.2.0 on deduplicate
-- (REINDEX an older index to get it).
ALTER OPERATOR FAMILY @extschema@.holding_ops USING btree
    ADD FUNCTION 4 (@extschema@.holding, @extschema@.holding) pg_catalog.btequalimage(oid);
