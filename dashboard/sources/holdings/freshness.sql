-- Freshness: holdings.data_freshness, one row per dataset with a release: the
-- newest period, the vintage of its newest release, their ages in days at
-- current_date, when the publisher's next release is due, whether it is
-- overdue and by how many days (computed by the view, not in the browser);
-- the publisher and URL from holdings.source. next_release_due is text: a
-- null date would be shown as 1970-01-01 in a DataTable; as text it is "-".
SELECT f.dataset, f.title, f.latest_period, f.vintage, f.release_id, f.age_days, f.period_age_days,
       pg_catalog.to_char(f.next_release_due, 'YYYY-MM-DD') AS next_release_due, f.days_overdue,
       CASE WHEN f.overdue THEN 'yes' WHEN NOT f.overdue THEN 'no' ELSE 'no schedule' END AS overdue,
       s.publisher, s.url
  FROM holdings.data_freshness f
  JOIN holdings.source s ON s.id = f.dataset
