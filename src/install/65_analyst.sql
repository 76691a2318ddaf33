-- What analysts ask first, without traps: which months are complete, where a
-- series changes source, a holder's home currency, mixed-currency totals, the
-- rate actually used, and private (non-official) holdings.

-- ---- Home currency: ISO 3166 -> ISO 4217, and the euro's adoption dates ----

CREATE TABLE @extschema@.country_currency (
    country text PRIMARY KEY REFERENCES @extschema@.country (alpha2),
    currency text NOT NULL REFERENCES @extschema@.currency (code),
    other_currencies text[] NOT NULL DEFAULT '{}',
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.country_currency IS
    'Each country''s currency today (ISO 3166-1 -> ISO 4217, from the ISO country file); history before the euro is in euro_adoption';
COMMENT ON COLUMN @extschema@.country_currency.country IS 'ISO 3166-1 alpha-2 code';
COMMENT ON COLUMN @extschema@.country_currency.currency IS
    'ISO 4217 code of the country''s own currency (where the file lists several: the one that is not another country''s sole currency)';
COMMENT ON COLUMN @extschema@.country_currency.other_currencies IS
    'Other codes the file lists for the country (e.g. USD in Panama, ZAR in Lesotho); empty for most';
COMMENT ON COLUMN @extschema@.country_currency.source_id IS 'Source of the row';
COMMENT ON COLUMN @extschema@.country_currency.shipped IS 'True for rows installed by the extension';

CREATE TABLE @extschema@.euro_adoption (
    country text PRIMARY KEY REFERENCES @extschema@.country (alpha2),
    adopted date NOT NULL,
    legacy_currency text NOT NULL REFERENCES @extschema@.currency (code),
    source_id text NOT NULL REFERENCES @extschema@.source (id),
    shipped boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.euro_adoption IS
    'Euro area members: the date the euro became the country''s currency and the national currency it replaced';
COMMENT ON COLUMN @extschema@.euro_adoption.country IS 'ISO 3166-1 alpha-2 code';
COMMENT ON COLUMN @extschema@.euro_adoption.adopted IS 'First day with the euro as the currency (1 January of the year of entry)';
COMMENT ON COLUMN @extschema@.euro_adoption.legacy_currency IS 'ISO 4217 code of the currency the euro replaced (DEM, FRF, ..., BGN)';
COMMENT ON COLUMN @extschema@.euro_adoption.source_id IS 'Source of the row';
COMMENT ON COLUMN @extschema@.euro_adoption.shipped IS 'True for rows installed by the extension';

-- home_currency(holder or country, on_date): the currency in use there on that date.
CREATE FUNCTION @extschema@.home_currency(holder_or_country text, on_date date) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN e.adopted IS NOT NULL AND on_date < e.adopted THEN e.legacy_currency ELSE c.currency END
      FROM (SELECT CASE WHEN h.id IS NOT NULL THEN h.country ELSE upper(holder_or_country) END AS country
              FROM (SELECT 1) AS one
              LEFT JOIN @extschema@.holder h ON h.id = holder_or_country) AS k
      LEFT JOIN @extschema@.country_currency c ON c.country = k.country
      LEFT JOIN @extschema@.euro_adoption e ON e.country = k.country
$fn$;
COMMENT ON FUNCTION @extschema@.home_currency(text, date) IS
    'ISO 4217 code of the currency of a holder''s country (or of an ISO 3166 alpha-2 code) on a date: the legacy currency before a euro member adopted the euro; null for groupings and unknown codes';

-- ---- Rates: which rate was used, and from which date ----

-- fx_rate_info(from, to, on_date): fx_rate's answer with the dates of its two legs.
CREATE FUNCTION @extschema@.fx_rate_info(from_ccy text, to_ccy text, on_date date,
                                         OUT rate numeric, OUT rate_date date,
                                         OUT from_rate_date date, OUT to_rate_date date,
                                         OUT rate_set text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT r.rate, LEAST(f.as_of, t.as_of), f.as_of, t.as_of, s.rate_set
      FROM (SELECT @extschema@.fx_rate(from_ccy, to_ccy, on_date) AS rate) AS r
     CROSS JOIN (SELECT COALESCE(NULLIF(current_setting('holdings.rate_set', true), ''), 'fed-monthly') AS rate_set) AS s
     CROSS JOIN LATERAL (SELECT max(x.as_of) AS as_of FROM @extschema@.fx_rate x
                          WHERE x.rate_set = s.rate_set AND x.currency = upper(from_ccy) AND x.as_of <= on_date
                            AND upper(from_ccy) NOT IN ('USD', upper(to_ccy))) AS f
     CROSS JOIN LATERAL (SELECT max(x.as_of) AS as_of FROM @extschema@.fx_rate x
                          WHERE x.rate_set = s.rate_set AND x.currency = upper(to_ccy) AND x.as_of <= on_date
                            AND upper(to_ccy) NOT IN ('USD', upper(from_ccy))) AS t
$fn$;
COMMENT ON FUNCTION @extschema@.fx_rate_info(text, text, date) IS
    'fx_rate(from_ccy, to_ccy, on_date) with the dates of the rates used: rate_date is the older leg''s date (null when no rate is needed: same currency, or USD to USD), from_rate_date/to_rate_date each leg''s (null for USD), and the rate set';

-- fx_rate_available(ccy, on_date): whether fx_rate/fx_convert would find a rate.
CREATE FUNCTION @extschema@.fx_rate_available(ccy text, on_date date) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT upper(ccy) = 'USD' OR EXISTS (
        SELECT 1 FROM @extschema@.fx_rate x
          LEFT JOIN @extschema@.rate_set s ON s.name = x.rate_set
         WHERE x.rate_set = COALESCE(NULLIF(current_setting('holdings.rate_set', true), ''), 'fed-monthly')
           AND x.currency = upper(ccy) AND x.as_of <= on_date
           AND (s.max_gap_days IS NULL OR x.as_of >= on_date - s.max_gap_days))
$fn$;
COMMENT ON FUNCTION @extschema@.fx_rate_available(text, date) IS
    'True when the rate set holdings.rate_set has a rate for ccy on or before on_date and within the set''s max_gap_days (always for USD): fx_rate and fx_convert will not raise 22U03 for it';

-- ---- Mixed-currency totals ----

-- sum_in steps: each row converted at its date's rates, then added exactly.
CREATE FUNCTION @extschema@.sum_in_accum(internal, @extschema@.holding, text, date) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_sum_in_accum' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sum_in_accum(internal, @extschema@.holding, text, date) IS
    'sum_in steps: converts the row to the target currency at the rates of its date (reads fx_rate) and adds it';
-- Combines two partial sums.
CREATE FUNCTION @extschema@.sum_in_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_sum_in_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sum_in_combine(internal, internal) IS 'Combines two partial sum_in states';
-- State to bytes.
CREATE FUNCTION @extschema@.sum_in_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'holdings_sum_in_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sum_in_serialize(internal) IS 'sum_in state to bytes';
-- State from bytes.
CREATE FUNCTION @extschema@.sum_in_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'holdings_sum_in_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sum_in_deserialize(bytea, internal) IS 'sum_in state from bytes';
-- The sum, as a holding in the target currency.
CREATE FUNCTION @extschema@.sum_in_final(internal) RETURNS @extschema@.holding
    AS 'MODULE_PATHNAME', 'holdings_sum_in_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sum_in_final(internal) IS 'The sum_in result: a holding in the target currency';

CREATE AGGREGATE @extschema@.sum_in(h @extschema@.holding, to_ccy text, on_date date) (
    SFUNC = @extschema@.sum_in_accum,
    STYPE = internal,
    SSPACE = 24,
    FINALFUNC = @extschema@.sum_in_final,
    COMBINEFUNC = @extschema@.sum_in_combine,
    SERIALFUNC = @extschema@.sum_in_serialize,
    DESERIALFUNC = @extschema@.sum_in_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum_in(@extschema@.holding, text, date) IS
    'Sum of holdings of any currencies in to_ccy: each row converted at the rates of on_date (a constant or the row''s own date), rounded half to even per row, added exactly; equals sum(fx_convert(h, to_ccy, on_date))';

-- ---- Coverage: which months are complete, for which holders ----

CREATE VIEW @extschema@.month_coverage AS
WITH line AS (
    SELECT p.as_of, p.holder_id, h.kind, @extschema@.amount(p.amount) AS usd, p.source_id
      FROM @extschema@.position p
      JOIN @extschema@.holder h ON h.id = p.holder_id
     WHERE p.instrument = 'UST' AND h.kind <> 'bank' AND @extschema@.currency(p.amount) = 'USD'
), month AS (
    SELECT as_of,
           pg_catalog.count(*) FILTER (WHERE holder_id NOT IN ('grand-total', 'foreign-official', 'all-other')) AS listed_lines,
           pg_catalog.count(*) FILTER (WHERE kind = 'country') AS country_lines,
           pg_catalog.sum(usd) FILTER (WHERE holder_id NOT IN ('grand-total', 'foreign-official')) AS lines_usd,
           pg_catalog.max(usd) FILTER (WHERE holder_id = 'grand-total') AS grand_total_usd,
           pg_catalog.max(usd) FILTER (WHERE holder_id = 'all-other') AS all_other_usd,
           pg_catalog.max(usd) FILTER (WHERE holder_id = 'foreign-official') AS foreign_official_usd,
           pg_catalog.max(usd) FILTER (WHERE holder_id = 'all-countries') AS all_countries_usd,
           pg_catalog.max(usd) FILTER (WHERE holder_id = 'total-iros') AS iros_usd,
           pg_catalog.string_agg(DISTINCT source_id, ', ' ORDER BY source_id) AS sources
      FROM line GROUP BY as_of
)
-- Two layouts: the Major Foreign Holders table (mfhhis01, Table 5) lists lines
-- that with All Other add up to the Grand Total (rounded to 0.1 bn each); TIC
-- Table 3 (in millions) lists All Countries and the international and
-- regional organizations (IROs), which add up to its Grand Total.
SELECT as_of AS month, listed_lines, country_lines,
       (grand_total_usd / 1000000000)::numeric(13,3) AS grand_total_usd_bn,
       (foreign_official_usd / 1000000000)::numeric(13,3) AS foreign_official_usd_bn,
       ((grand_total_usd - CASE WHEN all_countries_usd IS NOT NULL THEN all_countries_usd + coalesce(iros_usd, 0)
                                ELSE lines_usd END) / 1000000000)::numeric(13,3) AS unexplained_usd_bn,
       (grand_total_usd IS NOT NULL AND foreign_official_usd IS NOT NULL
        AND ((all_other_usd IS NOT NULL AND pg_catalog.abs(grand_total_usd - lines_usd) <= 50000000 * (listed_lines + 2))
             OR (all_countries_usd IS NOT NULL AND iros_usd IS NOT NULL
                 AND pg_catalog.abs(grand_total_usd - all_countries_usd - iros_usd) <= 1500000))) AS complete,
       sources
  FROM month;
COMMENT ON VIEW @extschema@.month_coverage IS
    'One row per month of the TIC tables: how many lines it has and whether it is complete (Grand Total and Foreign Official present, and the lines add up to the Grand Total: the listed lines and All Other in the major-holders layout, All Countries and IROs in Table 3)';
COMMENT ON COLUMN @extschema@.month_coverage.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.month_coverage.listed_lines IS 'Lines with a figure, other than Grand Total, All Other and Foreign Official (countries and groupings)';
COMMENT ON COLUMN @extschema@.month_coverage.country_lines IS 'Of those, lines that are one country';
COMMENT ON COLUMN @extschema@.month_coverage.grand_total_usd_bn IS 'Grand Total, billions of USD (null when missing)';
COMMENT ON COLUMN @extschema@.month_coverage.foreign_official_usd_bn IS 'Foreign Official, billions of USD (null when missing)';
COMMENT ON COLUMN @extschema@.month_coverage.unexplained_usd_bn IS
    'Grand Total minus what its parts add up to (All Countries and IROs where Table 3 gives them, else the listed lines and All Other), billions of USD: rounding only in a complete month';
COMMENT ON COLUMN @extschema@.month_coverage.complete IS
    'True when the totals are present and the lines add up to the Grand Total within rounding: every holder listed that month is there';
COMMENT ON COLUMN @extschema@.month_coverage.sources IS 'Sources of the month''s figures (more than one: mixed releases)';

-- latest_complete_month(): where "the latest month" should end for every holder.
-- It checks the months that have a Grand Total, newest first (each check reads
-- one month through the index on as_of), so it costs about a millisecond; the
-- high COST keeps the planner from calling it once per row of a join.
CREATE FUNCTION @extschema@.latest_complete_month() RETURNS date
    LANGUAGE plpgsql STABLE PARALLEL SAFE COST 10000
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    candidate date;
BEGIN
    FOR candidate IN
        SELECT p.as_of FROM @extschema@.position p
         WHERE p.holder_id = 'grand-total' AND p.instrument = 'UST' ORDER BY p.as_of DESC
    LOOP
        IF (SELECT c.complete FROM @extschema@.month_coverage c WHERE c.month = candidate) THEN
            RETURN candidate;
        END IF;
    END LOOP;
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@.latest_complete_month() IS
    'The last month (its last day) in which the TIC table is complete (month_coverage.complete); call it once per query, e.g. (SELECT latest_complete_month())';

CREATE VIEW @extschema@.holder_coverage AS
WITH c AS MATERIALIZED (SELECT month FROM @extschema@.month_coverage WHERE complete)
SELECT p.holder_id, h.name AS holder_name, h.kind AS holder_kind, p.instrument,
       pg_catalog.min(p.as_of) AS first_month, pg_catalog.max(p.as_of) AS last_month,
       pg_catalog.max(p.as_of) FILTER (WHERE c.month IS NOT NULL) AS last_complete_month,
       pg_catalog.count(*) AS months,
       ((extract(year FROM pg_catalog.max(p.as_of)) * 12 + extract(month FROM pg_catalog.max(p.as_of)))
         - (extract(year FROM pg_catalog.min(p.as_of)) * 12 + extract(month FROM pg_catalog.min(p.as_of))) + 1 - pg_catalog.count(*))::bigint AS missing_months,
       pg_catalog.string_agg(DISTINCT p.source_id, ', ' ORDER BY p.source_id) AS sources
  FROM @extschema@.position p
  JOIN @extschema@.holder h ON h.id = p.holder_id
  LEFT JOIN c ON c.month = p.as_of
 WHERE h.kind <> 'bank'
 GROUP BY p.holder_id, h.name, h.kind, p.instrument;
COMMENT ON VIEW @extschema@.holder_coverage IS
    'For each TIC holder line and instrument: the months it has figures for, the last complete month it is listed in, and gaps';
COMMENT ON COLUMN @extschema@.holder_coverage.holder_id IS 'Holder id';
COMMENT ON COLUMN @extschema@.holder_coverage.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.holder_coverage.holder_kind IS 'country or aggregate';
COMMENT ON COLUMN @extschema@.holder_coverage.instrument IS 'UST, UST-BILLS or UST-NOTES-BONDS';
COMMENT ON COLUMN @extschema@.holder_coverage.first_month IS 'First month with a figure';
COMMENT ON COLUMN @extschema@.holder_coverage.last_month IS 'Last month with a figure (may be a month not yet complete for every holder)';
COMMENT ON COLUMN @extschema@.holder_coverage.last_complete_month IS
    'Last complete month (month_coverage) with a figure for this line; null if never listed in a complete month';
COMMENT ON COLUMN @extschema@.holder_coverage.months IS 'Number of months with a figure';
COMMENT ON COLUMN @extschema@.holder_coverage.missing_months IS 'Months between the first and the last without a figure (n.a. in the source, or not listed)';
COMMENT ON COLUMN @extschema@.holder_coverage.sources IS 'Sources of the figures';

-- ---- Where a series changes source, breaks, or has a gap ----

CREATE VIEW @extschema@.series_changes AS
WITH s AS (
    SELECT p.holder_id, h.kind, p.instrument, p.as_of, p.source_id,
           pg_catalog.lag(p.as_of) OVER w AS previous_as_of, pg_catalog.lag(p.source_id) OVER w AS previous_source_id
      FROM @extschema@.position p
      JOIN @extschema@.holder h ON h.id = p.holder_id
    WINDOW w AS (PARTITION BY p.holder_id, p.instrument ORDER BY p.as_of)
)
SELECT holder_id, instrument, as_of, 'source'::text AS change, previous_as_of, previous_source_id, source_id,
       NULL::numeric(13,3) AS break_usd_bn,
       'figures from here on come from another source or release'::text AS note
  FROM s WHERE previous_source_id <> source_id
UNION ALL
SELECT holder_id, instrument, as_of, 'gap', previous_as_of, previous_source_id, source_id, NULL::numeric(13,3),
       'no figure for the months in between'
  FROM s
 WHERE kind <> 'bank' AND previous_as_of < (pg_catalog.date_trunc('month', as_of) - interval '1 day')::date
UNION ALL
SELECT c.holder_id, c.instrument, c.as_of, 'series-break', NULL, c.source_id, p.source_id,
       ((@extschema@.amount(p.amount) - @extschema@.amount(c.amount)) / 1000000000)::numeric(13,3),
       'new reporting series: this month is also printed on the old basis (position_comparison); break_usd_bn = new minus old, not trading'
  FROM @extschema@.position_comparison c
  JOIN @extschema@.position p USING (holder_id, instrument, as_of)
 WHERE @extschema@.currency(p.amount) = 'USD' AND @extschema@.currency(c.amount) = 'USD';
COMMENT ON VIEW @extschema@.series_changes IS
    'Where a holder''s series changes source or release, resumes after a gap, or breaks (a new reporting series): check before comparing across these dates';
COMMENT ON COLUMN @extschema@.series_changes.holder_id IS 'Holder id';
COMMENT ON COLUMN @extschema@.series_changes.instrument IS 'Instrument';
COMMENT ON COLUMN @extschema@.series_changes.as_of IS 'First date on the new source, after the gap, or of the new series';
COMMENT ON COLUMN @extschema@.series_changes.change IS 'source, gap or series-break';
COMMENT ON COLUMN @extschema@.series_changes.previous_as_of IS 'The date before (source and gap changes)';
COMMENT ON COLUMN @extschema@.series_changes.previous_source_id IS 'Source before the change (for a series break: the source of the old-basis value)';
COMMENT ON COLUMN @extschema@.series_changes.source_id IS 'Source from this date on';
COMMENT ON COLUMN @extschema@.series_changes.break_usd_bn IS 'Series breaks: new-series minus old-series value, billions of USD';
COMMENT ON COLUMN @extschema@.series_changes.note IS 'What the change means';

-- ---- Private holders: Grand Total minus Foreign Official ----

CREATE VIEW @extschema@.private_holdings AS
SELECT t.as_of AS month,
       (@extschema@.amount(t.amount) / 1000000000)::numeric(13,3) AS total_usd_bn,
       (@extschema@.amount(o.amount) / 1000000000)::numeric(13,3) AS official_usd_bn,
       ((@extschema@.amount(t.amount) - @extschema@.amount(o.amount)) / 1000000000)::numeric(13,3) AS private_usd_bn,
       pg_catalog.round(100 * (@extschema@.amount(t.amount) - @extschema@.amount(o.amount)) / @extschema@.amount(t.amount), 1)::numeric(5,1) AS private_pct,
       t.source_id
  FROM @extschema@.position t
  JOIN @extschema@.position o
    ON o.holder_id = 'foreign-official' AND o.instrument = 'UST' AND o.as_of = t.as_of AND o.source_id = t.source_id
 WHERE t.holder_id = 'grand-total' AND t.instrument = 'UST'
   AND @extschema@.currency(t.amount) = 'USD' AND @extschema@.currency(o.amount) = 'USD';
COMMENT ON VIEW @extschema@.private_holdings IS
    'Foreign holdings of Treasuries split into official and private (= Grand Total minus Foreign Official), monthly, where both come from the same release; all foreign holders only (TIC gives no per-country split); see the caveats in docs/reference.md';
COMMENT ON COLUMN @extschema@.private_holdings.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.private_holdings.total_usd_bn IS 'Grand Total: all foreign holders, billions of USD (market value)';
COMMENT ON COLUMN @extschema@.private_holdings.official_usd_bn IS 'Foreign Official: central banks and governments as identified by US custodians, billions of USD';
COMMENT ON COLUMN @extschema@.private_holdings.private_usd_bn IS
    'Total minus official, billions of USD: private foreign holders plus official holdings the custodians could not identify as official';
COMMENT ON COLUMN @extschema@.private_holdings.private_pct IS 'Private share of the total, percent, one decimal';
COMMENT ON COLUMN @extschema@.private_holdings.source_id IS 'Source (release) of both figures';
