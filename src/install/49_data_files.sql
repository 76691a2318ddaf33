-- The shipped data files and how fresh the data is.

-- Loads one of the extension's installed data files (data_file) through its
-- loader: what the install and upgrade scripts call for every file listed in
-- data/sources.csv, in its order (tools/gen_data_sql.py writes the calls).
-- Returns the release with its counts (no row-by-row report: call the loader
-- with data_file(name) for that).
CREATE FUNCTION @extschema@.load_data_file(name text, loader text, source_id text, vintage date DEFAULT NULL,
                                           url text DEFAULT NULL)
    RETURNS SETOF @extschema@.data_release
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    document text;
BEGIN
    IF loader IS NULL OR loader !~ '^load_[a-z0-9_]+$'
       OR pg_catalog.to_regprocedure(pg_catalog.format('@extschema@.%I(text, text, boolean, date, text, text)', loader)) IS NULL THEN
        RAISE EXCEPTION 'no loader "%"', loader USING ERRCODE = 'undefined_function';
    END IF;
    document := @extschema@.data_file(name);
    PERFORM pg_catalog.set_config('holdings_load.report', 'off', true);
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM @extschema@.%I($1, $2, false, $3, $4, $5)', loader)
        USING document, load_data_file.source_id, load_data_file.vintage, load_data_file.url,
              pg_catalog.substring(name, '([^/]+)$');
    PERFORM pg_catalog.set_config('holdings_load.report', '', true);
    -- The release load_begin recorded for this load.
    RETURN QUERY SELECT d.* FROM @extschema@.data_release d
                  WHERE d.id = pg_catalog.current_setting('holdings_load.release');
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_data_file(text, text, text, date, text) IS
    'Loads one of the extension''s installed data files (data_file) with the loader named, as the install and upgrade scripts do; returns the release and its counts';
REVOKE EXECUTE ON FUNCTION @extschema@.load_data_file(text, text, text, date, text) FROM PUBLIC;

-- When the publisher's next release is due, from the newest period a dataset
-- has and its vintage (approximate schedules: weekends are skipped, holidays
-- are not; null when unknown). The next release is the one with the period
-- after latest_period, due the day its publisher publishes that period; and
-- never before the vintage of the release loaded: a file cannot be followed
-- by a release due before it was itself published (a copy older than its
-- vintage, e.g. a stale mirror, has its next release due at its vintage: it
-- was out then). "obs" is the business day after latest_period (the next
-- daily observation), "month2" the first day of the month after the next one.
CREATE FUNCTION @extschema@.next_release_due(dataset text, latest_period date, vintage date) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
    SELECT CASE WHEN d.due IS NOT NULL THEN GREATEST(d.due, vintage) END
      FROM (SELECT CASE
            -- TIC (Table 3, Table 5): around the 18th of each month, for two months
            -- earlier: the month after the newest one comes two months after it.
            WHEN dataset IN ('tic-slt-table3', 'tic-slt-table5')
                THEN (pg_catalog.date_trunc('month', latest_period::timestamp) + interval '3 months 17 days')::date
            -- The mfhhis01 history: revised once a year (the March release).
            WHEN dataset = 'tic-mfhhis01' THEN (vintage + interval '1 year')::date
            -- Fed G.5 monthly averages (the H.10 monthly rates, the monthly broad
            -- dollar index): the next month's, on the first business day after it.
            WHEN dataset IN ('fed-h10-monthly', 'fred-twexbgsmth')
                THEN n.month2 + CASE pg_catalog.date_part('isodow', n.month2)::integer WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END
            -- H.4.1 custody: the next Wednesday's level, published on the Thursday after it.
            WHEN dataset = 'fred-wmtsecl1' THEN latest_period + 8
            -- H.10 daily figures, published weekly: the week of the next observation,
            -- on the Monday after it.
            WHEN dataset = 'fred-dtwexbgs' THEN n.obs + 8 - pg_catalog.date_part('isodow', n.obs)::integer
            -- ECB reference rates: around 16:00 CET on the day itself.
            WHEN dataset = 'ecb-eurofxref' THEN n.obs
            -- H.15 Treasury yields (FRED DGS*): published the business day after the
            -- observation (4:15 p.m. ET), so the next observation's comes the business
            -- day after it: a Friday's on Monday, the next (Monday's) on Tuesday.
            WHEN dataset LIKE 'fred-dgs%'
                THEN n.obs + CASE pg_catalog.date_part('isodow', n.obs)::integer WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END
            END AS due
              FROM (SELECT latest_period + CASE pg_catalog.date_part('isodow', latest_period)::integer
                                               WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END AS obs,
                           (pg_catalog.date_trunc('month', latest_period::timestamp) + interval '2 months')::date AS month2) AS n) AS d
