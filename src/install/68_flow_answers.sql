-- "Did they sell?" answered from transactions, with the caveats inside the
-- answer (issue 20). docs/reference.md, "Net foreign purchases".

-- ---- Net foreign purchases over any period: an aggregate ----

CREATE TYPE @extschema@.net_purchases_total AS (
    net_foreign_purchases numeric,
    net_foreign_sales numeric,
    months integer,
    first_month date,
    last_month date,
    months_without_flows integer,
    months_without_bills_flows integer,
    months_without_long_term_flows integer,
    caveats text
);
COMMENT ON TYPE @extschema@.net_purchases_total IS
    'Net foreign purchases over a period (TIC''s sense: transactions, positive = bought; net_foreign_sales = minus that), USD, with what the period lacks';
COMMENT ON COLUMN @extschema@.net_purchases_total.net_foreign_purchases IS 'Sum of the months'' reported net purchases, USD';
COMMENT ON COLUMN @extschema@.net_purchases_total.net_foreign_sales IS 'Minus net_foreign_purchases: positive = the holder sold';
COMMENT ON COLUMN @extschema@.net_purchases_total.months IS 'Months from first_month to last_month (calendar months, both included)';
COMMENT ON COLUMN @extschema@.net_purchases_total.first_month IS 'First month with a row (its last day)';
COMMENT ON COLUMN @extschema@.net_purchases_total.last_month IS 'Last month with a row (its last day)';
COMMENT ON COLUMN @extschema@.net_purchases_total.months_without_flows IS 'Months of the span with no flow at all (no row, or flows_missing = all)';
COMMENT ON COLUMN @extschema@.net_purchases_total.months_without_bills_flows IS 'Months of the span without a bills flow (includes months without flows)';
COMMENT ON COLUMN @extschema@.net_purchases_total.months_without_long_term_flows IS 'Months of the span without a long-term flow (includes months without flows)';
COMMENT ON COLUMN @extschema@.net_purchases_total.caveats IS 'What the total lacks, in words; ''none'' when every month has both maturities';

-- State: (sum, -, rows, first, last, rows without flows, rows without bills,
-- rows without long-term, NULL); the final step turns rows into calendar months.
CREATE FUNCTION @extschema@.net_purchases_accum(state @extschema@.net_purchases_total, net_purchases numeric,
                                                flows_missing text, as_of date)
    RETURNS @extschema@.net_purchases_total
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN as_of IS NULL THEN state ELSE ROW(
        COALESCE((state).net_foreign_purchases, 0) + COALESCE(net_purchases, 0), NULL,
        COALESCE((state).months, 0) + 1,
        LEAST((state).first_month, as_of), GREATEST((state).last_month, as_of),
        COALESCE((state).months_without_flows, 0) + (net_purchases IS NULL OR COALESCE(flows_missing = 'all', false))::integer,
        COALESCE((state).months_without_bills_flows, 0)
            + (net_purchases IS NULL OR COALESCE(flows_missing IN ('bills', 'all'), false))::integer,
        COALESCE((state).months_without_long_term_flows, 0)
            + (net_purchases IS NULL OR COALESCE(flows_missing IN ('long-term', 'all'), false))::integer,
        NULL)::@extschema@.net_purchases_total END
$fn$;
COMMENT ON FUNCTION @extschema@.net_purchases_accum(@extschema@.net_purchases_total, numeric, text, date) IS
    'net_foreign_purchases steps: adds one month''s net purchases and counts what it lacks';

CREATE FUNCTION @extschema@.net_purchases_combine(a @extschema@.net_purchases_total, b @extschema@.net_purchases_total)
    RETURNS @extschema@.net_purchases_total
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE ROW(
        (a).net_foreign_purchases + (b).net_foreign_purchases, NULL, (a).months + (b).months,
        LEAST((a).first_month, (b).first_month), GREATEST((a).last_month, (b).last_month),
        (a).months_without_flows + (b).months_without_flows,
        (a).months_without_bills_flows + (b).months_without_bills_flows,
        (a).months_without_long_term_flows + (b).months_without_long_term_flows, NULL)::@extschema@.net_purchases_total END
$fn$;
COMMENT ON FUNCTION @extschema@.net_purchases_combine(@extschema@.net_purchases_total, @extschema@.net_purchases_total) IS
    'Combines two partial net_foreign_purchases states';

-- Months between two month-ends, both included.
CREATE FUNCTION @extschema@.months_spanned(first_month date, last_month date) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT ((pg_catalog.date_part('year', last_month) - pg_catalog.date_part('year', first_month)) * 12
            + pg_catalog.date_part('month', last_month) - pg_catalog.date_part('month', first_month))::integer + 1
