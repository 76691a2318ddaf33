-- flow_decompose with the instrument of each flow (issue 20): the result
-- carries which maturities' flows each period lacks. The two attributes are
-- added to flow_decomposition here, for a fresh install and an upgrade alike
-- (the other forms leave them NULL: their rows do not say the maturity).
ALTER TYPE @extschema@.flow_decomposition
    ADD ATTRIBUTE periods_without_bills_flows integer,
    ADD ATTRIBUTE periods_without_long_term_flows integer;
COMMENT ON COLUMN @extschema@.flow_decomposition.periods_without_bills_flows IS
    'Periods in which no row gave bills net purchases (instrument UST-BILLS): their bill changes count as valuation; NULL unless the six-argument form';
COMMENT ON COLUMN @extschema@.flow_decomposition.periods_without_long_term_flows IS
    'Periods in which no row gave long-term net purchases (instrument UST-NOTES-BONDS); NULL unless the six-argument form';

-- flow_decompose steps with the instrument of the row's net purchases.
CREATE FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text,
                                                 @extschema@.holding, text)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_accum_instrument' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text, @extschema@.holding, text) IS
    'flow_decompose steps: level, net purchases (with their instrument) and reported valuation change per distinct date';
-- The decomposition with reported valuation, residual and the maturity counts (reads rates).
CREATE FUNCTION @extschema@.flow_decompose_instrument_final(internal) RETURNS @extschema@.flow_decomposition
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_instrument_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_instrument_final(internal) IS
    'The decomposition with valuation split into reported and residual and the periods without bills or long-term flows, at the rates of holdings.rate_set';

CREATE AGGREGATE @extschema@.flow_decompose("level" @extschema@.holding, as_of date,
                                            net_purchases @extschema@.holding, report_ccy text,
                                            reported_valuation @extschema@.holding, instrument text) (
    SFUNC = @extschema@.flow_decompose_accum,
    STYPE = internal,
    SSPACE = 2048,
    FINALFUNC = @extschema@.flow_decompose_instrument_final,
    COMBINEFUNC = @extschema@.flow_decompose_combine,
    SERIALFUNC = @extschema@.flow_decompose_serialize,
    DESERIALFUNC = @extschema@.flow_decompose_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.flow_decompose(@extschema@.holding, date, @extschema@.holding, text, @extschema@.holding, text) IS
    'flow_decompose over position and transaction rows as they are (instrument UST-BILLS or UST-NOTES-BONDS on flow rows): also counts the periods without bills or long-term flows';
