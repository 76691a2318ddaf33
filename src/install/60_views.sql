-- Views for BI tools and ETL: standard types only (text, date, numeric,
-- boolean), a COMMENT on every column.
--
-- Every numeric column has an explicit precision and scale, because JDBC and
-- ODBC report an unconstrained numeric as size 0 / NUMERIC(28,6) and tools that
-- trust the metadata round. The types hold every value exactly:
--   amounts of a holding   numeric(38,8): 8 fractional digits as the holding type;
--                          38 digits, the widest decimal most tools and formats
--                          take (SQL Server, Hyper, Spark, Parquet); |amount| < 10^30
--   per_usd                numeric(38,20): ecb-daily rates carry 20 decimals
--   usd_bn                 numeric(13,3): TIC Table 3 prints millions (mfhhis01, Table 5: billions to one decimal)
--   dollar index           numeric(12,4): FRED prints 4 decimals
-- Where a holding appears, its amount and its currency are separate columns,
-- and where rows mix currencies an amount_usd column values each row in USD.

CREATE VIEW @extschema@.major_holders AS
SELECT p.holder_id, h.name AS holder_name, h.kind AS holder_kind, p.as_of AS month,
       (@extschema@.amount(p.amount) / 1000000000)::numeric(13,3) AS usd_bn, p.source_id
  FROM @extschema@.position p JOIN @extschema@.holder h ON h.id = p.holder_id
 WHERE p.instrument = 'UST' AND @extschema@.currency(p.amount) = 'USD' AND h.kind <> 'bank';
COMMENT ON VIEW @extschema@.major_holders IS
    'US Treasury securities held by each TIC holder (countries and groupings), monthly, in billions of USD';
COMMENT ON COLUMN @extschema@.major_holders.holder_id IS 'ISO 3166-1 alpha-2 code, or a slug for groupings and totals';
COMMENT ON COLUMN @extschema@.major_holders.holder_name IS 'The label TIC prints';
COMMENT ON COLUMN @extschema@.major_holders.holder_kind IS 'country or aggregate';
COMMENT ON COLUMN @extschema@.major_holders.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.major_holders.usd_bn IS 'Holdings at the end of the month, billions of USD (market value), to 0.1 as TIC prints them';
COMMENT ON COLUMN @extschema@.major_holders.source_id IS 'Source of the figure (holdings.source)';

CREATE VIEW @extschema@.positions AS
SELECT p.holder_id, h.name AS holder_name, h.kind AS holder_kind, h.country, p.instrument, p.as_of,
       @extschema@.amount(p.amount)::numeric(38,8) AS amount, @extschema@.currency(p.amount) AS currency,
       (CASE WHEN @extschema@.currency(p.amount) = 'USD' THEN @extschema@.amount(p.amount)
             WHEN EXISTS (SELECT FROM @extschema@.fx_rate r
                           WHERE r.rate_set = COALESCE(pg_catalog.current_setting('holdings.rate_set', true), 'fed-monthly')
                             AND r.currency = @extschema@.currency(p.amount) AND r.as_of <= p.as_of)
             THEN @extschema@.amount(@extschema@.fx_convert(p.amount, 'USD', p.as_of)) END)::numeric(38,8) AS amount_usd,
       p.basis, p.source_id, s.url AS source_url
  FROM @extschema@.position p
  JOIN @extschema@.holder h ON h.id = p.holder_id
  JOIN @extschema@.source s ON s.id = p.source_id;
COMMENT ON VIEW @extschema@.positions IS 'Every position with holder names and sources, amounts as numeric';
COMMENT ON COLUMN @extschema@.positions.holder_id IS 'Holder id';
COMMENT ON COLUMN @extschema@.positions.holder_name IS 'Holder name as the source prints it';
COMMENT ON COLUMN @extschema@.positions.holder_kind IS 'country, aggregate or bank';
COMMENT ON COLUMN @extschema@.positions.country IS 'ISO 3166-1 alpha-2 code of the holder''s country (null for groupings)';
COMMENT ON COLUMN @extschema@.positions.instrument IS 'UST, UST-BILLS, UST-NOTES-BONDS, FOREIGN-BONDS, ...';
COMMENT ON COLUMN @extschema@.positions.as_of IS 'Date of the position';
COMMENT ON COLUMN @extschema@.positions.amount IS 'Amount in units of the currency (exact; do not add across currencies)';
COMMENT ON COLUMN @extschema@.positions.currency IS 'ISO 4217 code of the amount';
COMMENT ON COLUMN @extschema@.positions.amount_usd IS
    'The amount in USD at the rates of as_of in the rate set holdings.rate_set (fx_convert); null where the set has no rate that early';
COMMENT ON COLUMN @extschema@.positions.basis IS 'market, face or book';
COMMENT ON COLUMN @extschema@.positions.source_id IS 'Source id';
COMMENT ON COLUMN @extschema@.positions.source_url IS 'Where the source was read';

CREATE VIEW @extschema@.fx_rates_monthly AS
SELECT DISTINCT ON (rate_set, currency, pg_catalog.date_trunc('month', as_of))
       rate_set, currency, (pg_catalog.date_trunc('month', as_of) + interval '1 month - 1 day')::date AS month,
       per_usd::numeric(38,20) AS per_usd, as_of AS rate_date
  FROM @extschema@.fx_rate
 ORDER BY rate_set, currency, pg_catalog.date_trunc('month', as_of), as_of DESC;
