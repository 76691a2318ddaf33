-- Freshness: for every dataset (a row of holdings.source) the table it fills,
-- how many rows, the first and the last period it reaches, and where it came from.
WITH figures AS (
    SELECT 'position' AS table_name, source_id, as_of FROM holdings.position
    UNION ALL SELECT 'position_comparison', source_id, as_of FROM holdings.position_comparison
    UNION ALL SELECT 'transaction', source_id, as_of FROM holdings.transaction
    UNION ALL SELECT 'custody_holding', source_id, as_of FROM holdings.custody_holding
    UNION ALL SELECT 'treasury_yield', source_id, as_of FROM holdings.treasury_yield
    UNION ALL SELECT 'fx_rate', source_id, as_of FROM holdings.fx_rate
    UNION ALL SELECT 'dollar_index', source_id, as_of FROM holdings.dollar_index
    UNION ALL SELECT 'disclosure', source_id, as_of FROM holdings.disclosure
)
-- (figures without a date, one bank disclosure, are not counted)
SELECT f.source_id AS dataset, string_agg(DISTINCT f.table_name, ', ') AS tables,
       count(*)::integer AS figures,
       min(f.as_of) AS first_period, max(f.as_of) AS latest_period,
       s.publisher, s.title, s.url, s.as_of AS source_as_of
  FROM figures f JOIN holdings.source s ON s.id = f.source_id
 WHERE f.as_of IS NOT NULL
 GROUP BY f.source_id, s.publisher, s.title, s.url, s.as_of
