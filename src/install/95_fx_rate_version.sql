-- Last statement of the install and of the upgrade: both leave the same
-- fx_rate_version row. -1 is a count no statement of this script left (they
-- counted up from 0), so (xmin, changes) stays unique within the script's
-- transaction too.
UPDATE @extschema@.fx_rate_version SET changes = -1;