COMMENT ON VIEW @extschema@.fx_rates_monthly IS
    'One rate per rate set, currency and month: the last rate of the month (fed-monthly: the monthly average)';
COMMENT ON COLUMN @extschema@.fx_rates_monthly.rate_set IS 'fed-monthly, ecb-daily, or your own';
COMMENT ON COLUMN @extschema@.fx_rates_monthly.currency IS 'ISO 4217 code';
COMMENT ON COLUMN @extschema@.fx_rates_monthly.month IS 'Last day of the month';
COMMENT ON COLUMN @extschema@.fx_rates_monthly.per_usd IS 'Units of the currency per 1 USD (exact: up to 20 decimals)';
COMMENT ON COLUMN @extschema@.fx_rates_monthly.rate_date IS 'Date of the rate used';

CREATE VIEW @extschema@.disclosures AS
SELECT d.id, d.holder_id, h.name AS holder_name, d.as_of, d.kind, d.instrument,
       @extschema@.amount(d.amount)::numeric(38,8) AS amount, @extschema@.currency(d.amount) AS currency,
       (CASE WHEN @extschema@.currency(d.amount) = 'USD' THEN @extschema@.amount(d.amount)
             WHEN EXISTS (SELECT FROM @extschema@.fx_rate r
                           WHERE r.rate_set = COALESCE(pg_catalog.current_setting('holdings.rate_set', true), 'fed-monthly')
                             AND r.currency = @extschema@.currency(d.amount) AND r.as_of <= d.as_of)
             THEN @extschema@.amount(@extschema@.fx_convert(d.amount, 'USD', d.as_of)) END)::numeric(38,8) AS amount_usd,
       d.quote, d.caveat, s.url AS source_url
  FROM @extschema@.disclosure d
  JOIN @extschema@.holder h ON h.id = d.holder_id
  JOIN @extschema@.source s ON s.id = d.source_id;
COMMENT ON VIEW @extschema@.disclosures IS 'Bank disclosures with their quotes, caveats and sources';
COMMENT ON COLUMN @extschema@.disclosures.id IS 'Disclosure id';
COMMENT ON COLUMN @extschema@.disclosures.holder_id IS 'Holder id';
COMMENT ON COLUMN @extschema@.disclosures.holder_name IS 'Holder name';
COMMENT ON COLUMN @extschema@.disclosures.as_of IS 'Date the figure refers to; null where the source prints no year';
COMMENT ON COLUMN @extschema@.disclosures.kind IS 'position, sale, planned_sale, unrealized_loss or other';
COMMENT ON COLUMN @extschema@.disclosures.instrument IS 'What the figure is about, in the source''s words';
COMMENT ON COLUMN @extschema@.disclosures.amount IS 'Amount in units of the currency (rows mix JPY and USD: sum amount_usd, or group by currency)';
COMMENT ON COLUMN @extschema@.disclosures.currency IS 'ISO 4217 code of the amount';
COMMENT ON COLUMN @extschema@.disclosures.amount_usd IS
    'The amount in USD at the rates of as_of in the rate set holdings.rate_set (fx_convert); null where as_of is null or the set has no rate that early';
COMMENT ON COLUMN @extschema@.disclosures.quote IS 'The source''s words';
COMMENT ON COLUMN @extschema@.disclosures.caveat IS 'What the figure is not';
COMMENT ON COLUMN @extschema@.disclosures.source_url IS 'Where the source was read';

CREATE VIEW @extschema@.dollar_index_monthly AS
SELECT series, as_of AS month_start, value::numeric(12,4) AS value
  FROM @extschema@.dollar_index WHERE series = 'TWEXBGSMTH';
COMMENT ON VIEW @extschema@.dollar_index_monthly IS 'Federal Reserve nominal broad dollar index, monthly average (Jan 2006 = 100)';
COMMENT ON COLUMN @extschema@.dollar_index_monthly.series IS 'TWEXBGSMTH';
COMMENT ON COLUMN @extschema@.dollar_index_monthly.month_start IS 'First day of the month (as FRED dates monthly averages)';
COMMENT ON COLUMN @extschema@.dollar_index_monthly.value IS 'Index value (4 decimals as FRED prints it)';

-- The fields of the composite type fx_decompose returns, for tools that list
-- them (psql \d+, JDBC getAttributes, data dictionaries).
COMMENT ON COLUMN @extschema@.fx_decomposition.start_value IS 'Value on the earliest date, in the report currency at that date''s rate';
COMMENT ON COLUMN @extschema@.fx_decomposition.end_value IS 'Value on the latest date, in the report currency at that date''s rate';
COMMENT ON COLUMN @extschema@.fx_decomposition.total_change IS 'end_value - start_value = flow_effect + fx_effect';
COMMENT ON COLUMN @extschema@.fx_decomposition.flow_effect IS
    'Change from buying and selling: each period''s change in the original currency valued at that period''s rate (negative = net selling)';
COMMENT ON COLUMN @extschema@.fx_decomposition.fx_effect IS 'Change from exchange-rate moves alone: total_change - flow_effect';
