-- Foreign keys of the data releases (44_data_release.sql): every figure points
-- to its release. One home for a fresh install and the upgrade from 0.2.0,
-- which includes this file.
ALTER TABLE @extschema@.data_release
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
-- (The vintage tables' release_id is part of their primary key, '' for a row
-- written by hand: no foreign key; a vintage row names its release by id.)
ALTER TABLE @extschema@.figure_vintage
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.position ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.position_comparison ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.transaction ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.custody_holding ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.treasury_yield ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.fx_rate ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.dollar_index ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
