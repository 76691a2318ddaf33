-- An independent price effect (issue 20): what prices did to a holder's
-- Treasuries, estimated without the holder's own residual, so that valuation
-- (level change minus transactions) splits into an estimated price effect and
-- an attribution/basis residual. docs/reference.md, "The price effect".
--
-- The market's monthly return on foreign-held long-term Treasuries is TIC's
-- own (Table 3, Grand Total: reported long-term valuation change over the
-- long-term holdings at the end of the month before) from 2023-02; before,
-- it is a duration model on the 10-year H.15 yield: return = -D x (change in
-- the month-end DGS10 yield), D calibrated by least squares through the origin
-- on the months where both exist. Exact numeric throughout (no float): D is a
-- numeric ratio of numeric sums; money is rounded once, at 8 digits.

-- ---- Yields as of a date ----

-- treasury_yield_at(series, on_date, max_gap_days): the latest yield on or
-- before the date, and its date; 22U04 when there is none within max_gap_days.
CREATE FUNCTION @extschema@.treasury_yield_at(series text, on_date date, max_gap_days integer DEFAULT 7,
                                              OUT yield_percent numeric, OUT yield_date date)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    wanted text := pg_catalog.upper(treasury_yield_at.series);
BEGIN
    IF max_gap_days < 0 THEN
        RAISE EXCEPTION 'max_gap_days must not be negative' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT y.yield_percent, y.as_of INTO yield_percent, yield_date
      FROM @extschema@.treasury_yield y
     WHERE y.series = wanted AND y.as_of <= on_date
     ORDER BY y.as_of DESC LIMIT 1;
    IF yield_date IS NULL THEN
        RAISE EXCEPTION 'no % yield on or before %', wanted, on_date
            USING ERRCODE = '22U04',
                  HINT = CASE WHEN EXISTS (SELECT 1 FROM @extschema@.treasury_yield y WHERE y.series = wanted)
                              THEN pg_catalog.format('The series starts on %s.',
                                       (SELECT pg_catalog.min(y.as_of) FROM @extschema@.treasury_yield y WHERE y.series = wanted))
                              ELSE 'Series: DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS5, DGS7, DGS10, DGS20, DGS30.' END;
    END IF;
    IF yield_date < on_date - max_gap_days THEN
        RAISE EXCEPTION 'no % yield within % days before %', wanted, max_gap_days, on_date
            USING ERRCODE = '22U04',
                  HINT = pg_catalog.format('The latest on or before is %s; pass a larger max_gap_days to use it.', yield_date);
    END IF;
    RETURN;
END
$fn$;
COMMENT ON FUNCTION @extschema@.treasury_yield_at(text, date, integer) IS
    'The latest H.15 yield of the series on or before on_date and its date (weekends and holidays take the business day before); 22U04 when none is within max_gap_days (default 7)';

-- ---- The market's return on foreign-held long-term Treasuries ----

CREATE VIEW @extschema@.treasury_market_return AS
WITH months AS (
    SELECT DISTINCT p.as_of FROM @extschema@.position p
     WHERE p.holder_id = 'grand-total' AND p.instrument = 'UST'
), yields AS MATERIALIZED (
    SELECT m.as_of, y.yield_percent, y.as_of AS yield_date,
           pg_catalog.lag(m.as_of) OVER (ORDER BY m.as_of) AS previous_month,
           pg_catalog.lag(y.yield_percent) OVER (ORDER BY m.as_of) AS previous_yield
      FROM months m
      LEFT JOIN LATERAL (SELECT t.yield_percent, t.as_of FROM @extschema@.treasury_yield t
                          WHERE t.series = 'DGS10' AND t.as_of <= m.as_of AND t.as_of >= m.as_of - 7
                          ORDER BY t.as_of DESC LIMIT 1) y ON true
), reported AS MATERIALIZED (
    SELECT t.as_of, @extschema@.amount(t.valuation_change) AS valuation, @extschema@.amount(p.amount) AS base
      FROM @extschema@.transaction t
      JOIN @extschema@.position p ON p.holder_id = t.holder_id AND p.instrument = 'UST-NOTES-BONDS'
                                  AND p.as_of = t.as_of - pg_catalog.date_part('day', t.as_of)::integer
     WHERE t.holder_id = 'grand-total' AND t.instrument = 'UST-NOTES-BONDS' AND t.valuation_change IS NOT NULL
       AND @extschema@.currency(t.valuation_change) = 'USD' AND @extschema@.currency(p.amount) = 'USD'
       AND @extschema@.amount(p.amount) > 0
)
SELECT y.as_of AS month, y.yield_percent::numeric(8,4) AS yield_10y, y.yield_date,
       (CASE WHEN y.previous_month = y.as_of - pg_catalog.date_part('day', y.as_of)::integer
             THEN y.yield_percent - y.previous_yield END)::numeric(8,4) AS yield_change,
       r.valuation::numeric(38,8) AS reported_valuation, r.base::numeric(38,8) AS long_term_holdings,
       pg_catalog.round(r.valuation / r.base, 12)::numeric(20,12) AS reported_return
  FROM yields y LEFT JOIN reported r ON r.as_of = y.as_of;
