-- Flows, valuation and FX by holder and month (issue 15): one row per holder
-- and month, so that any period (quarter, year, fiscal year) is a plain SUM of
-- its months. Aggregating LEVELS by period instead (GROUP BY
-- date_trunc('quarter', as_of) with net_foreign_selling or fx_decompose) drops
-- each period's first monthly change: a group never sees the previous period's
-- closing level. docs/reference.md, "Flows, valuation and FX".

-- Net purchases by holder and month, both maturities side by side; amounts in
-- USD as numeric(38,8), like the other views (60_views.sql).
CREATE VIEW @extschema@.monthly_flows AS
WITH flows AS (
    SELECT t.holder_id, t.as_of,
           pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS') AS long_term,
           pg_catalog.sum(@extschema@.amount(t.net_purchases)) FILTER (WHERE t.instrument = 'UST-BILLS') AS bills,
           pg_catalog.sum(@extschema@.amount(t.valuation_change)) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS') AS long_term_valuation,
           pg_catalog.min(t.series) FILTER (WHERE t.instrument = 'UST-NOTES-BONDS') AS long_term_series
      FROM @extschema@.transaction t
     WHERE @extschema@.currency(t.net_purchases) = 'USD'
     GROUP BY t.holder_id, t.as_of
), levels AS (
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
           f.long_term, f.bills, f.long_term_valuation, f.long_term_series,
           l.source_id, l.previous_source_id,
           pg_catalog.lag(f.long_term_series) OVER (PARTITION BY l.holder_id ORDER BY l.as_of) AS previous_series
      FROM levels l LEFT JOIN flows f ON f.holder_id = l.holder_id AND f.as_of = l.as_of
)
SELECT holder_id, as_of, level::numeric(38,8) AS level, level_change::numeric(38,8) AS level_change,
       (long_term + bills)::numeric(38,8) AS net_purchases, long_term::numeric(38,8) AS long_term_net_purchases,
       bills::numeric(38,8) AS bills_net_purchases,
       (level_change - (long_term + bills))::numeric(38,8) AS valuation,
       long_term_valuation::numeric(38,8) AS reported_valuation,
       (level_change - (long_term + bills) - long_term_valuation)::numeric(38,8) AS unexplained,
       long_term_series AS series,
       (source_id IS DISTINCT FROM previous_source_id) OR (long_term_series IS DISTINCT FROM previous_series)
           OR EXISTS (SELECT 1 FROM @extschema@.position_comparison c
                       WHERE c.holder_id = joined.holder_id AND c.instrument = 'UST' AND c.as_of = joined.as_of) AS break_before,
       source_id
  FROM joined;
COMMENT ON VIEW @extschema@.monthly_flows IS
    'Change in each holder''s US Treasury holdings by month, split into net purchases (transactions) and valuation, USD; any period is a SUM of its months';
COMMENT ON COLUMN @extschema@.monthly_flows.holder_id IS 'Holder (transactions are attributed to the country of the counterparty or custodian)';
COMMENT ON COLUMN @extschema@.monthly_flows.as_of IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.monthly_flows.level IS 'Holdings at the end of the month, USD (position, instrument UST)';
COMMENT ON COLUMN @extschema@.monthly_flows.level_change IS 'Level minus the level at the end of the previous month; null when that month is missing';
COMMENT ON COLUMN @extschema@.monthly_flows.net_purchases IS 'Net purchases in the month, long-term plus bills, USD (positive = the holder bought); null unless both maturities are reported';
COMMENT ON COLUMN @extschema@.monthly_flows.long_term_net_purchases IS 'Net purchases of bonds and notes: Form S to 2023-01, Table 3 from 2023-02';
COMMENT ON COLUMN @extschema@.monthly_flows.bills_net_purchases IS 'Net purchases of bills: the change in bill holdings (TIC Table 3, footnote 2); from 2020-02';
COMMENT ON COLUMN @extschema@.monthly_flows.valuation IS 'level_change - net_purchases: prices, plus revisions, attribution differences and series breaks';
COMMENT ON COLUMN @extschema@.monthly_flows.reported_valuation IS 'The long-term valuation change TIC reports (Table 3, from 2023-02); null before';
COMMENT ON COLUMN @extschema@.monthly_flows.unexplained IS 'valuation - reported_valuation: what neither transactions nor reported prices explain';
COMMENT ON COLUMN @extschema@.monthly_flows.series IS 'Series of the long-term flow: tic-form-s or tic-slt';
COMMENT ON COLUMN @extschema@.monthly_flows.break_before IS 'True when the change into this month crosses a break: another source or vintage of the level, another flow series, or a TIC series break';
COMMENT ON COLUMN @extschema@.monthly_flows.source_id IS 'Source of the level';

