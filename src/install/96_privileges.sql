-- Privileges: what PUBLIC may not execute. PostgreSQL grants EXECUTE on every
-- new function to PUBLIC; the extension takes it back from everything a role
-- needs no access to for reading and computing: the journal's machinery
-- (src/install/06_lineage_replay.sql revokes it), the
-- loaders and their helpers (grant them, with the tables they write, to the
-- roles that refresh the data: docs/refresh.md), and the parsers. The type,
-- its operators and aggregates, the FX functions and the analyst functions
-- stay PUBLIC. test/security/sql/catalog.sql checks the result.
REVOKE EXECUTE ON FUNCTION @extschema@.document_failure(text,bigint,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.fx_rate_changed() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_ecb_rates(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_fed_h10_monthly(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_fred_series(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_staging(regclass,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_begin(text,text,date,text,text,boolean,date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_check(text,regclass,text[],text,text,text,text[],text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_merge(regclass,regclass,@extschema@.load_release) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_release_count(@extschema@.load_release,bigint,bigint,bigint,date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_stage_merge(regclass,text[],text,@extschema@.load_release) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_run(text,text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_form_s(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_mfh(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_slt_table3(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_slt_table5(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.load_tic_table3d(text,text,boolean,date,text,text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_ecb_eurofxref(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_fed_h10_monthly(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_fred_csv(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_form_s(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_mfh(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_slt_table3(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_slt_table5(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.parse_tic_table3d(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.tic_maturity_split(numeric,numeric,numeric) FROM PUBLIC;