COMMENT ON VIEW @extschema@.treasury_market_return IS
    'Each TIC month: the month-end 10-year yield (DGS10, the last business day on or before, within 7 days), its change from the month before, and the market''s reported return on foreign-held long-term Treasuries (Table 3 Grand Total, from 2023-02)';
COMMENT ON COLUMN @extschema@.treasury_market_return.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.treasury_market_return.yield_10y IS 'DGS10 yield, percent, on yield_date';
COMMENT ON COLUMN @extschema@.treasury_market_return.yield_date IS 'The business day the yield is from (on or before month, within 7 days)';
COMMENT ON COLUMN @extschema@.treasury_market_return.yield_change IS 'yield_10y minus the previous month''s, percentage points; null when a month is missing';
COMMENT ON COLUMN @extschema@.treasury_market_return.reported_valuation IS 'Grand Total long-term valuation change TIC reports, USD (from 2023-02)';
COMMENT ON COLUMN @extschema@.treasury_market_return.long_term_holdings IS 'Grand Total long-term holdings at the end of the month before, USD';
COMMENT ON COLUMN @extschema@.treasury_market_return.reported_return IS 'reported_valuation / long_term_holdings (12 decimals): the market''s price return in the month';

-- The duration model's coefficient and its calibration error.
CREATE VIEW @extschema@.price_model_calibration AS
WITH both_known AS (
    SELECT r.month, r.yield_change, r.reported_return FROM @extschema@.treasury_market_return r
     WHERE r.yield_change IS NOT NULL AND r.reported_return IS NOT NULL
), fit AS (
    SELECT pg_catalog.round(-pg_catalog.sum(b.reported_return * b.yield_change / 100)
                            / NULLIF(pg_catalog.sum((b.yield_change / 100) * (b.yield_change / 100)), 0), 6) AS duration,
           pg_catalog.count(*)::integer AS months, pg_catalog.min(b.month) AS first_month, pg_catalog.max(b.month) AS last_month
      FROM both_known b
)
SELECT f.duration::numeric(12,6) AS duration, f.months, f.first_month, f.last_month,
       pg_catalog.round(pg_catalog.sqrt(pg_catalog.avg((b.reported_return + f.duration * b.yield_change / 100) ^ 2)) * 100, 3)::numeric(10,3) AS rmse_pp,
       pg_catalog.round(pg_catalog.avg(pg_catalog.abs(b.reported_return + f.duration * b.yield_change / 100)) * 100, 3)::numeric(10,3) AS mae_pp,
       pg_catalog.round(pg_catalog.sqrt(pg_catalog.avg(b.reported_return ^ 2)) * 100, 3)::numeric(10,3) AS rms_return_pp
  FROM fit f LEFT JOIN both_known b ON true
 GROUP BY f.duration, f.months, f.first_month, f.last_month;
COMMENT ON VIEW @extschema@.price_model_calibration IS
    'The duration model return = -duration x (change in the 10-year yield), fitted by least squares through the origin on the months with both a reported market return and a yield change, and its error (numeric, no float)';
