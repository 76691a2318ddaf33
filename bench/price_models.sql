-- Out-of-sample check of price-effect models against TIC's reported valuation
-- (issue 20): every holder-year 2023-2025 of the 20 largest country holders
-- (at 2025-12). A holder-specific model is fitted on the holder's other two
-- years (leave one year out) and predicts the third, so no model sees the
-- figure it is scored on.
--   market           the shipped estimate: the market's reported return x the
--                    holder's long-term holdings (monthly_flows.estimated_price_effect)
--   holder_beta      b x market, b fitted by least squares through the origin
--   carry_duration   holdings x (a + c x the month's DGS10 change), a and c fitted
-- Run: psql -d <db with holdings> -f bench/price_models.sql
SET search_path = holdings, pg_catalog;
WITH top AS (
    SELECT p.holder_id FROM position p JOIN holder h ON h.id = p.holder_id AND h.kind = 'country'
     WHERE p.instrument = 'UST' AND p.as_of = '2025-12-31' ORDER BY p.amount DESC LIMIT 20),
m AS (
    SELECT f.holder_id, extract(year FROM f.as_of)::int AS year,
           f.estimated_price_effect AS e, f.reported_valuation AS r,
           b.long_term_holdings AS base, t.yield_change AS dy
      FROM monthly_flows f JOIN top USING (holder_id)
      JOIN long_term_base b USING (holder_id, as_of)
      JOIN treasury_market_return t ON t.month = f.as_of
     WHERE f.as_of BETWEEN '2023-02-01' AND '2025-12-31'
       AND f.reported_valuation IS NOT NULL AND f.estimated_price_effect IS NOT NULL
       AND t.yield_change IS NOT NULL),
y AS (  -- per holder-year sums
    SELECT holder_id, year, sum(r) AS rep, sum(e) AS est, sum(base) AS sb, sum(base * dy) AS sbd,
           sum(r * e) AS re, sum(e * e) AS ee, sum(base * base) AS s11, sum(base * base * dy) AS s12,
           sum(base * base * dy * dy) AS s22, sum(r * base) AS t1, sum(r * base * dy) AS t2
      FROM m GROUP BY holder_id, year),
loyo AS (  -- the holder's other years
    SELECT y.*, o.re AS o_re, o.ee AS o_ee, o.s11 AS o_s11, o.s12 AS o_s12, o.s22 AS o_s22, o.t1 AS o_t1, o.t2 AS o_t2
      FROM y CROSS JOIN LATERAL (
            SELECT sum(z.re) AS re, sum(z.ee) AS ee, sum(z.s11) AS s11, sum(z.s12) AS s12, sum(z.s22) AS s22,
                   sum(z.t1) AS t1, sum(z.t2) AS t2
              FROM y z WHERE z.holder_id = y.holder_id AND z.year <> y.year) o),
pred AS (
    SELECT holder_id, year, rep, 'market' AS model, est AS p FROM loyo
    UNION ALL
    SELECT holder_id, year, rep, 'holder_beta', o_re / o_ee * est FROM loyo
    UNION ALL
    SELECT holder_id, year, rep, 'carry_duration',
           ((o_t1 * o_s22 - o_t2 * o_s12) * sb + (o_s11 * o_t2 - o_s12 * o_t1) * sbd) / (o_s11 * o_s22 - o_s12 * o_s12)
      FROM loyo)
SELECT model, count(*) AS holder_years,
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(p - rep)) / 1e9, 2) AS median_abs_error_bn,
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY abs(rep)) / 1e9, 2) AS median_abs_reported_bn,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY round(abs(p - rep) / abs(rep), 3)) AS median_relative_error,
       count(*) FILTER (WHERE abs(p - rep) <= 0.25 * abs(rep)) AS within_25pct
  FROM pred GROUP BY model ORDER BY median_abs_error_bn DESC;
