-- Chart data: the months where TIC starts a new series (the old values are kept apart).
SELECT DISTINCT to_char(as_of, 'YYYY-MM-DD') AS month FROM holdings.position_comparison ORDER BY 1;
