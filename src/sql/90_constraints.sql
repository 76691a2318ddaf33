-- After the data: foreign keys of the large tables (validated once, in bulk),
-- and the default that marks rows added from now on as the user's own.
ALTER TABLE @extschema@.position
    ADD FOREIGN KEY (holder_id) REFERENCES @extschema@.holder (id),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.fx_rate
    ADD FOREIGN KEY (currency) REFERENCES @extschema@.currency (code),
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);
ALTER TABLE @extschema@.dollar_index
    ADD FOREIGN KEY (source_id) REFERENCES @extschema@.source (id);

ALTER TABLE @extschema@.source ALTER COLUMN shipped SET DEFAULT false;
ALTER TABLE @extschema@.holder ALTER COLUMN shipped SET DEFAULT false;
ALTER TABLE @extschema@.tic_label ALTER COLUMN shipped SET DEFAULT false;
ALTER TABLE @extschema@.position ALTER COLUMN shipped SET DEFAULT false;
ALTER TABLE @extschema@.disclosure ALTER COLUMN shipped SET DEFAULT false;
ALTER TABLE @extschema@.fx_rate ALTER COLUMN shipped SET DEFAULT false;
