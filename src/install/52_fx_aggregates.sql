-- The FX-adjusted aggregates net_foreign_selling(h, d, ccy) and
-- fx_decompose(h, d, ccy), whose report currency is a currency_code: a type
-- without collation, so that postgres_fdw can send them to the shards of a
-- sharded table (docs/scale-out.md). Written with a literal ('JPY') the
-- argument is a currency_code constant; text and varchar arguments (columns,
-- typed parameters, 'JPY'::text, the released text signature in dumped views)
-- reach it through an implicit cast. The upgrade from 0.2.0 includes this file.

-- currency_code: an ISO 4217 code, 4 bytes by value, no collation.
CREATE TYPE @extschema@.currency_code;
-- Text input: a known code in any case; 22U02 otherwise.
CREATE FUNCTION @extschema@.currency_code_in(cstring) RETURNS @extschema@.currency_code
    AS 'MODULE_PATHNAME', 'holdings_currency_code_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency_code_in(cstring) IS 'Text input: a known ISO 4217 code in any case; 22U02 otherwise';
-- Text output: the upper-case code.
CREATE FUNCTION @extschema@.currency_code_out(@extschema@.currency_code) RETURNS cstring
    AS 'MODULE_PATHNAME', 'holdings_currency_code_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency_code_out(@extschema@.currency_code) IS 'Text output: the upper-case code';
-- Binary input: the three upper-case ASCII letters; 22P03 otherwise.
CREATE FUNCTION @extschema@.currency_code_recv(internal) RETURNS @extschema@.currency_code
    AS 'MODULE_PATHNAME', 'holdings_currency_code_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency_code_recv(internal) IS 'Binary input: the three upper-case ASCII letters of a known code; 22P03 otherwise';
-- Binary output: the three letters.
CREATE FUNCTION @extschema@.currency_code_send(@extschema@.currency_code) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_currency_code_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency_code_send(@extschema@.currency_code) IS 'Binary output: the three upper-case ASCII letters';
CREATE TYPE @extschema@.currency_code (
    INPUT = @extschema@.currency_code_in,
    OUTPUT = @extschema@.currency_code_out,
    RECEIVE = @extschema@.currency_code_recv,
    SEND = @extschema@.currency_code_send,
    INTERNALLENGTH = 4,
    PASSEDBYVALUE,
    ALIGNMENT = int4,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.currency_code IS
    'An ISO 4217 currency code without collation: the report currency of the FX aggregates, which postgres_fdw can then send to shards';

-- currency_code(text): the implicit casts from text and varchar, so that the
-- aggregates keep taking text arguments. Implicit is safe here: only
-- functions with a currency_code argument see it (no operator takes one).
CREATE FUNCTION @extschema@.currency_code(text) RETURNS @extschema@.currency_code
    AS 'MODULE_PATHNAME', 'holdings_currency_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency_code(text) IS 'The currency_code of a text (any case); 22U02 for an unknown code';
CREATE CAST (text AS @extschema@.currency_code) WITH FUNCTION @extschema@.currency_code(text) AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.currency_code) IS 'Implicit: text report currencies (columns, parameters) reach the FX aggregates';
CREATE CAST (character varying AS @extschema@.currency_code) WITH FUNCTION @extschema@.currency_code(text) AS IMPLICIT;
COMMENT ON CAST (character varying AS @extschema@.currency_code) IS 'Implicit: varchar report currencies (as pgJDBC sends strings) reach the FX aggregates';

-- FX-adjusted steps: one level per distinct date.
CREATE FUNCTION @extschema@.fx_levels_accum(internal, @extschema@.holding, date, @extschema@.currency_code) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_fx_levels_accum_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_levels_accum(internal, @extschema@.holding, date, @extschema@.currency_code) IS 'FX-adjusted steps: one level per distinct date';

-- The FX aggregates keep one level per date (SSPACE 1024: a typical group of a
-- few dozen dates). Their final functions sort and merge the state's levels in
-- place, yet FINALFUNC_MODIFY stays READ_ONLY (the default) on purpose: the
-- compaction is idempotent and leaves the state's meaning unchanged, so a window
-- frame or a second final call over the same state sees the same levels.
CREATE AGGREGATE @extschema@.net_foreign_selling("position" @extschema@.holding, as_of date, report_ccy @extschema@.currency_code) (
    SFUNC = @extschema@.fx_levels_accum,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = @extschema@.fx_net_selling_final,
    COMBINEFUNC = @extschema@.fx_levels_combine,
    SERIALFUNC = @extschema@.fx_levels_serialize,
    DESERIALFUNC = @extschema@.fx_levels_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_foreign_selling(@extschema@.holding, date, @extschema@.currency_code) IS
    'FX-adjusted net selling in report_ccy: minus the sum of each period''s change valued at that period''s rate';

CREATE AGGREGATE @extschema@.fx_decompose("position" @extschema@.holding, as_of date, report_ccy @extschema@.currency_code) (
    SFUNC = @extschema@.fx_levels_accum,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = @extschema@.fx_decompose_final,
    COMBINEFUNC = @extschema@.fx_levels_combine,
    SERIALFUNC = @extschema@.fx_levels_serialize,
    DESERIALFUNC = @extschema@.fx_levels_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.fx_decompose(@extschema@.holding, date, @extschema@.currency_code) IS
    'Start and end values in report_ccy and the change split into flow_effect and fx_effect';
