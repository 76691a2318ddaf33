-- Flows, valuation and FX by holder and month (issue 15): one row per holder
-- and month, so that any period (quarter, year, fiscal year) is a plain SUM of
-- its months. Aggregating LEVELS by period instead (GROUP BY
-- date_trunc('quarter', as_of) with net_foreign_selling or fx_decompose) drops
-- each period's first monthly change: a group never sees the previous period's
-- closing level. docs/reference.md, "Flows, valuation and FX".

-- Net foreign purchases by holder and month, from transactions (TIC's sense:
-- positive = the holder bought, net foreign sales = minus that), both
-- maturities side by side, with what is missing. monthly_flows takes its flows
-- from here, so the two never disagree.
CREATE VIEW @extschema@.net_foreign_purchases_monthly AS
SELECT t.holder_id, t.as_of,
       (COALESCE(pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS'), 0)
        + COALESCE(pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-BILLS'), 0))::numeric(38,8)
           AS net_foreign_purchases,
       (-(COALESCE(pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS'), 0)
          + COALESCE(pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-BILLS'), 0)))::numeric(38,8)
           AS net_foreign_sales,
       (pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS'))::numeric(38,8) AS long_term_net_purchases,
       (pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-BILLS'))::numeric(38,8) AS bills_net_purchases,
       (pg_catalog.sum(@extschema@.amount(t.valuation_change)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS'))::numeric(38,8) AS reported_valuation,
       pg_catalog.min(t.series) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS') AS long_term_series,
       CASE WHEN NOT pg_catalog.bool_or(t.instrument = 'UST-BILLS') THEN 'bills'
            WHEN NOT pg_catalog.bool_or(t.instrument = 'UST-NOTES-BONDS') THEN 'long-term' END AS flows_missing,
       pg_catalog.string_agg(DISTINCT t.source_id, ', ' ORDER BY t.source_id) AS sources
  FROM @extschema@.transaction t
 WHERE @extschema@.currency(t.net_purchases) = 'USD'
 GROUP BY t.holder_id, t.as_of;
COMMENT ON VIEW @extschema@.net_foreign_purchases_monthly IS
    'Net foreign purchases of US Treasuries by holder and month, from transactions (TIC Form S to 2023-01, Table 3 from 2023-02, bills from the change in bill holdings: Table 3D from 2012-01, Table 3 from 2020-01), USD; flows_missing says which maturity has no flow that month';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.holder_id IS 'Holder (transactions are attributed to the country of the counterparty or custodian)';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.as_of IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.net_foreign_purchases IS 'Long-term plus bills net purchases that are reported, USD (positive = the holder bought)';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.net_foreign_sales IS 'Minus net_foreign_purchases: positive = the holder sold';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.long_term_net_purchases IS 'Net purchases of bonds and notes; null when not reported';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.bills_net_purchases IS 'Net purchases of bills (change in bill holdings); null when not reported';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.reported_valuation IS 'Long-term valuation change TIC reports (Table 3, from 2023-02); null before';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.long_term_series IS 'tic-form-s or tic-slt';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.flows_missing IS 'bills or long-term: the maturity without a flow this month (null: both reported)';
COMMENT ON COLUMN @extschema@.net_foreign_purchases_monthly.sources IS 'Sources of the month''s flows';

-- Change in each holder's holdings by month = net purchases + valuation, and
-- valuation = estimated price effect + basis residual, with the caveats.
CREATE VIEW @extschema@.monthly_flows AS
WITH levels AS (
    SELECT p.holder_id, p.as_of, @extschema@.amount(p.amount) AS level, p.source_id,
           pg_catalog.lag(p.as_of) OVER w AS previous_as_of,
           pg_catalog.lag(@extschema@.amount(p.amount)) OVER w AS previous_level,
           pg_catalog.lag(p.source_id) OVER w AS previous_source_id
      FROM @extschema@.position p
     WHERE p.instrument = 'UST' AND @extschema@.currency(p.amount) = 'USD'
    WINDOW w AS (PARTITION BY p.holder_id ORDER BY p.as_of)
), joined AS (
    SELECT l.holder_id, l.as_of, l.level,
           CASE WHEN l.previous_as_of = l.as_of - pg_catalog.date_part('day', l.as_of)::integer
                THEN l.level - l.previous_level END AS level_change,
           f.net_foreign_purchases, f.long_term_net_purchases, f.bills_net_purchases, f.reported_valuation,
           f.long_term_series, f.flows_missing AS flow_gap, f.holder_id IS NOT NULL AS has_flows,
           l.source_id, l.previous_source_id, l.previous_as_of,
           pg_catalog.lag(f.long_term_series) OVER (PARTITION BY l.holder_id ORDER BY l.as_of) AS previous_series
      FROM levels l
      LEFT JOIN @extschema@.net_foreign_purchases_monthly f ON f.holder_id = l.holder_id AND f.as_of = l.as_of
), priced AS (
    SELECT j.*, b.long_term_holdings AS long_term_base, b.basis AS long_term_base_basis,
           r.price_return, r.basis AS price_return_basis,
           (SELECT pg_catalog.count(DISTINCT x.source_id) FROM @extschema@.position x
             WHERE x.holder_id = j.holder_id AND x.as_of = j.as_of) AS level_sources
      FROM joined j
      LEFT JOIN @extschema@.long_term_base b
             ON b.holder_id = j.holder_id AND b.as_of = j.previous_as_of AND j.level_change IS NOT NULL
      LEFT JOIN @extschema@.treasury_price_return r ON r.month = j.as_of AND j.level_change IS NOT NULL
)
SELECT holder_id, as_of, level::numeric(38,8) AS level, level_change::numeric(38,8) AS level_change,
       CASE WHEN has_flows THEN net_foreign_purchases END::numeric(38,8) AS net_purchases,
       long_term_net_purchases::numeric(38,8) AS long_term_net_purchases,
       bills_net_purchases::numeric(38,8) AS bills_net_purchases,
       (level_change - COALESCE(CASE WHEN has_flows THEN net_foreign_purchases END, 0))::numeric(38,8) AS valuation,
       reported_valuation::numeric(38,8) AS reported_valuation,
       (level_change - COALESCE(CASE WHEN has_flows THEN net_foreign_purchases END, 0) - COALESCE(reported_valuation, 0))::numeric(38,8) AS unexplained,
       long_term_series AS series,
       (source_id IS DISTINCT FROM previous_source_id) OR (long_term_series IS DISTINCT FROM previous_series)
           OR EXISTS (SELECT 1 FROM @extschema@.position_comparison c
                       WHERE c.holder_id = priced.holder_id AND c.instrument = 'UST' AND c.as_of = priced.as_of) AS break_before,
       source_id,
       CASE WHEN level_change IS NULL THEN NULL WHEN NOT has_flows THEN 'all' ELSE flow_gap END AS flows_missing,
       CASE WHEN level_change IS NULL THEN NULL WHEN reported_valuation IS NOT NULL THEN 'reported' ELSE 'residual' END AS valuation_basis,
       long_term_base::numeric(38,8) AS long_term_base, long_term_base_basis,
       price_return::numeric(20,12) AS price_return, price_return_basis,
       pg_catalog.round(long_term_base * price_return, 8)::numeric(38,8) AS estimated_price_effect,
       (level_change - COALESCE(CASE WHEN has_flows THEN net_foreign_purchases END, 0)
        - pg_catalog.round(long_term_base * price_return, 8))::numeric(38,8) AS basis_residual,
       level_sources > 1 AS mixed_vintage
  FROM priced;
COMMENT ON VIEW @extschema@.monthly_flows IS
    'Change in each holder''s US Treasury holdings by month = net purchases (transactions) + valuation, and valuation = estimated price effect + basis residual, USD, with what each month lacks (flows_missing, valuation_basis, mixed_vintage); any period is a SUM of its months';
COMMENT ON COLUMN @extschema@.monthly_flows.holder_id IS 'Holder (transactions are attributed to the country of the counterparty or custodian)';
COMMENT ON COLUMN @extschema@.monthly_flows.as_of IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.monthly_flows.level IS 'Holdings at the end of the month, USD (position, instrument UST)';
COMMENT ON COLUMN @extschema@.monthly_flows.level_change IS 'Level minus the level at the end of the previous month; null when that month is missing';
COMMENT ON COLUMN @extschema@.monthly_flows.net_purchases IS 'Net purchases in the month that are reported, long-term plus bills, USD (positive = the holder bought); null when no flow is reported (flows_missing = all)';
COMMENT ON COLUMN @extschema@.monthly_flows.long_term_net_purchases IS 'Net purchases of bonds and notes: Form S to 2023-01, Table 3 from 2023-02';
COMMENT ON COLUMN @extschema@.monthly_flows.bills_net_purchases IS 'Net purchases of bills: the change in bill holdings (Table 3D from 2012-01, Table 3 from 2020-01)';
COMMENT ON COLUMN @extschema@.monthly_flows.valuation IS 'level_change - net_purchases (a missing flow counts as zero: see flows_missing): prices, plus revisions, attribution differences and series breaks';
COMMENT ON COLUMN @extschema@.monthly_flows.reported_valuation IS 'The long-term valuation change TIC reports (Table 3, from 2023-02); null before';
COMMENT ON COLUMN @extschema@.monthly_flows.unexplained IS 'valuation - reported_valuation, the whole valuation where none is reported (valuation_basis = residual): what neither transactions nor reported prices explain; SUM(reported_valuation) + SUM(unexplained) = SUM(valuation) over any months';
COMMENT ON COLUMN @extschema@.monthly_flows.series IS 'Series of the long-term flow: tic-form-s or tic-slt';
COMMENT ON COLUMN @extschema@.monthly_flows.break_before IS 'True when the change into this month crosses a break: another source or vintage of the level, another flow series, or a TIC series break';
COMMENT ON COLUMN @extschema@.monthly_flows.source_id IS 'Source of the level';
COMMENT ON COLUMN @extschema@.monthly_flows.flows_missing IS 'What the month''s net purchases lack: bills, long-term, or all (no flow: the whole change is valuation); null when both are reported';
COMMENT ON COLUMN @extschema@.monthly_flows.valuation_basis IS 'reported (TIC reports the long-term valuation change) or residual (valuation is what transactions leave unexplained)';
COMMENT ON COLUMN @extschema@.monthly_flows.long_term_base IS 'Long-term holdings at the end of the month before, USD (long_term_base view), the base of the price estimate';
COMMENT ON COLUMN @extschema@.monthly_flows.long_term_base_basis IS 'long-term, long-term (Table 3D) or total (bills included)';
COMMENT ON COLUMN @extschema@.monthly_flows.price_return IS 'The market''s price return in the month (treasury_price_return)';
COMMENT ON COLUMN @extschema@.monthly_flows.price_return_basis IS 'tic-reported (2023-02 on) or h15-duration-model';
COMMENT ON COLUMN @extschema@.monthly_flows.estimated_price_effect IS 'long_term_base x price_return, USD: what prices did, estimated without the holder''s own residual';
COMMENT ON COLUMN @extschema@.monthly_flows.basis_residual IS 'valuation - estimated_price_effect: attribution (custody), basis, revisions, and the estimate''s error';
COMMENT ON COLUMN @extschema@.monthly_flows.mixed_vintage IS 'True when the holder''s figures for the month come from more than one source (e.g. a total from mfhhis01 beside a long-term figure from Table 3)';

-- The same months in any report currency: flow, valuation and FX effect.
CREATE FUNCTION @extschema@.monthly_components(report_currency text DEFAULT 'USD')
    RETURNS TABLE (holder_id text, as_of date, start_value @extschema@.holding, end_value @extschema@.holding,
                   total_change @extschema@.holding, flow_effect @extschema@.holding,
                   valuation_effect @extschema@.holding, fx_effect @extschema@.holding,
                   reported_valuation @extschema@.holding, break_before boolean,
                   estimated_price_effect @extschema@.holding, basis_residual @extschema@.holding,
                   flows_missing text, valuation_basis text, mixed_vintage boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT c.holder_id, c.as_of, c.start_value, c.end_value,
           c.end_value OPERATOR(@extschema@.-) c.start_value,
           c.flow_effect, c.valuation_effect,
           c.end_value OPERATOR(@extschema@.-) c.start_value OPERATOR(@extschema@.-) c.flow_effect
               OPERATOR(@extschema@.-) c.valuation_effect,
           c.reported_valuation, c.break_before,
           c.estimated_price_effect, c.valuation_effect OPERATOR(@extschema@.-) c.estimated_price_effect,
           c.flows_missing, c.valuation_basis, c.mixed_vintage
      FROM (SELECT m.holder_id, m.as_of,
                   @extschema@.fx_convert(@extschema@.holding(m.level - m.level_change, 'USD'), report_currency,
                                          m.as_of - pg_catalog.date_part('day', m.as_of)::integer) AS start_value,
                   @extschema@.fx_convert(@extschema@.holding(m.level, 'USD'), report_currency, m.as_of) AS end_value,
                   @extschema@.fx_convert(@extschema@.holding(COALESCE(m.net_purchases, 0), 'USD'), report_currency, m.as_of) AS flow_effect,
                   @extschema@.fx_convert(@extschema@.holding(m.valuation, 'USD'), report_currency, m.as_of) AS valuation_effect,
                   @extschema@.fx_convert(@extschema@.holding(m.reported_valuation, 'USD'), report_currency, m.as_of) AS reported_valuation,
                   @extschema@.fx_convert(@extschema@.holding(m.estimated_price_effect, 'USD'), report_currency, m.as_of) AS estimated_price_effect,
                   m.break_before, m.flows_missing, m.valuation_basis, m.mixed_vintage
              FROM @extschema@.monthly_flows m
             WHERE m.level_change IS NOT NULL) c
$fn$;
COMMENT ON FUNCTION @extschema@.monthly_components(text) IS
    'Each holder''s monthly change in a report currency (rate set holdings.rate_set): total = flow + valuation + FX exactly, valuation = estimated price effect + basis residual, with each month''s caveats; SUM any period';

-- For BI tools: standard types, explicit precision.
CREATE VIEW @extschema@.bi_flows AS
SELECT t.holder_id, h.name AS holder_name, h.kind AS holder_kind, t.instrument, t.as_of AS month,
       @extschema@.amount(t.net_purchases)::numeric(20,2) AS net_purchases_usd,
       @extschema@.amount(t.gross_purchases)::numeric(20,2) AS gross_purchases_usd,
       @extschema@.amount(t.gross_sales)::numeric(20,2) AS gross_sales_usd,
       @extschema@.amount(t.valuation_change)::numeric(20,2) AS valuation_change_usd,
       t.series, t.source_id
  FROM @extschema@.transaction t JOIN @extschema@.holder h ON h.id = t.holder_id
 WHERE @extschema@.currency(t.net_purchases) = 'USD';
COMMENT ON VIEW @extschema@.bi_flows IS
    'Net purchases of US Treasury securities by holder, instrument and month, USD (positive = the holder bought)';
COMMENT ON COLUMN @extschema@.bi_flows.holder_id IS 'ISO 3166-1 alpha-2 code, or a slug for groupings and totals';
COMMENT ON COLUMN @extschema@.bi_flows.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.bi_flows.holder_kind IS 'country or aggregate (groupings overlap countries: do not add them up)';
COMMENT ON COLUMN @extschema@.bi_flows.instrument IS 'UST-NOTES-BONDS or UST-BILLS';
COMMENT ON COLUMN @extschema@.bi_flows.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.bi_flows.net_purchases_usd IS 'Net purchases in the month, USD';
COMMENT ON COLUMN @extschema@.bi_flows.gross_purchases_usd IS 'Gross purchases from US residents, USD (Form S only)';
COMMENT ON COLUMN @extschema@.bi_flows.gross_sales_usd IS 'Gross sales to US residents, USD (Form S only)';
COMMENT ON COLUMN @extschema@.bi_flows.valuation_change_usd IS 'Reported valuation change, USD (Table 3 long-term from 2023-02; null for bills: none is reported)';
COMMENT ON COLUMN @extschema@.bi_flows.series IS 'tic-form-s, tic-slt or tic-bills-change';
COMMENT ON COLUMN @extschema@.bi_flows.source_id IS 'Source of the figure (holdings.source)';

CREATE VIEW @extschema@.bi_net_foreign_purchases AS
SELECT f.holder_id, h.name AS holder_name, h.kind AS holder_kind, f.as_of AS month,
       f.net_foreign_purchases::numeric(20,2) AS net_foreign_purchases_usd,
       f.net_foreign_sales::numeric(20,2) AS net_foreign_sales_usd,
       f.long_term_net_purchases::numeric(20,2) AS long_term_net_purchases_usd,
       f.bills_net_purchases::numeric(20,2) AS bills_net_purchases_usd,
       f.flows_missing, f.sources
  FROM @extschema@.net_foreign_purchases_monthly f JOIN @extschema@.holder h ON h.id = f.holder_id;
COMMENT ON VIEW @extschema@.bi_net_foreign_purchases IS
    'Did they sell? Net foreign purchases of US Treasuries by holder and month from transactions, USD (net_foreign_sales_usd positive = the holder sold); the first view to chart';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.holder_id IS 'ISO 3166-1 alpha-2 code, or a slug for groupings and totals';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.holder_kind IS 'country or aggregate (groupings overlap countries: do not add them up)';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.net_foreign_purchases_usd IS 'Net purchases, long-term plus bills as reported, USD';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.net_foreign_sales_usd IS 'Minus net_foreign_purchases_usd: positive = the holder sold';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.long_term_net_purchases_usd IS 'Bonds and notes, USD';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.bills_net_purchases_usd IS 'Bills (change in bill holdings), USD';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.flows_missing IS 'bills or long-term: the maturity not reported this month (null: both)';
COMMENT ON COLUMN @extschema@.bi_net_foreign_purchases.sources IS 'Sources of the month''s flows';

CREATE VIEW @extschema@.bi_flow_decomposition AS
SELECT m.holder_id, h.name AS holder_name, h.kind AS holder_kind, m.as_of AS month,
       m.level::numeric(20,2) AS level_usd,
       m.level_change::numeric(20,2) AS level_change_usd,
       m.net_purchases::numeric(20,2) AS net_purchases_usd,
       m.valuation::numeric(20,2) AS valuation_usd,
       m.reported_valuation::numeric(20,2) AS reported_valuation_usd,
       m.unexplained::numeric(20,2) AS unexplained_usd,
       m.break_before,
       m.estimated_price_effect::numeric(20,2) AS estimated_price_effect_usd,
       m.basis_residual::numeric(20,2) AS basis_residual_usd,
       m.flows_missing, m.valuation_basis, m.mixed_vintage
  FROM @extschema@.monthly_flows m JOIN @extschema@.holder h ON h.id = m.holder_id;
COMMENT ON VIEW @extschema@.bi_flow_decomposition IS
    'Each holder''s monthly change in US Treasury holdings = net purchases + valuation, valuation = estimated price effect + basis residual, USD, with each month''s caveats; sum the months of any period';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_id IS 'ISO 3166-1 alpha-2 code, or a slug for groupings and totals';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_kind IS 'country or aggregate (groupings overlap countries: do not add them up)';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.level_usd IS 'Holdings at the end of the month, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.level_change_usd IS 'Change since the end of the previous month, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.net_purchases_usd IS 'Net purchases reported (long-term + bills), USD; null when none is (flows_missing = all)';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.valuation_usd IS 'level_change_usd - net_purchases_usd (missing flows count as zero), USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.reported_valuation_usd IS 'Valuation change TIC reports (from 2023-02), USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.unexplained_usd IS 'valuation_usd - reported_valuation_usd (all of valuation_usd where nothing is reported), USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.break_before IS 'True when the change into this month crosses a series break or vintage boundary';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.estimated_price_effect_usd IS 'Price effect estimated from the market''s return (monthly_flows.estimated_price_effect), USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.basis_residual_usd IS 'valuation_usd - estimated_price_effect_usd: attribution and basis, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.flows_missing IS 'bills, long-term or all: flows the month lacks';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.valuation_basis IS 'reported or residual';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.mixed_vintage IS 'True when the month''s figures come from more than one source';

-- Where a window crosses a series break or a vintage boundary.
CREATE VIEW @extschema@.series_boundary AS
SELECT holder_id, instrument, as_of, kind, before, after
  FROM (SELECT p.holder_id, p.instrument, p.as_of, 'level source'::text AS kind,
               pg_catalog.lag(p.source_id) OVER w AS before, p.source_id AS after
          FROM @extschema@.position p
        WINDOW w AS (PARTITION BY p.holder_id, p.instrument ORDER BY p.as_of)) s
 WHERE before IS DISTINCT FROM after AND before IS NOT NULL
UNION ALL
SELECT holder_id, instrument, as_of, kind, before, after
  FROM (SELECT t.holder_id, t.instrument, t.as_of, 'flow series'::text AS kind,
               pg_catalog.lag(t.series) OVER w AS before, t.series AS after
          FROM @extschema@.transaction t
        WINDOW w AS (PARTITION BY t.holder_id, t.instrument ORDER BY t.as_of)) s
 WHERE before IS DISTINCT FROM after AND before IS NOT NULL
UNION ALL
SELECT c.holder_id, c.instrument, c.as_of, 'TIC series break', 'old series', 'new series'
  FROM @extschema@.position_comparison c;
COMMENT ON VIEW @extschema@.series_boundary IS
    'Months where a series changes basis: the level''s source (vintage) changes, the flow series changes (Form S to Table 3 at 2023-02), or TIC starts a new series; a window (a, b] crosses one if as_of > a AND as_of <= b';
COMMENT ON COLUMN @extschema@.series_boundary.holder_id IS 'Holder';
COMMENT ON COLUMN @extschema@.series_boundary.instrument IS 'Instrument';
COMMENT ON COLUMN @extschema@.series_boundary.as_of IS 'First month of the new basis';
COMMENT ON COLUMN @extschema@.series_boundary.kind IS 'level source, flow series or TIC series break';
COMMENT ON COLUMN @extschema@.series_boundary.before IS 'Source or series up to the month before';
COMMENT ON COLUMN @extschema@.series_boundary.after IS 'Source or series from this month';
