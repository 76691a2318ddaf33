-- sum, avg, min and max over holding.

-- sum transition and combine step: state + row (in place inside an aggregate).
CREATE FUNCTION @extschema@.holding_sum_accum(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_sum_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_sum_accum(@extschema@.holding, @extschema@.holding) IS 'sum transition and combine step: state + row (in place inside an aggregate)';
-- sum inverse step for moving window frames: state - row.
CREATE FUNCTION @extschema@.holding_sum_retract(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_sum_retract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_sum_retract(@extschema@.holding, @extschema@.holding) IS 'sum inverse step for moving window frames: state - row';
-- min step: the smaller of two holdings of one currency.
CREATE FUNCTION @extschema@.holding_smaller(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_smaller(@extschema@.holding, @extschema@.holding) IS 'min step: the smaller of two holdings of one currency';
-- max step: the larger of two holdings of one currency.
CREATE FUNCTION @extschema@.holding_larger(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_larger(@extschema@.holding, @extschema@.holding) IS 'max step: the larger of two holdings of one currency';
-- avg transition: sum and count in an internal state.
CREATE FUNCTION @extschema@.holding_avg_accum(internal, @extschema@.holding) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_holding_avg_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_avg_accum(internal, @extschema@.holding) IS 'avg transition: sum and count in an internal state';
-- avg combine: adds two partial states.
CREATE FUNCTION @extschema@.holding_avg_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_holding_avg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_avg_combine(internal, internal) IS 'avg combine: adds two partial states';
-- avg state to bytes, for parallel workers.
CREATE FUNCTION @extschema@.holding_avg_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_holding_avg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_avg_serialize(internal) IS 'avg state to bytes, for parallel workers';
-- avg state from bytes.
CREATE FUNCTION @extschema@.holding_avg_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_holding_avg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_avg_deserialize(bytea, internal) IS 'avg state from bytes';
-- avg result: sum / count, rounded half to even.
CREATE FUNCTION @extschema@.holding_avg_final(internal) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_avg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_avg_final(internal) IS 'avg result: sum / count, rounded half to even';

CREATE AGGREGATE @extschema@.sum(@extschema@.holding) (
    SFUNC = @extschema@.holding_sum_accum,
    STYPE = @extschema@.holding,
    COMBINEFUNC = @extschema@.holding_sum_accum,
    MSFUNC = @extschema@.holding_sum_accum,
    MINVFUNC = @extschema@.holding_sum_retract,
    MSTYPE = @extschema@.holding,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.holding) IS
    'Exact sum of holdings of one currency (mixed currencies: error 22U01)';

-- SSPACE: the planner's estimate of the state's size (AverageState: a 128-bit
-- sum, a count and the currency), used to size hash aggregation.
CREATE AGGREGATE @extschema@.avg(@extschema@.holding) (
    SFUNC = @extschema@.holding_avg_accum,
    STYPE = internal,
    SSPACE = 40,
    FINALFUNC = @extschema@.holding_avg_final,
    COMBINEFUNC = @extschema@.holding_avg_combine,
    SERIALFUNC = @extschema@.holding_avg_serialize,
    DESERIALFUNC = @extschema@.holding_avg_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.holding) IS
    'Mean of holdings of one currency, rounded half to even at 8 fractional digits';

-- No SORTOP on min and max, on purpose: with one the planner may answer them
-- from a btree index (first or last entry), and the index orders by currency
-- code first, so a group mixing currencies would get an answer instead of the
-- 22U01 error that the transition functions raise.
CREATE AGGREGATE @extschema@.min(@extschema@.holding) (
    SFUNC = @extschema@.holding_smaller,
    STYPE = @extschema@.holding,
    COMBINEFUNC = @extschema@.holding_smaller,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.holding) IS 'Smallest holding (one currency per group)';

CREATE AGGREGATE @extschema@.max(@extschema@.holding) (
    SFUNC = @extschema@.holding_larger,
    STYPE = @extschema@.holding,
    COMBINEFUNC = @extschema@.holding_larger,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.holding) IS 'Largest holding (one currency per group)';
