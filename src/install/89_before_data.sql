-- The install's data section follows. fx_rate and treasury_yield are empty and
-- take over 200,000 rates (the ECB file, in one statement) and 130,000 yields
-- (ten series, each new: a merge finds no key of theirs): their indexes are
-- built after the data (90_constraints.sql), one sort, instead of a btree
-- descent for every row (load_defer_indexes, 44_data_release.sql). The tables
-- that several files merge into, one after the other, keep theirs: each merge
-- looks its keys up (transaction, position, position_vintage: measured, a
-- deferred index costs them more than it saves). An upgrade keeps its indexes.
SELECT @extschema@.load_defer_indexes(ARRAY['@extschema@.fx_rate', '@extschema@.treasury_yield']::regclass[]);
