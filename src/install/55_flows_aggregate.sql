-- flow_decompose: a change in holdings split into flows (what the holder bought
-- or sold), valuation (what prices did) and FX (what the currency did).

CREATE TYPE @extschema@.flow_decomposition AS (
    start_value @extschema@.holding,
    end_value @extschema@.holding,
    total_change @extschema@.holding,
    flow_effect @extschema@.holding,
    valuation_effect @extschema@.holding,
    fx_effect @extschema@.holding,
    reported_valuation @extschema@.holding,
    valuation_residual @extschema@.holding,
    periods integer,
    periods_without_net_purchases integer,
    periods_with_reported_valuation integer
);
COMMENT ON TYPE @extschema@.flow_decomposition IS
    'A change in the value of holdings split exactly: total_change = flow_effect + valuation_effect + fx_effect; net selling from transactions is -flow_effect';
COMMENT ON COLUMN @extschema@.flow_decomposition.start_value IS
    'Level on the first date with a level, valued at that date''s rate (L_0 r_0)';
COMMENT ON COLUMN @extschema@.flow_decomposition.end_value IS
    'Level on the last date with a level, valued at that date''s rate (L_n r_n)';
COMMENT ON COLUMN @extschema@.flow_decomposition.total_change IS
    'end_value - start_value: the change an analyst sees in the report currency';
COMMENT ON COLUMN @extschema@.flow_decomposition.flow_effect IS
    'Net purchases (positive = the holder bought), each period''s at that period''s rate: sum F_i r_i';
COMMENT ON COLUMN @extschema@.flow_decomposition.valuation_effect IS
    'Change not explained by transactions (prices, plus revisions and series breaks), each period''s at its rate: sum (L_i - L_(i-1) - F_i) r_i';
COMMENT ON COLUMN @extschema@.flow_decomposition.fx_effect IS
    'What the exchange rate did: total_change - flow_effect - valuation_effect (zero when the report currency is the positions'' currency)';
COMMENT ON COLUMN @extschema@.flow_decomposition.reported_valuation IS
    'The valuation changes the source reports, at each period''s rate: sum V_i r_i over the periods that report one; NULL when none does, and from the four-argument form';
COMMENT ON COLUMN @extschema@.flow_decomposition.valuation_residual IS
    'valuation_effect - reported_valuation: revisions, breaks, periods without a reported valuation, and the two systems'' differences; NULL when no period reports a valuation, and from the four-argument form';
COMMENT ON COLUMN @extschema@.flow_decomposition.periods IS
    'Number of periods: dates with a level, minus one (a missing level merges two periods into one)';
COMMENT ON COLUMN @extschema@.flow_decomposition.periods_without_net_purchases IS
    'Periods in which no row gave net purchases: their whole change counts as valuation';
COMMENT ON COLUMN @extschema@.flow_decomposition.periods_with_reported_valuation IS
    'Periods in which some row gave a reported valuation change; NULL from the four-argument form';

-- flow_decompose steps. One item per distinct date; IMMUTABLE: only the final step reads rates.
CREATE FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text) IS
    'flow_decompose steps: level, net purchases per distinct date';
-- flow_decompose steps with a reported valuation change.
CREATE FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text, @extschema@.holding)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_accum_reported' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_accum(internal, @extschema@.holding, date, @extschema@.holding, text, @extschema@.holding) IS
    'flow_decompose steps: level, net purchases and reported valuation change per distinct date';
-- Combines two partial states.
CREATE FUNCTION @extschema@.flow_decompose_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_combine(internal, internal) IS 'Combines two partial flow_decompose states';
-- State to bytes.
CREATE FUNCTION @extschema@.flow_decompose_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_serialize(internal) IS 'flow_decompose state to bytes';
-- State from bytes, every field checked.
CREATE FUNCTION @extschema@.flow_decompose_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_deserialize(bytea, internal) IS 'flow_decompose state from bytes, every field checked (22P03)';
-- The decomposition in the report currency (reads rates).
CREATE FUNCTION @extschema@.flow_decompose_final(internal) RETURNS @extschema@.flow_decomposition
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_final(internal) IS
    'The decomposition in the report currency at the rates of holdings.rate_set';
-- The decomposition with reported valuation and residual (reads rates).
CREATE FUNCTION @extschema@.flow_decompose_reported_final(internal) RETURNS @extschema@.flow_decomposition
    AS 'MODULE_PATHNAME', 'holdings_flow_decompose_reported_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.flow_decompose_reported_final(internal) IS
    'The decomposition with valuation split into reported and residual, at the rates of holdings.rate_set';

CREATE AGGREGATE @extschema@.flow_decompose("level" @extschema@.holding, as_of date,
                                            net_purchases @extschema@.holding, report_ccy text) (
    SFUNC = @extschema@.flow_decompose_accum,
    STYPE = internal,
    SSPACE = 2048,
    FINALFUNC = @extschema@.flow_decompose_final,
    COMBINEFUNC = @extschema@.flow_decompose_combine,
    SERIALFUNC = @extschema@.flow_decompose_serialize,
    DESERIALFUNC = @extschema@.flow_decompose_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.flow_decompose(@extschema@.holding, date, @extschema@.holding, text) IS
    'Did they sell? The change in holdings valued in report_ccy split into flow_effect (net purchases), valuation_effect (prices) and fx_effect, exactly';

CREATE AGGREGATE @extschema@.flow_decompose("level" @extschema@.holding, as_of date,
                                            net_purchases @extschema@.holding, report_ccy text,
                                            reported_valuation @extschema@.holding) (
    SFUNC = @extschema@.flow_decompose_accum,
    STYPE = internal,
    SSPACE = 2048,
    FINALFUNC = @extschema@.flow_decompose_reported_final,
    COMBINEFUNC = @extschema@.flow_decompose_combine,
    SERIALFUNC = @extschema@.flow_decompose_serialize,
    DESERIALFUNC = @extschema@.flow_decompose_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.flow_decompose(@extschema@.holding, date, @extschema@.holding, text, @extschema@.holding) IS
    'flow_decompose with the source''s reported valuation changes: valuation_effect split into reported_valuation and valuation_residual';
