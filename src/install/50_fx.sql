-- FX valuation and the FX-adjusted aggregates.

CREATE TYPE @extschema@.fx_decomposition AS (
    start_value @extschema@.holding,
    end_value @extschema@.holding,
    total_change @extschema@.holding,
    flow_effect @extschema@.holding,
    fx_effect @extschema@.holding
);
COMMENT ON TYPE @extschema@.fx_decomposition IS
    'A change in value split into flows (buying/selling) and FX moves: total_change = flow_effect + fx_effect';

-- fx_rate(from, to, on_date): units of `to` per unit of `from`, crossed through USD.
CREATE FUNCTION @extschema@.fx_rate(from_ccy text, to_ccy text, on_date date) RETURNS numeric
    AS 'MODULE_PATHNAME', 'holdings_fx_rate' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_rate(text, text, date) IS
    'Units of to_ccy per unit of from_ccy: latest rates on or before on_date in the rate set holdings.rate_set, crossed through USD';

-- fx_convert(h, to, on_date): h valued in `to`, rounded half to even once.
CREATE FUNCTION @extschema@.fx_convert(h @extschema@.holding, to_ccy text, on_date date) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_fx_convert' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_convert(@extschema@.holding, text, date) IS
    'The holding valued in to_ccy at the rates of on_date, rounded half to even at 8 fractional digits';

-- net_foreign_selling(h, d) steps: earliest and latest levels only.
CREATE FUNCTION @extschema@.net_selling_accum(internal, @extschema@.holding, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_net_selling_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_selling_accum(internal, @extschema@.holding, date) IS 'net_foreign_selling(h, d) steps: earliest and latest levels only';
-- Combines two partial states.
CREATE FUNCTION @extschema@.net_selling_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_net_selling_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_selling_combine(internal, internal) IS 'Combines two partial states';
-- State to bytes.
CREATE FUNCTION @extschema@.net_selling_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_net_selling_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_selling_serialize(internal) IS 'State to bytes';
-- State from bytes.
CREATE FUNCTION @extschema@.net_selling_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_net_selling_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_selling_deserialize(bytea, internal) IS 'State from bytes';
-- Earliest level minus latest level.
CREATE FUNCTION @extschema@.net_selling_final(internal) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_net_selling_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_selling_final(internal) IS 'Earliest level minus latest level';

-- SSPACE: the size of a LevelSpan (earliest and latest date with their levels),
-- for the planner's hash aggregation estimate.
CREATE AGGREGATE @extschema@.net_foreign_selling("position" @extschema@.holding, as_of date) (
    SFUNC = @extschema@.net_selling_accum,
    STYPE = internal,
    SSPACE = 48,
    FINALFUNC = @extschema@.net_selling_final,
    COMBINEFUNC = @extschema@.net_selling_combine,
    SERIALFUNC = @extschema@.net_selling_serialize,
    DESERIALFUNC = @extschema@.net_selling_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_foreign_selling(@extschema@.holding, date) IS
    'Level on the earliest date minus level on the latest date (rows of one date add up); positive = net selling';

-- FX-adjusted steps (the aggregates and their transition: 52_fx_aggregates.sql).
-- Combines two partial states.
CREATE FUNCTION @extschema@.fx_levels_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_fx_levels_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_levels_combine(internal, internal) IS 'Combines two partial states';
-- State to bytes.
CREATE FUNCTION @extschema@.fx_levels_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_fx_levels_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_levels_serialize(internal) IS 'State to bytes';
-- State from bytes.
CREATE FUNCTION @extschema@.fx_levels_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_fx_levels_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_levels_deserialize(bytea, internal) IS 'State from bytes';
-- Minus the flow effect, in the report currency (reads fx_rate).
CREATE FUNCTION @extschema@.fx_net_selling_final(internal) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_fx_net_selling_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_net_selling_final(internal) IS 'Minus the flow effect, in the report currency (reads fx_rate)';
-- The decomposition, in the report currency (reads fx_rate).
CREATE FUNCTION @extschema@.fx_decompose_final(internal) RETURNS @extschema@.fx_decomposition
    AS 'MODULE_PATHNAME', 'holdings_fx_decompose_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fx_decompose_final(internal) IS 'The decomposition, in the report currency (reads fx_rate)';
