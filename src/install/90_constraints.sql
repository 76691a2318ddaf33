-- After the data: foreign keys of the large tables (validated once, in bulk).
ALTER TABLE @extschema@.position
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.fx_rate
    ADD FOREIGN KEY (currency) REFERENCES @extschema@.currency (code),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.dollar_index
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.transaction
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.position_vintage
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.custody_holding
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.treasury_yield
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
-- Every figure points to its data release (44_data_release.sql).
ALTER TABLE @extschema@.data_release
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.figure_vintage
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id),
    ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.position ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.position_comparison ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.position_vintage ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.transaction ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.custody_holding ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.treasury_yield ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.fx_rate ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
ALTER TABLE @extschema@.dollar_index ADD FOREIGN KEY (release_id) REFERENCES @extschema@.data_release (id);