COMMENT ON COLUMN @extschema@.price_model_calibration.duration IS 'Fitted sensitivity of the monthly price return to the 10-year yield''s change (years, 6 decimals)';
COMMENT ON COLUMN @extschema@.price_model_calibration.months IS 'Months used for the fit';
COMMENT ON COLUMN @extschema@.price_model_calibration.first_month IS 'First month of the fit';
COMMENT ON COLUMN @extschema@.price_model_calibration.last_month IS 'Last month of the fit';
COMMENT ON COLUMN @extschema@.price_model_calibration.rmse_pp IS 'Root mean square error of the model''s monthly return, percentage points';
COMMENT ON COLUMN @extschema@.price_model_calibration.mae_pp IS 'Mean absolute error of the model''s monthly return, percentage points';
COMMENT ON COLUMN @extschema@.price_model_calibration.rms_return_pp IS 'Root mean square of the reported monthly return itself, percentage points (the scale to judge the error by)';

-- The return used for each month: reported where TIC reports one, else the model's.
CREATE VIEW @extschema@.treasury_price_return AS
SELECT r.month, r.yield_10y, r.yield_change, r.reported_return,
       pg_catalog.round(-c.duration * r.yield_change / 100, 12)::numeric(20,12) AS model_return,
       COALESCE(r.reported_return, pg_catalog.round(-c.duration * r.yield_change / 100, 12))::numeric(20,12) AS price_return,
       CASE WHEN r.reported_return IS NOT NULL THEN 'tic-reported'
            WHEN r.yield_change IS NOT NULL AND c.duration IS NOT NULL THEN 'h15-duration-model' END AS basis
  FROM @extschema@.treasury_market_return r
 CROSS JOIN @extschema@.price_model_calibration c;
COMMENT ON VIEW @extschema@.treasury_price_return IS
    'The monthly price return on foreign-held long-term Treasuries used for price-effect estimates: TIC''s reported market return from 2023-02, the calibrated duration model on the 10-year yield before';
COMMENT ON COLUMN @extschema@.treasury_price_return.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.treasury_price_return.yield_10y IS 'Month-end DGS10 yield, percent';
COMMENT ON COLUMN @extschema@.treasury_price_return.yield_change IS 'Change of the month-end 10-year yield, percentage points';
COMMENT ON COLUMN @extschema@.treasury_price_return.reported_return IS 'TIC''s market return (Table 3 Grand Total), null before 2023-02';
COMMENT ON COLUMN @extschema@.treasury_price_return.model_return IS '-duration x yield_change / 100 (price_model_calibration.duration), 12 decimals';
COMMENT ON COLUMN @extschema@.treasury_price_return.price_return IS 'reported_return where there is one, else model_return';
COMMENT ON COLUMN @extschema@.treasury_price_return.basis IS 'tic-reported or h15-duration-model; null when neither is known (no yield within 7 days)';

-- Each holder's long-term holdings at the end of each month, best source
-- first: position (Table 3 from 2020-01), Table 3D's vintage (2011-09 ..
-- 2023-01), else the total (bills included: an upper bound). position_vintage
-- keeps every release's figure: of Table 3D's, the newest release's (by its
-- vintage, then id; a row written by hand, release '', last, and so is a
-- row naming a release of another dataset or none: release_id has no
-- foreign key, so the release must be Table 3D's to count).
CREATE VIEW @extschema@.long_term_base AS
SELECT p.holder_id, p.as_of,
       COALESCE(@extschema@.amount(lt.amount), @extschema@.amount(v.amount), @extschema@.amount(p.amount))::numeric(38,8) AS long_term_holdings,
       CASE WHEN lt.amount IS NOT NULL THEN 'long-term'
            WHEN v.amount IS NOT NULL THEN 'long-term (Table 3D)'
            ELSE 'total (bills included)' END AS basis
  FROM @extschema@.position p
  LEFT JOIN @extschema@.position lt
         ON lt.holder_id = p.holder_id AND lt.instrument = 'UST-NOTES-BONDS' AND lt.as_of = p.as_of
        AND @extschema@.currency(lt.amount) = 'USD'
  LEFT JOIN (SELECT DISTINCT ON (x.holder_id, x.as_of) x.holder_id, x.as_of, x.amount
               FROM @extschema@.position_vintage x
               LEFT JOIN @extschema@.data_release d ON d.id = x.release_id AND d.source_id = x.source_id
              WHERE x.instrument = 'UST-NOTES-BONDS' AND x.source_id = 'tic-slt-table3d'
                AND @extschema@.currency(x.amount) = 'USD'
              ORDER BY x.holder_id, x.as_of, d.vintage DESC NULLS LAST, x.release_id DESC) v
         ON v.holder_id = p.holder_id AND v.as_of = p.as_of
 WHERE p.instrument = 'UST' AND @extschema@.currency(p.amount) = 'USD';