$fn$;
COMMENT ON FUNCTION @extschema@.next_release_due(text, date, date) IS
    'When the publisher''s next release of a shipped dataset is due, from its newest period and vintage (TIC: the 18th, two months after the next period; Fed G.5 monthly: the first business day after the next month; H.10 daily: the Monday after the next observation''s week; H.4.1: the Thursday after the next Wednesday; ECB: the next business day; H.15 yields: the business day after the next observation), never before the vintage; weekends skipped, holidays not; null for other datasets and discontinued ones';

-- overdue and days_overdue say outright what next_release_due implies: the
-- publisher's next release was due before today and is not loaded (a BI tool
-- filters or colours on the boolean and sorts on the days).
CREATE VIEW @extschema@.data_freshness AS
SELECT f.dataset, f.title, f.latest_period, f.vintage, f.release_id, f.age_days, f.period_age_days,
       f.next_release_due,
       CASE WHEN f.next_release_due < CURRENT_DATE THEN CURRENT_DATE - f.next_release_due
            WHEN f.next_release_due IS NOT NULL THEN 0 END AS days_overdue,
       f.next_release_due < CURRENT_DATE AS overdue
  FROM (SELECT l.source_id AS dataset, s.title, p.latest_period, l.vintage, l.id AS release_id,
               CURRENT_DATE - l.vintage AS age_days,
               CURRENT_DATE - p.latest_period AS period_age_days,
               @extschema@.next_release_due(l.source_id, p.latest_period, l.vintage) AS next_release_due
          FROM (SELECT DISTINCT ON (d.source_id) d.source_id, d.id, d.vintage
                  FROM @extschema@.data_release d ORDER BY d.source_id, d.vintage DESC, d.loaded_at DESC) AS l
          JOIN @extschema@.source s ON s.id = l.source_id
          LEFT JOIN (SELECT d.source_id, pg_catalog.max(d.latest_period) AS latest_period
                       FROM @extschema@.data_release d GROUP BY d.source_id) AS p ON p.source_id = l.source_id) AS f;
COMMENT ON VIEW @extschema@.data_freshness IS
    'Per dataset: the newest period loaded, the vintage of its newest release, their ages in days at current_date, when the next release is due, and whether (and by how many days) it is overdue';
COMMENT ON COLUMN @extschema@.data_freshness.dataset IS 'The dataset (source id)';
COMMENT ON COLUMN @extschema@.data_freshness.title IS 'Title of the dataset';
COMMENT ON COLUMN @extschema@.data_freshness.latest_period IS 'The newest period (as_of) any release of the dataset gave';
COMMENT ON COLUMN @extschema@.data_freshness.vintage IS 'Vintage of the newest release loaded';
COMMENT ON COLUMN @extschema@.data_freshness.release_id IS 'The newest release loaded (holdings.data_release)';
COMMENT ON COLUMN @extschema@.data_freshness.age_days IS 'Days from the vintage to current_date';
COMMENT ON COLUMN @extschema@.data_freshness.period_age_days IS 'Days from the newest period to current_date';
COMMENT ON COLUMN @extschema@.data_freshness.next_release_due IS 'When the publisher''s next release is due (next_release_due: approximate, never before the vintage; null when unknown or discontinued)';
COMMENT ON COLUMN @extschema@.data_freshness.days_overdue IS 'Days from next_release_due to current_date, 0 when it is today or later; null when next_release_due is null';
COMMENT ON COLUMN @extschema@.data_freshness.overdue IS 'True when next_release_due is before current_date (a newer release should be out: refresh); null when next_release_due is null';