$fn$;
COMMENT ON FUNCTION @extschema@.months_spanned(date, date) IS
    'Calendar months from first_month to last_month, both included (2025-05 .. 2026-04: 12)';

CREATE FUNCTION @extschema@.net_purchases_final(state @extschema@.net_purchases_total)
    RETURNS @extschema@.net_purchases_total
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN state IS NULL THEN NULL ELSE ROW(
        (state).net_foreign_purchases, -(state).net_foreign_purchases, s.spanned,
        (state).first_month, (state).last_month,
        (state).months_without_flows + GREATEST(s.spanned - (state).months, 0),
        (state).months_without_bills_flows + GREATEST(s.spanned - (state).months, 0),
        (state).months_without_long_term_flows + GREATEST(s.spanned - (state).months, 0),
        COALESCE(NULLIF(pg_catalog.concat_ws('; ',
            CASE WHEN (state).months > s.spanned
                 THEN pg_catalog.format('%s rows for %s months: feed one row per month (net_foreign_purchases_monthly)',
                                        (state).months, s.spanned) END,
            CASE WHEN (state).months_without_flows + GREATEST(s.spanned - (state).months, 0) > 0
                 THEN pg_catalog.format('no flows in %s of %s months (counted as zero)',
                                        (state).months_without_flows + GREATEST(s.spanned - (state).months, 0), s.spanned) END,
            CASE WHEN (state).months_without_bills_flows - (state).months_without_flows > 0
                 THEN pg_catalog.format('no bills flows in %s of %s months',
                                        (state).months_without_bills_flows - (state).months_without_flows, s.spanned) END,
            CASE WHEN (state).months_without_long_term_flows - (state).months_without_flows > 0
                 THEN pg_catalog.format('no long-term flows in %s of %s months',
                                        (state).months_without_long_term_flows - (state).months_without_flows, s.spanned) END),
            ''), 'none'))::@extschema@.net_purchases_total END
      FROM (SELECT @extschema@.months_spanned((state).first_month, (state).last_month) AS spanned) s
$fn$;
COMMENT ON FUNCTION @extschema@.net_purchases_final(@extschema@.net_purchases_total) IS
    'net_foreign_purchases result: net sales, calendar months and the caveats';

