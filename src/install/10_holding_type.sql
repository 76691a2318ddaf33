-- The holding type: an exact amount of one currency.

-- Text input: '1.116T USD', 'USD 1,234.56', '10 trillion JPY'.
CREATE FUNCTION @extschema@.holding_in(cstring) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_in(cstring) IS 'Text input: ''1.116T USD'', ''USD 1,234.56'', ''10 trillion JPY''';
-- Text output: '<amount> <CCY>', exact, no group separators, no exponent.
CREATE FUNCTION @extschema@.holding_out(@extschema@.holding) RETURNS cstring
    AS 'MODULE_PATHNAME', 'holdings_holding_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_out(@extschema@.holding) IS 'Text output: ''<amount> <CCY>'', exact, no group separators, no exponent';
-- Binary input: version 1, code, 16-byte big-endian amount in 10^-8 units.
CREATE FUNCTION @extschema@.holding_recv(internal) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_recv(internal) IS 'Binary input: version 1, code, 16-byte big-endian amount in 10^-8 units';
-- Binary output, the layout holding_recv reads.
CREATE FUNCTION @extschema@.holding_send(@extschema@.holding) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_holding_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding_send(@extschema@.holding) IS 'Binary output, the layout holding_recv reads';

CREATE TYPE @extschema@.holding (
    INPUT = @extschema@.holding_in,
    OUTPUT = @extschema@.holding_out,
    RECEIVE = @extschema@.holding_recv,
    SEND = @extschema@.holding_send,
    INTERNALLENGTH = 24,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.holding IS
    'An exact amount of one currency: 128-bit fixed point with 8 fractional digits and an ISO 4217 code';

-- holding(amount, currency): builds a holding from a numeric and a code.
CREATE FUNCTION @extschema@.holding(amount numeric, currency text) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_holding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.holding(numeric, text) IS
    'A holding of the amount in the currency (ISO 4217 code), rounded half to even at 8 fractional digits';

-- amount(h): the exact amount as numeric.
CREATE FUNCTION @extschema@.amount(@extschema@.holding) RETURNS numeric
    AS 'MODULE_PATHNAME', 'holdings_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.amount(@extschema@.holding) IS 'The exact amount of a holding, as numeric';

-- currency(h): the ISO 4217 code.
CREATE FUNCTION @extschema@.currency(@extschema@.holding) RETURNS text
    AS 'MODULE_PATHNAME', 'holdings_currency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.currency(@extschema@.holding) IS 'The ISO 4217 currency code of a holding';

CREATE CAST (@extschema@.holding AS numeric)
    WITH FUNCTION @extschema@.amount(@extschema@.holding);
COMMENT ON CAST (@extschema@.holding AS numeric) IS 'The amount of a holding (explicit: the currency is dropped)';

-- The built-in currency list, as compiled into the type.
CREATE FUNCTION @extschema@.holding_currencies(
        OUT code text, OUT numeric_code int, OUT minor_units int, OUT current boolean, OUT name text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'holdings_holding_currencies' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 320;
COMMENT ON FUNCTION @extschema@.holding_currencies() IS
    'The ISO 4217 codes the holding type accepts, with minor units (null where ISO gives none)';
