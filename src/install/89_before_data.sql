-- The install's data section follows. fx_rate is empty and takes over 200,000
-- rates in one statement (the ECB file): its indexes are built after the data
-- (90_constraints.sql), one sort, instead of a btree descent for every rate
-- (load_defer_indexes, 44_data_release.sql). The tables that many files merge
-- into, one after the other, keep theirs: each merge looks its keys up. An
-- upgrade keeps its indexes.
SELECT @extschema@.load_defer_indexes(ARRAY['@extschema@.fx_rate']::regclass[]);