CREATE AGGREGATE @extschema@.net_foreign_purchases(net_purchases numeric, flows_missing text, as_of date) (
    SFUNC = @extschema@.net_purchases_accum,
    STYPE = @extschema@.net_purchases_total,
    FINALFUNC = @extschema@.net_purchases_final,
    COMBINEFUNC = @extschema@.net_purchases_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_foreign_purchases(numeric, text, date) IS
    'Did they sell? Net foreign purchases over the rows'' months from transactions (one row per month, e.g. of net_foreign_purchases_monthly or monthly_flows), with net sales, the calendar months spanned and what they lack';

-- ---- The level-based measure, named for what it is ----

-- holdings_decline(h, d): net_foreign_selling(h, d) under a name that says
-- what it measures: how much the holdings fell (a change in holdings, not
-- transactions). Same steps, same results.
CREATE AGGREGATE @extschema@.holdings_decline("position" @extschema@.holding, as_of date) (
    SFUNC = @extschema@.net_selling_accum,
    STYPE = internal,
    SSPACE = 48,
    FINALFUNC = @extschema@.net_selling_final,
    COMBINEFUNC = @extschema@.net_selling_combine,
    SERIALFUNC = @extschema@.net_selling_serialize,
    DESERIALFUNC = @extschema@.net_selling_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.holdings_decline(@extschema@.holding, date) IS
    'How much the holdings fell: level on the earliest date minus level on the latest (a change in holdings, not net selling: prices and custody moves count too; net_foreign_purchases gives transactions); = net_foreign_selling(h, d)';

CREATE AGGREGATE @extschema@.holdings_decline("position" @extschema@.holding, as_of date, report_ccy @extschema@.currency_code) (
    SFUNC = @extschema@.fx_levels_accum,
    STYPE = internal,
    SSPACE = 1024,
    FINALFUNC = @extschema@.fx_net_selling_final,
    COMBINEFUNC = @extschema@.fx_levels_combine,
    SERIALFUNC = @extschema@.fx_levels_serialize,
    DESERIALFUNC = @extschema@.fx_levels_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.holdings_decline(@extschema@.holding, date, @extschema@.currency_code) IS
    'How much the holdings fell in report_ccy, FX-adjusted (minus the sum of each period''s change at its rate); a change in holdings, not transactions; = net_foreign_selling(h, d, report_ccy)';

-- ---- Honest period labels ----

-- period_label(from_level, to_level): the months of change between two level
-- dates. A change from the level of 2025-04-30 to that of 2026-04-30 covers
-- the 12 months 2025-05 .. 2026-04, not 13.
CREATE FUNCTION @extschema@.period_label(from_level date, to_level date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN to_level <= from_level THEN 'no months'
                ELSE pg_catalog.to_char(from_level + 1, 'YYYY-MM') || ' .. ' || pg_catalog.to_char(to_level, 'YYYY-MM')
                     || pg_catalog.format(' (%s month%s)', n, CASE WHEN n = 1 THEN '' ELSE 's' END) END
      FROM (SELECT @extschema@.months_spanned((from_level + 1), to_level) AS n) s
$fn$;
COMMENT ON FUNCTION @extschema@.period_label(date, date) IS
    'The months of change between two month-end level dates, e.g. period_label(''2025-04-30'', ''2026-04-30'') = ''2025-05 .. 2026-04 (12 months)''';

-- ---- Did they sell? One answer, with its caveats ----

CREATE FUNCTION @extschema@.did_they_sell(holder text, first_month date, last_month date,
                                          report_currency text DEFAULT 'USD')
    RETURNS TABLE (holder_id text, holder_name text, period text, months integer,
                   holdings_change @extschema@.holding, net_foreign_purchases @extschema@.holding,
                   net_foreign_sales @extschema@.holding, valuation @extschema@.holding,
                   estimated_price_effect @extschema@.holding, basis_residual @extschema@.holding,
                   residual_flagged boolean, reported_valuation @extschema@.holding,
                   fx_effect @extschema@.holding, months_without_flows integer,
                   months_without_bills_flows integer, months_with_reported_valuation integer,
                   caveats text, verdict text)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH span AS (
    SELECT (pg_catalog.date_trunc('month', first_month) + interval '1 month' - interval '1 day')::date AS f,
           (pg_catalog.date_trunc('month', last_month) + interval '1 month' - interval '1 day')::date AS l
), rows AS (
    SELECT m.*, (m.level - m.level_change) AS start_level
      FROM @extschema@.monthly_flows m, span
     WHERE m.holder_id = did_they_sell.holder AND m.as_of BETWEEN span.f AND span.l AND m.level_change IS NOT NULL
), valued AS (
    SELECT r.*,
           @extschema@.fx_convert(@extschema@.holding(r.start_level, 'USD'), report_currency,
                                  r.as_of - pg_catalog.date_part('day', r.as_of)::integer) AS start_value,
           @extschema@.fx_convert(@extschema@.holding(r.level, 'USD'), report_currency, r.as_of) AS end_value,
           @extschema@.fx_convert(@extschema@.holding(COALESCE(r.net_purchases, 0), 'USD'), report_currency, r.as_of) AS flow_value,
           @extschema@.fx_convert(@extschema@.holding(r.valuation, 'USD'), report_currency, r.as_of) AS valuation_value,
           @extschema@.fx_convert(@extschema@.holding(r.estimated_price_effect, 'USD'), report_currency, r.as_of) AS price_value,
           @extschema@.fx_convert(@extschema@.holding(r.reported_valuation, 'USD'), report_currency, r.as_of) AS reported_value
      FROM rows r
), totals AS (
    SELECT pg_catalog.count(*)::integer AS n,
           @extschema@.sum(v.end_value OPERATOR(@extschema@.-) v.start_value) AS total,
           @extschema@.sum(v.flow_value) AS flows, @extschema@.sum(v.valuation_value) AS valuation,
           @extschema@.sum(v.price_value) AS price, pg_catalog.count(v.price_value)::integer AS priced,
           @extschema@.sum(v.reported_value) AS reported, pg_catalog.count(v.reported_value)::integer AS reported_months,
           pg_catalog.sum(v.basis_residual) AS residual_usd, pg_catalog.avg(v.start_level) AS mean_level_usd,
           pg_catalog.count(*) FILTER (WHERE v.flows_missing = 'all')::integer AS no_flows,
           pg_catalog.count(*) FILTER (WHERE v.flows_missing IN ('bills', 'all'))::integer AS no_bills,
           pg_catalog.count(*) FILTER (WHERE v.mixed_vintage)::integer AS mixed,
           pg_catalog.count(*) FILTER (WHERE v.break_before)::integer AS breaks,
           pg_catalog.count(*) FILTER (WHERE v.long_term_base_basis = 'total (bills included)')::integer AS total_base,
           pg_catalog.count(*) FILTER (WHERE v.price_return_basis = 'h15-duration-model')::integer AS modelled
      FROM valued v
), answer AS (
    SELECT t.*, s.f, s.l, GREATEST(@extschema@.months_spanned(s.f, s.l), 0) AS spanned,
           t.priced = t.n AND t.n > 0 AND pg_catalog.abs(t.residual_usd) > 0.05 * t.mean_level_usd AS flagged
      FROM totals t, span s
)
SELECT COALESCE(h.id, did_they_sell.holder), h.name,
       @extschema@.period_label((a.f - pg_catalog.date_part('day', a.f)::integer), a.l),
       a.n, a.total, a.flows, @extschema@.holding(0, report_currency) OPERATOR(@extschema@.-) a.flows, a.valuation,
       CASE WHEN a.priced = a.n THEN a.price END,
       CASE WHEN a.priced = a.n THEN a.valuation OPERATOR(@extschema@.-) a.price END,
       a.flagged,
       CASE WHEN a.reported_months > 0 THEN a.reported END,
       a.total OPERATOR(@extschema@.-) a.flows OPERATOR(@extschema@.-) a.valuation,
       a.no_flows + (a.spanned - a.n), a.no_bills + (a.spanned - a.n), a.reported_months,
       COALESCE(NULLIF(pg_catalog.concat_ws('; ',
           CASE WHEN a.n < a.spanned THEN pg_catalog.format('%s of %s months have no level change (missing levels)', a.spanned - a.n, a.spanned) END,
           CASE WHEN a.no_flows > 0 THEN pg_catalog.format('no flows in %s months: their whole change counts as valuation', a.no_flows) END,
           CASE WHEN a.no_bills - a.no_flows > 0 THEN pg_catalog.format('no bills flows in %s months: bill changes count as valuation', a.no_bills - a.no_flows) END,
           CASE WHEN a.reported_months < a.n THEN pg_catalog.format('valuation is a residual (not reported) in %s of %s months', a.n - a.reported_months, a.n) END,
           CASE WHEN a.modelled > 0 THEN pg_catalog.format('price effect from the 10-year yield model in %s months', a.modelled) END,
           CASE WHEN a.total_base > 0 THEN pg_catalog.format('price effect on total holdings (no long-term split) in %s months', a.total_base) END,
           CASE WHEN a.priced < a.n THEN 'no price estimate for some months' END,
           CASE WHEN a.flagged THEN pg_catalog.format('basis residual %s bn USD exceeds 5%% of holdings (%s bn USD): attribution or custody, not prices',
                                                      pg_catalog.round(a.residual_usd / 1e9, 1), pg_catalog.round(0.05 * a.mean_level_usd / 1e9, 1)) END,
           CASE WHEN a.mixed > 0 THEN pg_catalog.format('figures from two sources in one month in %s months', a.mixed) END,
           CASE WHEN a.breaks > 0 THEN pg_catalog.format('%s series or source breaks', a.breaks) END), ''), 'none'),
       CASE WHEN a.n = 0 THEN 'cannot say: no months with a level change'
            WHEN a.no_flows = a.n THEN 'cannot say: no transactions reported'
            ELSE pg_catalog.format('%s: net foreign %s of %s bn %s in transactions, holdings %s by %s bn %s',
                     CASE WHEN @extschema@.amount(a.flows) < 0 THEN 'sold' ELSE 'bought' END,
                     CASE WHEN @extschema@.amount(a.flows) < 0 THEN 'sales' ELSE 'purchases' END,
                     pg_catalog.round(pg_catalog.abs(@extschema@.amount(a.flows)) / 1e9, 1), @extschema@.currency(a.flows),
                     CASE WHEN @extschema@.amount(a.total) < 0 THEN 'fell' ELSE 'rose' END,
                     pg_catalog.round(pg_catalog.abs(@extschema@.amount(a.total)) / 1e9, 1), @extschema@.currency(a.total))
                 || CASE WHEN a.no_flows + a.no_bills > 0 OR a.n < a.spanned THEN ' (incomplete: see caveats)' ELSE '' END END
  FROM answer a
  LEFT JOIN @extschema@.holder h ON h.id = did_they_sell.holder;
END
$fn$;
COMMENT ON FUNCTION @extschema@.did_they_sell(text, date, date, text) IS
    'Did the holder sell over the months first_month .. last_month? Net foreign purchases from transactions, the change in holdings, valuation split into an estimated price effect and a basis residual (flagged beyond 5% of holdings), FX in report_currency, and the caveats in words';