COMMENT ON VIEW @extschema@.long_term_base IS
    'Each holder''s long-term Treasury holdings at the end of each month with a level, USD: the base a price return applies to';
COMMENT ON COLUMN @extschema@.long_term_base.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.long_term_base.as_of IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.long_term_base.long_term_holdings IS 'Long-term holdings, USD';
COMMENT ON COLUMN @extschema@.long_term_base.basis IS 'long-term (position), long-term (Table 3D) (the 2011-09 .. 2023-01 vintage), or total (bills included) where no long-term figure exists';

-- The estimate against what TIC reports: for every holder and year, over the
-- months in which TIC reports the holder's long-term valuation change (2023-02
-- on), the reported change, the estimate from the market's return, and the
-- estimate from the yield model alone (out of sample for each holder: the model
-- is fitted on the market, not on the holder).
CREATE VIEW @extschema@.price_effect_validation AS
SELECT t.holder_id, pg_catalog.date_part('year', t.as_of)::integer AS year, pg_catalog.count(*)::integer AS months,
       pg_catalog.sum(@extschema@.amount(t.valuation_change))::numeric(38,8) AS reported_valuation,
       pg_catalog.sum(pg_catalog.round(b.long_term_holdings * r.price_return, 8))::numeric(38,8) AS estimated_price_effect,
       pg_catalog.sum(pg_catalog.round(b.long_term_holdings * r.model_return, 8))::numeric(38,8) AS model_price_effect,
       pg_catalog.avg(b.long_term_holdings)::numeric(38,8) AS mean_long_term_holdings
  FROM @extschema@.transaction t
  JOIN @extschema@.long_term_base b
    ON b.holder_id = t.holder_id AND b.as_of = t.as_of - pg_catalog.date_part('day', t.as_of)::integer
  JOIN @extschema@.treasury_price_return r ON r.month = t.as_of
 WHERE t.instrument = 'UST-NOTES-BONDS' AND t.valuation_change IS NOT NULL
   AND @extschema@.currency(t.valuation_change) = 'USD' AND r.model_return IS NOT NULL
 GROUP BY t.holder_id, pg_catalog.date_part('year', t.as_of);
COMMENT ON VIEW @extschema@.price_effect_validation IS
    'The price-effect estimate against TIC''s reported long-term valuation change, per holder and year, over the months TIC reports one (2023-02 on), USD';
COMMENT ON COLUMN @extschema@.price_effect_validation.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.price_effect_validation.year IS 'Calendar year';
COMMENT ON COLUMN @extschema@.price_effect_validation.months IS 'Months with a reported valuation and a price return';
COMMENT ON COLUMN @extschema@.price_effect_validation.reported_valuation IS 'Sum of the long-term valuation changes TIC reports, USD';
COMMENT ON COLUMN @extschema@.price_effect_validation.estimated_price_effect IS 'Sum of long-term holdings x the market''s reported return (what monthly_flows uses from 2023-02), USD';
COMMENT ON COLUMN @extschema@.price_effect_validation.model_price_effect IS 'Sum of long-term holdings x the yield model''s return (what monthly_flows uses before 2023-02), USD';
COMMENT ON COLUMN @extschema@.price_effect_validation.mean_long_term_holdings IS 'Mean long-term holdings at the start of those months, USD';
