-- Two-step FX aggregates: a state that a shard computes and sends (dated_levels),
-- an aggregate that combines states (rollup), and the final steps, which apply
-- the rates of the server that runs them. See docs/scale-out.md.

CREATE TYPE @extschema@.dated_levels;

-- dated_levels text input: 'USD:2006-01-06=1234.50,2006-01-13=1300.00'.
CREATE FUNCTION @extschema@.dated_levels_in(cstring) RETURNS @extschema@.dated_levels
    AS 'MODULE_PATHNAME', 'holdings_dated_levels_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dated_levels_in(cstring) IS
    'dated_levels text input: currency, then date=amount items with dates ascending';
-- dated_levels text output (the form dated_levels_in reads).
CREATE FUNCTION @extschema@.dated_levels_out(@extschema@.dated_levels) RETURNS cstring
    AS 'MODULE_PATHNAME', 'holdings_dated_levels_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dated_levels_out(@extschema@.dated_levels) IS
    'dated_levels text output: currency, then date=amount items with dates ascending';
-- dated_levels binary input, validated.
CREATE FUNCTION @extschema@.dated_levels_recv(internal) RETURNS @extschema@.dated_levels
    AS 'MODULE_PATHNAME', 'holdings_dated_levels_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dated_levels_recv(internal) IS
    'dated_levels binary input (version, currency, count, then date and 128-bit level per item), validated';
-- dated_levels binary output.
CREATE FUNCTION @extschema@.dated_levels_send(@extschema@.dated_levels) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_dated_levels_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dated_levels_send(@extschema@.dated_levels) IS
    'dated_levels binary output (version, currency, count, then date and 128-bit level per item)';

CREATE TYPE @extschema@.dated_levels (
    INPUT = @extschema@.dated_levels_in,
    OUTPUT = @extschema@.dated_levels_out,
    RECEIVE = @extschema@.dated_levels_recv,
    SEND = @extschema@.dated_levels_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.dated_levels IS
    'Levels of one currency by date: the transferable state of the two-step FX aggregates (levels_by_date, rollup)';

-- levels_by_date transition: one level per distinct date (the FX aggregates' step).
CREATE FUNCTION @extschema@.levels_by_date_accum(internal, @extschema@.holding, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_levels_by_date_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levels_by_date_accum(internal, @extschema@.holding, date) IS
    'levels_by_date transition: one level per distinct date';
-- rollup transition: adds the levels of a dated_levels value.
CREATE FUNCTION @extschema@.levels_rollup_accum(internal, @extschema@.dated_levels) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_levels_rollup_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levels_rollup_accum(internal, @extschema@.dated_levels) IS
    'rollup transition: adds the levels of a dated_levels value, date by date';
-- Final step of levels_by_date and rollup: the state as a dated_levels value.
CREATE FUNCTION @extschema@.levels_by_date_final(internal) RETURNS @extschema@.dated_levels
    AS 'MODULE_PATHNAME', 'holdings_levels_by_date_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levels_by_date_final(internal) IS
    'Final step of levels_by_date and rollup: the state as a dated_levels value';

CREATE AGGREGATE @extschema@.levels_by_date("position" @extschema@.holding, as_of date) (
    SFUNC = @extschema@.levels_by_date_accum,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = @extschema@.levels_by_date_final,
    COMBINEFUNC = @extschema@.fx_levels_combine,
    SERIALFUNC = @extschema@.fx_levels_serialize,
    DESERIALFUNC = @extschema@.fx_levels_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.levels_by_date(@extschema@.holding, date) IS
    'The level on each date (rows of one date add up), as a dated_levels state to finish or roll up elsewhere; immutable, so postgres_fdw runs it on the shards';

CREATE AGGREGATE @extschema@.rollup(@extschema@.dated_levels) (
    SFUNC = @extschema@.levels_rollup_accum,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = @extschema@.levels_by_date_final,
    COMBINEFUNC = @extschema@.fx_levels_combine,
    SERIALFUNC = @extschema@.fx_levels_serialize,
    DESERIALFUNC = @extschema@.fx_levels_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.dated_levels) IS
    'Combines dated_levels states of disjoint rows (levels of a date add up): the state of all their rows';

-- net_foreign_selling of a state: level on the earliest date minus the latest.
CREATE FUNCTION @extschema@.net_foreign_selling(state @extschema@.dated_levels) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_net_foreign_selling_levels' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_foreign_selling(@extschema@.dated_levels) IS
    'net_foreign_selling(h, d) finished from a levels_by_date state: earliest level minus latest level';
-- FX-adjusted net selling of a state, at this server's rates (reads fx_rate).
CREATE FUNCTION @extschema@.net_foreign_selling(state @extschema@.dated_levels, report_ccy text) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_net_foreign_selling_levels_fx' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_foreign_selling(@extschema@.dated_levels, text) IS
    'net_foreign_selling(h, d, report_ccy) finished from a levels_by_date state, at the rates of the server that runs it';
-- The FX decomposition of a state, at this server's rates (reads fx_rate).
CREATE FUNCTION @extschema@.fx_decompose(state @extschema@.dated_levels, report_ccy text) RETURNS @extschema@.fx_decomposition
    AS 'MODULE_PATHNAME', 'holdings_fx_decompose_levels' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_decompose(@extschema@.dated_levels, text) IS
    'fx_decompose(h, d, report_ccy) finished from a levels_by_date state, at the rates of the server that runs it';
