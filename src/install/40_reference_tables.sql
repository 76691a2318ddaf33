-- Reference tables. The foreign keys of the large tables are added after the
-- data is loaded (90_constraints.sql): one check per table instead of one per row.
-- Every table ends with "shipped": true for rows a release installed, false for
-- the user's; 90_constraints.sql puts each under the lineage rules (05_lineage.sql).

CREATE TABLE @extschema@.source (
    id text PRIMARY KEY,
    publisher text NOT NULL,
    title text NOT NULL,
    url text NOT NULL CHECK (url ~ '^https?://'),
    as_of date,
    notes text,
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.source IS 'Where every shipped row comes from: one row per public file';
COMMENT ON COLUMN @extschema@.source.id IS 'Source id, referenced by source_id columns';
COMMENT ON COLUMN @extschema@.source.publisher IS 'Who publishes the data (US Treasury, Federal Reserve, ECB, ...)';
COMMENT ON COLUMN @extschema@.source.title IS 'Title of the publication or file';
COMMENT ON COLUMN @extschema@.source.url IS 'Where the file was read';
COMMENT ON COLUMN @extschema@.source.as_of IS 'Vintage or read date of the file';
COMMENT ON COLUMN @extschema@.source.notes IS 'Coverage, units, quirks';
COMMENT ON COLUMN @extschema@.source.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.currency (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    numeric_code text CHECK (numeric_code ~ '^[0-9]{3}$'),
    name text NOT NULL,
    minor_units integer CHECK (minor_units BETWEEN 0 AND 8),
    withdrawn text,
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.currency IS 'ISO 4217 currencies, current and historic (the same list the holding type accepts)';
COMMENT ON COLUMN @extschema@.currency.code IS 'ISO 4217 alphabetic code';
COMMENT ON COLUMN @extschema@.currency.numeric_code IS 'ISO 4217 numeric code (three digits)';
COMMENT ON COLUMN @extschema@.currency.name IS 'Currency name as ISO 4217 prints it';
COMMENT ON COLUMN @extschema@.currency.minor_units IS 'Decimal places of the minor unit; null where ISO gives none (metals, funds, withdrawn codes)';
COMMENT ON COLUMN @extschema@.currency.withdrawn IS 'Withdrawal date as ISO 4217 prints it; null for current codes';
COMMENT ON COLUMN @extschema@.currency.source_id IS 'Source of the row';
COMMENT ON COLUMN @extschema@.currency.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.country (
    alpha2 text PRIMARY KEY CHECK (alpha2 ~ '^[A-Z]{2}$'),
    alpha3 text UNIQUE CHECK (alpha3 ~ '^[A-Z]{3}$'),
    numeric_code text,
    name text NOT NULL,
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.country IS 'ISO 3166-1 countries';
COMMENT ON COLUMN @extschema@.country.alpha2 IS 'ISO 3166-1 alpha-2 code';
COMMENT ON COLUMN @extschema@.country.alpha3 IS 'ISO 3166-1 alpha-3 code';
COMMENT ON COLUMN @extschema@.country.numeric_code IS 'ISO 3166-1 numeric code';
COMMENT ON COLUMN @extschema@.country.name IS 'Short English name';
COMMENT ON COLUMN @extschema@.country.source_id IS 'Source of the row';
COMMENT ON COLUMN @extschema@.country.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.holder (
    id text PRIMARY KEY CHECK (id ~ '^([A-Z]{2}|[a-z0-9]+(-[a-z0-9]+)*)$'),
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('country', 'aggregate', 'bank')),
    country text REFERENCES @extschema@.country (alpha2),
    source_id text REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true,
    CHECK ((kind = 'aggregate') = (country IS NULL))
);
COMMENT ON TABLE @extschema@.holder IS 'Holders of securities: countries (ISO alpha-2 ids), aggregates and banks (slugs)';
COMMENT ON COLUMN @extschema@.holder.id IS 'ISO 3166-1 alpha-2 code for a single country, a lowercase slug otherwise';
COMMENT ON COLUMN @extschema@.holder.name IS 'The label the source prints';
COMMENT ON COLUMN @extschema@.holder.kind IS 'country, aggregate or bank';
COMMENT ON COLUMN @extschema@.holder.country IS 'Country (alpha-2) of a country or bank; null for aggregates';
COMMENT ON COLUMN @extschema@.holder.source_id IS 'Source that names the holder';
COMMENT ON COLUMN @extschema@.holder.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.position (
    holder_id text NOT NULL,
    instrument text NOT NULL,
    as_of date NOT NULL,
    amount @extschema@.holding NOT NULL,
    basis text NOT NULL CHECK (basis IN ('market', 'face', 'book')),
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (holder_id, instrument, as_of)
);
CREATE INDEX position_as_of_idx ON @extschema@.position (as_of);
COMMENT ON TABLE @extschema@.position IS 'Holdings of a holder in an instrument at a date: one figure per key (official series only)';
COMMENT ON COLUMN @extschema@.position.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.position.instrument IS 'UST (all Treasury securities), UST-BILLS, UST-NOTES-BONDS, or a bank''s instrument';
COMMENT ON COLUMN @extschema@.position.as_of IS 'End of the period (last day of the month for TIC figures)';
COMMENT ON COLUMN @extschema@.position.amount IS 'The holding, exact, in its currency (USD for TIC)';
COMMENT ON COLUMN @extschema@.position.basis IS 'Valuation basis: market, face or book';
COMMENT ON COLUMN @extschema@.position.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.position.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.position.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

CREATE TABLE @extschema@.position_comparison (
    holder_id text NOT NULL REFERENCES @extschema@.holder (id),
    instrument text NOT NULL,
    as_of date NOT NULL,
    amount @extschema@.holding NOT NULL,
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (holder_id, instrument, as_of)
);
COMMENT ON TABLE @extschema@.position_comparison IS
    'Old-series values TIC prints "for comparison only" at series breaks; not the official series';
COMMENT ON COLUMN @extschema@.position_comparison.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.position_comparison.instrument IS 'Instrument, as in position';
COMMENT ON COLUMN @extschema@.position_comparison.as_of IS 'The break month (last day)';
COMMENT ON COLUMN @extschema@.position_comparison.amount IS 'Old-series value';
COMMENT ON COLUMN @extschema@.position_comparison.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.position_comparison.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.position_comparison.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

CREATE TABLE @extschema@.disclosure (
    id text PRIMARY KEY,
    holder_id text NOT NULL REFERENCES @extschema@.holder (id),
    as_of date,
    kind text NOT NULL CHECK (kind IN ('position', 'sale', 'planned_sale', 'unrealized_loss', 'other')),
    instrument text NOT NULL,
    amount @extschema@.holding NOT NULL,
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    quote text NOT NULL,
    caveat text,
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.disclosure IS 'Figures a holder (or the press) disclosed, with the source''s words';
COMMENT ON COLUMN @extschema@.disclosure.id IS 'Disclosure id (bank-positions-NN for shipped rows)';
COMMENT ON COLUMN @extschema@.disclosure.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.disclosure.as_of IS 'Date the figure refers to (or was announced, for plans); null where the source prints no year';
COMMENT ON COLUMN @extschema@.disclosure.kind IS 'position, sale, planned_sale, unrealized_loss or other';
COMMENT ON COLUMN @extschema@.disclosure.instrument IS 'What the figure is about, as the source words it';
COMMENT ON COLUMN @extschema@.disclosure.amount IS 'The figure, in the currency the source gives';
COMMENT ON COLUMN @extschema@.disclosure.source_id IS 'Source of the figure';
COMMENT ON COLUMN @extschema@.disclosure.quote IS 'The source''s words, short';
COMMENT ON COLUMN @extschema@.disclosure.caveat IS 'What the figure is not (a plan, a restatement, a date not printed, ...)';
COMMENT ON COLUMN @extschema@.disclosure.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.fx_rate (
    rate_set text NOT NULL,
    currency text NOT NULL,
    as_of date NOT NULL,
    per_usd numeric NOT NULL CHECK (per_usd > 0),
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (rate_set, currency, as_of)
);
COMMENT ON TABLE @extschema@.fx_rate IS 'Exchange rates in named rate sets, as units of the currency per 1 USD';
COMMENT ON COLUMN @extschema@.fx_rate.rate_set IS 'fed-monthly, ecb-daily, or a set of your own (chosen by holdings.rate_set)';
COMMENT ON COLUMN @extschema@.fx_rate.currency IS 'ISO 4217 code';
COMMENT ON COLUMN @extschema@.fx_rate.as_of IS 'Date of the rate (last day of the month for monthly averages)';
COMMENT ON COLUMN @extschema@.fx_rate.per_usd IS 'Units of the currency per 1 USD';
COMMENT ON COLUMN @extschema@.fx_rate.source_id IS 'Source of the rate';
COMMENT ON COLUMN @extschema@.fx_rate.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.fx_rate.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

CREATE TABLE @extschema@.dollar_index (
    series text NOT NULL,
    as_of date NOT NULL,
    value numeric NOT NULL,
    source_id text NOT NULL,
    shipped boolean NOT NULL DEFAULT true,
    release_id text,
    PRIMARY KEY (series, as_of)
);
COMMENT ON TABLE @extschema@.dollar_index IS 'Federal Reserve nominal broad US dollar index (Jan 2006 = 100)';
COMMENT ON COLUMN @extschema@.dollar_index.series IS 'TWEXBGSMTH (monthly average) or DTWEXBGS (daily)';
COMMENT ON COLUMN @extschema@.dollar_index.as_of IS 'Date (first of the month for the monthly series, as FRED dates it)';
COMMENT ON COLUMN @extschema@.dollar_index.value IS 'Index value';
COMMENT ON COLUMN @extschema@.dollar_index.source_id IS 'Source of the value';
COMMENT ON COLUMN @extschema@.dollar_index.shipped IS 'True for rows installed by the extension';
COMMENT ON COLUMN @extschema@.dollar_index.release_id IS 'The data release (holdings.data_release) the figure comes from; null for rows written by hand';

-- Any change to fx_rate moves holdings.fx_rate_version (41_rate_set.sql) on,
-- which the in-memory rate sets are keyed on.
-- SECURITY DEFINER because every role that may write fx_rate or rate_set must
-- move the version row on, and none may write that row itself. It acts only
-- when fired on those two tables of the extension (42501 otherwise): attached
-- by some role to a table of its own, it would take the version row's lock
-- (blocking every writer of fx_rate while that role's transaction stays open)
-- and make every session reload its rates. Not executable by PUBLIC
-- (96_privileges.sql; firing a trigger checks no EXECUTE privilege, creating
-- one does).
CREATE FUNCTION @extschema@.fx_rate_changed() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_class c
                     JOIN pg_catalog.pg_extension e ON e.extnamespace OPERATOR(pg_catalog.=) c.relnamespace
                    WHERE e.extname OPERATOR(pg_catalog.=) 'holdings'
                      AND c.oid OPERATOR(pg_catalog.=) TG_RELID
                      AND c.relname OPERATOR(pg_catalog.=) ANY (ARRAY['fx_rate', 'rate_set']::pg_catalog.name[])) THEN
        RAISE EXCEPTION 'fx_rate_changed() acts only on the extension''s fx_rate and rate_set tables, not on %',
            TG_RELID::pg_catalog.regclass
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE @extschema@.fx_rate_version SET id = true;  -- a new row version, same content
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.fx_rate_changed() IS 'Trigger on fx_rate and rate_set only: moves fx_rate_version on after a change, so cached rate sets of older versions are not used';
CREATE TRIGGER fx_rate_changed AFTER INSERT OR UPDATE OR DELETE ON @extschema@.fx_rate
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.fx_rate_changed();
CREATE TRIGGER fx_rate_truncated AFTER TRUNCATE ON @extschema@.fx_rate
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.fx_rate_changed();

