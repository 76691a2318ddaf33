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

-- Every table under the lineage rules (05_lineage.sql), parents first: from
-- here on, rows written outside an extension script are the user's.
SELECT @extschema@.lineage_track(t::regclass) FROM unnest(ARRAY[
    '@extschema@.source', '@extschema@.currency', '@extschema@.country', '@extschema@.holder',
    '@extschema@.tic_label', '@extschema@.position', '@extschema@.position_comparison',
    '@extschema@.disclosure', '@extschema@.fx_rate', '@extschema@.dollar_index',
    '@extschema@.rate_set',
    '@extschema@.transaction', '@extschema@.position_vintage', '@extschema@.custody_holding',
    '@extschema@.treasury_yield', '@extschema@.fx_label', '@extschema@.country_currency',
    '@extschema@.euro_adoption']) AS t;