-- The same months in any report currency: flow, valuation and FX effect.
CREATE FUNCTION @extschema@.monthly_components(report_currency text DEFAULT 'USD')
    RETURNS TABLE (holder_id text, as_of date, start_value @extschema@.holding, end_value @extschema@.holding,
                   total_change @extschema@.holding, flow_effect @extschema@.holding,
                   valuation_effect @extschema@.holding, fx_effect @extschema@.holding,
                   reported_valuation @extschema@.holding, break_before boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT c.holder_id, c.as_of, c.start_value, c.end_value,
           c.end_value OPERATOR(@extschema@.-) c.start_value,
           c.flow_effect, c.valuation_effect,
           c.end_value OPERATOR(@extschema@.-) c.start_value OPERATOR(@extschema@.-) c.flow_effect
               OPERATOR(@extschema@.-) c.valuation_effect,
           c.reported_valuation, c.break_before
      FROM (SELECT m.holder_id, m.as_of,
                   @extschema@.fx_convert(@extschema@.holding(m.level - m.level_change, 'USD'), report_currency,
                                          m.as_of - pg_catalog.date_part('day', m.as_of)::integer) AS start_value,
                   @extschema@.fx_convert(@extschema@.holding(m.level, 'USD'), report_currency, m.as_of) AS end_value,
                   @extschema@.fx_convert(@extschema@.holding(m.net_purchases, 'USD'), report_currency, m.as_of) AS flow_effect,
                   @extschema@.fx_convert(@extschema@.holding(m.valuation, 'USD'), report_currency, m.as_of) AS valuation_effect,
                   @extschema@.fx_convert(@extschema@.holding(m.reported_valuation, 'USD'), report_currency, m.as_of) AS reported_valuation,
                   m.break_before
              FROM @extschema@.monthly_flows m
             WHERE m.net_purchases IS NOT NULL AND m.level_change IS NOT NULL) c
$fn$;
COMMENT ON FUNCTION @extschema@.monthly_components(text) IS
    'Each holder''s monthly change in a report currency (rate set holdings.rate_set): total = flow + valuation + FX exactly; SUM any period';

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
COMMENT ON COLUMN @extschema@.bi_flows.valuation_change_usd IS 'Reported valuation change, USD (Table 3 from 2023-02; 0 for bills)';
COMMENT ON COLUMN @extschema@.bi_flows.series IS 'tic-form-s, tic-slt or tic-bills-change';
COMMENT ON COLUMN @extschema@.bi_flows.source_id IS 'Source of the figure (holdings.source)';

CREATE VIEW @extschema@.bi_flow_decomposition AS
SELECT m.holder_id, h.name AS holder_name, h.kind AS holder_kind, m.as_of AS month,
       m.level::numeric(20,2) AS level_usd,
       m.level_change::numeric(20,2) AS level_change_usd,
       m.net_purchases::numeric(20,2) AS net_purchases_usd,
       m.valuation::numeric(20,2) AS valuation_usd,
       m.reported_valuation::numeric(20,2) AS reported_valuation_usd,
       m.unexplained::numeric(20,2) AS unexplained_usd,
       m.break_before
  FROM @extschema@.monthly_flows m JOIN @extschema@.holder h ON h.id = m.holder_id;
COMMENT ON VIEW @extschema@.bi_flow_decomposition IS
    'Each holder''s monthly change in US Treasury holdings = net purchases + valuation, USD; sum the months of any period';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_id IS 'ISO 3166-1 alpha-2 code, or a slug for groupings and totals';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.holder_kind IS 'country or aggregate (groupings overlap countries: do not add them up)';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.level_usd IS 'Holdings at the end of the month, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.level_change_usd IS 'Change since the end of the previous month, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.net_purchases_usd IS 'Net purchases (long-term + bills), USD; null unless both are reported';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.valuation_usd IS 'level_change_usd - net_purchases_usd, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.reported_valuation_usd IS 'Valuation change TIC reports (from 2023-02), USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.unexplained_usd IS 'valuation_usd - reported_valuation_usd, USD';
COMMENT ON COLUMN @extschema@.bi_flow_decomposition.break_before IS 'True when the change into this month crosses a series break or vintage boundary';

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
