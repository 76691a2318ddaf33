-- Arithmetic on holding.

-- a + b (same currency).
CREATE FUNCTION @extschema@.holding_add(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_add' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_add(@extschema@.holding, @extschema@.holding) IS 'a + b (same currency)';
-- a - b (same currency).
CREATE FUNCTION @extschema@.holding_sub(@extschema@.holding, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_sub' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_sub(@extschema@.holding, @extschema@.holding) IS 'a - b (same currency)';
-- -a.
CREATE FUNCTION @extschema@.holding_neg(@extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_neg' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_neg(@extschema@.holding) IS '-a';
-- abs(a).
CREATE FUNCTION @extschema@.abs(@extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_abs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.abs(@extschema@.holding) IS 'Absolute value of a holding';
-- a * n, rounded half to even at the internal scale.
CREATE FUNCTION @extschema@.holding_mul_numeric(@extschema@.holding, numeric) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_mul_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_mul_numeric(@extschema@.holding, numeric) IS 'a * n, rounded half to even at the internal scale';
-- n * a, rounded half to even at the internal scale.
CREATE FUNCTION @extschema@.numeric_mul_holding(numeric, @extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_numeric_mul_holding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.numeric_mul_holding(numeric, @extschema@.holding) IS 'n * a, rounded half to even at the internal scale';
-- a / n, rounded half to even at the internal scale.
CREATE FUNCTION @extschema@.holding_div_numeric(@extschema@.holding, numeric) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_div_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_div_numeric(@extschema@.holding, numeric) IS 'a / n, rounded half to even at the internal scale';
-- a / b (same currency): the ratio.
CREATE FUNCTION @extschema@.holding_div_holding(@extschema@.holding, @extschema@.holding) RETURNS numeric
    AS 'MODULE_PATHNAME', 'holdings_holding_div_holding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_div_holding(@extschema@.holding, @extschema@.holding) IS 'a / b (same currency): the ratio';
-- round(a): to the currency's minor units, half away from zero.
CREATE FUNCTION @extschema@.round(@extschema@.holding) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_round' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round(@extschema@.holding) IS
    'Rounds to the currency''s ISO 4217 minor units, half away from zero (unchanged where ISO gives none)';
-- round(a, digits): to that many fractional digits, half away from zero.
CREATE FUNCTION @extschema@.round(@extschema@.holding, integer) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_round_digits' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round(@extschema@.holding, integer) IS
    'Rounds to the given number of fractional digits (negative: tens, hundreds, ...), half away from zero';

CREATE OPERATOR @extschema@.+ (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_add, COMMUTATOR = OPERATOR(@extschema@.+));
CREATE OPERATOR @extschema@.- (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_sub);
CREATE OPERATOR @extschema@.- (RIGHTARG = @extschema@.holding, FUNCTION = @extschema@.holding_neg);
CREATE OPERATOR @extschema@.* (LEFTARG = @extschema@.holding, RIGHTARG = numeric,
    FUNCTION = @extschema@.holding_mul_numeric, COMMUTATOR = OPERATOR(@extschema@.*));
CREATE OPERATOR @extschema@.* (LEFTARG = numeric, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.numeric_mul_holding, COMMUTATOR = OPERATOR(@extschema@.*));
CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.holding, RIGHTARG = numeric,
    FUNCTION = @extschema@.holding_div_numeric);
CREATE OPERATOR @extschema@./ (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_div_holding);
COMMENT ON OPERATOR @extschema@.+ (@extschema@.holding, @extschema@.holding) IS 'sum of two holdings of one currency';
COMMENT ON OPERATOR @extschema@.- (@extschema@.holding, @extschema@.holding) IS 'Difference of two holdings of one currency';
COMMENT ON OPERATOR @extschema@.- (NONE, @extschema@.holding) IS 'Negation';
COMMENT ON OPERATOR @extschema@.* (@extschema@.holding, numeric) IS 'Holding times a factor, rounded half to even';
COMMENT ON OPERATOR @extschema@.* (numeric, @extschema@.holding) IS 'Factor times a holding, rounded half to even';
COMMENT ON OPERATOR @extschema@./ (@extschema@.holding, numeric) IS 'Holding divided by a number, rounded half to even';
COMMENT ON OPERATOR @extschema@./ (@extschema@.holding, @extschema@.holding) IS 'Ratio of two holdings of one currency';

-- Comparison: a total order by currency code, then amount.

-- btree support: -1, 0 or 1.
CREATE FUNCTION @extschema@.holding_cmp(@extschema@.holding, @extschema@.holding) RETURNS integer
    AS 'MODULE_PATHNAME', 'holdings_holding_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_cmp(@extschema@.holding, @extschema@.holding) IS 'Btree support: -1, 0 or 1';
-- a = b.
CREATE FUNCTION @extschema@.holding_eq(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_eq(@extschema@.holding, @extschema@.holding) IS 'a = b';
-- a <> b.
CREATE FUNCTION @extschema@.holding_ne(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_ne(@extschema@.holding, @extschema@.holding) IS 'a <> b';
-- a < b.
CREATE FUNCTION @extschema@.holding_lt(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_lt(@extschema@.holding, @extschema@.holding) IS 'a < b';
-- a <= b.
CREATE FUNCTION @extschema@.holding_le(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_le(@extschema@.holding, @extschema@.holding) IS 'a <= b';
-- a > b.
CREATE FUNCTION @extschema@.holding_gt(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_gt(@extschema@.holding, @extschema@.holding) IS 'a > b';
-- a >= b.
CREATE FUNCTION @extschema@.holding_ge(@extschema@.holding, @extschema@.holding) RETURNS boolean
    AS 'MODULE_PATHNAME', 'holdings_holding_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.holding_ge(@extschema@.holding, @extschema@.holding) IS 'a >= b';
-- btree sort support: a direct comparator for sorts and index builds.
CREATE FUNCTION @extschema@.holding_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME', 'holdings_holding_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_sortsupport(internal) IS 'Btree sort support: a direct comparator for sorts and index builds';
-- hash support.
CREATE FUNCTION @extschema@.holding_hash(@extschema@.holding) RETURNS integer
    AS 'MODULE_PATHNAME', 'holdings_holding_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_hash(@extschema@.holding) IS 'Hash support';
-- 64-bit seeded hash support (hash partitioning).
CREATE FUNCTION @extschema@.holding_hash_extended(@extschema@.holding, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'holdings_holding_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_hash_extended(@extschema@.holding, bigint) IS '64-bit seeded hash support (hash partitioning)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_eq, COMMUTATOR = OPERATOR(@extschema@.=),
    NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
    NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_lt, COMMUTATOR = OPERATOR(@extschema@.>),
    NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_le, COMMUTATOR = OPERATOR(@extschema@.>=),
    NEGATOR = OPERATOR(@extschema@.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_gt, COMMUTATOR = OPERATOR(@extschema@.<),
    NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.holding, RIGHTARG = @extschema@.holding,
    FUNCTION = @extschema@.holding_ge, COMMUTATOR = OPERATOR(@extschema@.<=),
    NEGATOR = OPERATOR(@extschema@.<), RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.holding, @extschema@.holding) IS 'Equal: same currency and amount';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.holding, @extschema@.holding) IS 'Not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.holding, @extschema@.holding) IS 'Less than (currency code, then amount)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.holding, @extschema@.holding) IS 'Less than or equal (currency code, then amount)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.holding, @extschema@.holding) IS 'Greater than (currency code, then amount)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.holding, @extschema@.holding) IS 'Greater than or equal (currency code, then amount)';

CREATE OPERATOR CLASS @extschema@.holding_ops DEFAULT FOR TYPE @extschema@.holding USING btree AS
    OPERATOR 1 @extschema@.<,
    OPERATOR 2 @extschema@.<=,
    OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=,
    OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.holding_cmp(@extschema@.holding, @extschema@.holding),
    FUNCTION 2 @extschema@.holding_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.holding_hash_ops DEFAULT FOR TYPE @extschema@.holding USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.holding_hash(@extschema@.holding),
    FUNCTION 2 @extschema@.holding_hash_extended(@extschema@.holding, bigint);
