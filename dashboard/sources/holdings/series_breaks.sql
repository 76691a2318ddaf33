-- Where the holdings series change source or break (holdings.series_changes),
-- for the Grand Total: shown on the history chart.
SELECT as_of AS month, change, previous_source_id, source_id, break_usd_bn, note
  FROM holdings.series_changes
 WHERE holder_id = 'grand-total' AND instrument = 'UST' AND change IN ('source', 'series-break')
