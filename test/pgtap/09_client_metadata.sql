-- What BI tools and drivers read from the catalog: numeric precision and scale
-- in the views, comments on composite fields, the string casts.
BEGIN;
SELECT plan(6);

SELECT is_empty($$
    SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'holdings'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
       AND a.atttypid = 'numeric'::regtype AND a.atttypmod < 0$$,
    'no view column is an unconstrained numeric');
SELECT is(
    (SELECT string_agg(format('%s.%s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod)), ', '
                       ORDER BY c.relname, a.attname)
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'holdings'::regnamespace AND c.relkind = 'v' AND a.atttypid = 'numeric'::regtype
        AND c.relname IN ('major_holders', 'positions', 'fx_rates_monthly', 'disclosures', 'dollar_index_monthly')),
    'disclosures.amount numeric(38,8), disclosures.amount_usd numeric(38,8), dollar_index_monthly.value numeric(12,4), '
    'fx_rates_monthly.per_usd numeric(38,20), major_holders.usd_bn numeric(12,1), positions.amount numeric(38,8), '
    'positions.amount_usd numeric(38,8)',
    'the views'' numeric columns and their precision and scale');
SELECT is_empty($$
    SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'holdings'::regnamespace AND c.relkind = 'c' AND a.attnum > 0
       AND col_description(c.oid, a.attnum) IS NULL$$,
    'every field of every composite type has a COMMENT');
-- The shipped data fits the views exactly: no value loses a digit in the cast.
SELECT is_empty($$
    SELECT rate_set, currency, as_of FROM holdings.fx_rate WHERE per_usd::numeric(38,20) <> per_usd
    UNION ALL
    SELECT holder_id, instrument, as_of FROM holdings.position
     WHERE holdings.amount(amount)::numeric(38,8) <> holdings.amount(amount)
        OR (instrument = 'UST' AND (holdings.amount(amount) / 1000000000)::numeric(12,1)
                                   <> holdings.amount(amount) / 1000000000)$$,
    'rates, amounts and TIC billions fit the views'' types exactly');
SELECT is(
    (SELECT string_agg(format('%s %s', castsource::regtype, castcontext), ', ' ORDER BY castsource::regtype::text)
       FROM pg_cast WHERE casttarget = 'holdings.holding'::regtype),
    'character varying i, text a',
    'varchar -> holding is implicit, text -> holding assignment only');
SELECT is(
    (SELECT sum(amount_usd) FROM holdings.disclosures WHERE holder_id = 'japan-post-bank'),
    2043508203935.89938977::numeric,
    'Japan Post Bank''s disclosures in USD add up (yen valued at each date''s fed-monthly rate)');

SELECT * FROM finish();
ROLLBACK;
