-- After the data: the indexes of the large tables (89_before_data.sql), built
-- once, then their foreign keys (validated once, in bulk).
SELECT @extschema@.load_restore_indexes();
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
