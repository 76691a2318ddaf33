#!/usr/bin/env python3
"""The data section of the install script, generated from data/.

Small tables (sources, ISO codes, holders, label maps, bank figures) become
INSERT ... VALUES rows. The large raw files (TIC Table 3, the mfhhis01
history, Table 5, Form S, the exchange-rate files, FRED series) are embedded
verbatim between dollar quotes and parsed at install time by the extension's
own IMMUTABLE parse functions (parse_tic_slt_table3, parse_tic_mfh,
parse_tic_slt_table5, parse_tic_form_s, parse_tic_table3d, parse_fed_h10_monthly,
parse_ecb_eurofxref, parse_fred_csv), the same ones the loaders use, in
INSERT INTO @extschema@.<table> ... SELECT statements (the upgrade generator
retargets exactly those). So the script stays reviewable (the raw files, byte
for byte), a newer official file is one loader call, and it installs in seconds.
"""
import csv
import io
import os
import re
import sys

ISO_SOURCE = 'iso-4217'


def q(value):
    """A SQL literal (NULL for None)."""
    if value is None:
        return 'NULL'
    return "'" + str(value).replace("'", "''") + "'"


def dollar_quoted(text, tag):
    if ('$' + tag + '$') in text:
        sys.exit('the data contains the dollar-quote tag $%s$' % tag)
    return '$%s$%s$%s$' % (tag, text, tag)


def read(root, rel):
    with open(os.path.join(root, 'data', rel), encoding='utf-8', newline='') as f:
        return f.read()


def rows(root, rel):
    return list(csv.DictReader(io.StringIO(read(root, rel))))


def values(table, columns, tuples):
    lines = ['INSERT INTO @extschema@.%s (%s) VALUES' % (table, ', '.join(columns))]
    body = ',\n'.join('    (' + ', '.join(t) + ')' for t in tuples)
    return '\n'.join(lines) + '\n' + body + ';\n'


def source_rows(root, bank_sources):
    out = []
    for r in rows(root, 'sources.csv'):
        notes = read(root, r['file']).strip()
        out.append((q(r['id']), q(r['publisher']), q(r['title']), q(r['url']),
                    q(r['as_of'] or None) + ('::date' if r['as_of'] else ''), q(notes)))
    for sid, url, ref in bank_sources:
        host = re.sub(r'^https?://(www\.)?', '', url).split('/')[0]
        out.append((q(sid), q(host), q('News report cited in data/banks/bank_positions.csv: ' + ref),
                    q(url), 'NULL', q('Bank figure collected with its quote; see holdings.disclosure.')))
    return values('source', ['id', 'publisher', 'title', 'url', 'as_of', 'notes'], out)


def currency_rows(root):
    entries = {}
    for r in rows(root, 'iso/iso4217_codes-all.csv'):
        code = r['AlphabeticCode'].strip()
        if not code:
            continue
        current = r['WithdrawalDate'].strip() == ''
        old = entries.get(code)
        if old is None or (current and not old[3]):
            minor = r['MinorUnit'].strip()
            numeric = r['NumericCode'].strip()
            entries[code] = (r['Currency'].strip(), numeric if re.fullmatch(r'\d{3}', numeric) else None,
                             int(minor) if minor.isdigit() else None, current,
                             None if current else r['WithdrawalDate'].strip())
    out = []
    for code in sorted(entries):
        name, numeric, minor, _, withdrawn = entries[code]
        out.append((q(code), q(numeric), q(name), 'NULL' if minor is None else str(minor),
                    q(withdrawn), q(ISO_SOURCE)))
    return values('currency', ['code', 'numeric_code', 'name', 'minor_units', 'withdrawn', 'source_id'],
                  out), set(entries)


def country_rows(root):
    out = []
    codes = set()
    for r in rows(root, 'iso/country-codes.csv'):
        a2 = r['ISO3166-1-Alpha-2'].strip()
        if not re.fullmatch(r'[A-Z]{2}', a2):
            continue
        name = r['CLDR display name'].strip() or r['official_name_en'].strip()
        codes.add(a2)
        out.append((q(a2), q(r['ISO3166-1-Alpha-3'].strip() or None),
                    q(r['ISO3166-1-numeric'].strip() or None), q(name), q('iso-3166')))
    out.sort()
    return values('country', ['alpha2', 'alpha3', 'numeric_code', 'name', 'source_id'], out), codes


def country_currency_rows(root, countries, currencies):
    """ISO 3166 -> ISO 4217 from country-codes.csv. Where it lists several codes, the
    country's own one: the first that is not another country's sole currency (Bhutan
    BTN rather than INR, Lesotho LSL rather than ZAR); the others are kept too."""
    listed = []
    for r in rows(root, 'iso/country-codes.csv'):
        a2 = r['ISO3166-1-Alpha-2'].strip()
        codes = [c.strip() for c in r['ISO4217-currency_alphabetic_code'].split(',') if c.strip()]
        if re.fullmatch(r'[A-Z]{2}', a2) and codes:
            listed.append((a2, codes))
    sole = {codes[0] for _, codes in listed if len(codes) == 1}
    out = []
    for a2, codes in sorted(listed):
        own = next((c for c in codes if c not in sole), codes[0])
        if own not in currencies:
            sys.exit('iso/country-codes.csv: %s has currency %s, not in ISO 4217' % (a2, own))
        others = [c for c in codes if c != own]
        out.append((q(a2), q(own), q('{' + ','.join(others) + '}'), q('iso-3166')))
    return values('country_currency', ['country', 'currency', 'other_currencies', 'source_id'], out), \
        {a2: codes for a2, codes in listed}


def euro_adoption_rows(root, country_codes, currencies):
    """The euro's adoption dates, cross-checked against the ISO files (see the .source)."""
    withdrawn = {}
    for r in rows(root, 'iso/iso4217_codes-all.csv'):
        if r['WithdrawalDate'].strip():
            withdrawn.setdefault(r['AlphabeticCode'].strip(), []).append(r['WithdrawalDate'].strip()[:7])
    out = []
    for r in rows(root, 'iso/euro_adoption.csv'):
        a2, adopted, legacy = r['country'], r['adopted'], r['legacy_currency']
        if country_codes.get(a2) != ['EUR']:
            sys.exit('iso/euro_adoption.csv: %s does not have EUR as its currency in iso/country-codes.csv' % a2)
        if not re.fullmatch(r'\d{4}-01-01', adopted):
            sys.exit('iso/euro_adoption.csv: %s: the euro is adopted on 1 January, not %s' % (a2, adopted))
        y = int(adopted[:4])
        # ISO dates a withdrawal by month; Lithuania's LTL is dated 2014-12, the month before.
        if legacy not in currencies or not any(w >= '%04d-12' % (y - 1) for w in withdrawn.get(legacy, [])):
            sys.exit('iso/euro_adoption.csv: %s: %s is not an ISO 4217 code withdrawn at or after %s'
                     % (a2, legacy, adopted))
        out.append((q(a2), 'date ' + q(adopted), q(legacy), q('ecb-euro-area')))
    return values('euro_adoption', ['country', 'adopted', 'legacy_currency', 'source_id'], sorted(out))


def holder_rows(root, countries):
    holders = {}
    labels = []
    for r in rows(root, 'tic/holders.csv'):
        hid = r['holder_id']
        if r['kind'] == 'country' and hid not in countries:
            sys.exit('data/tic/holders.csv: %s is not an ISO 3166-1 alpha-2 code' % hid)
        if hid not in holders:
            # The holder's name is the source's label (the first one listed).
            holders[hid] = (r['label'], r['kind'], hid if r['kind'] == 'country' else None, 'tic-mfhhis01')
        labels.append((q(r['label']), q(hid), q(r['instrument'])))
    holders['norinchukin'] = ('Norinchukin Bank', 'bank', 'JP', None)
    holders['japan-post-bank'] = ('Japan Post Bank', 'bank', 'JP', None)
    out = [(q(h), q(n), q(k), q(c), q(s)) for h, (n, k, c, s) in sorted(holders.items())]
    return (values('holder', ['id', 'name', 'kind', 'country', 'source_id'], out) +
            values('tic_label', ['label', 'holder_id', 'instrument'], labels))


def tic_mfh_sql(document, source_id):
    """Every figure of a TIC mfhhis01 document: official ones into position, series-break
    comparison values into position_comparison (the parser and label map load_tic_mfh uses)."""
    return """WITH figures AS (
    SELECT l.holder_id, l.instrument, p.as_of, p.official,
           @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount
      FROM @extschema@.parse_tic_mfh(%s) p
      JOIN @extschema@.tic_label l ON l.label = p.label
), official AS (
    INSERT INTO @extschema@.position (holder_id, instrument, as_of, amount, basis, source_id)
    SELECT holder_id, instrument, as_of, amount, 'market', %s FROM figures WHERE official
)
INSERT INTO @extschema@.position_comparison (holder_id, instrument, as_of, amount, source_id)
SELECT holder_id, instrument, as_of, amount, %s FROM figures WHERE NOT official;
""" % (document, q(source_id), q(source_id))


def table3_sql(document):
    """TIC Table 3 (the newest vintage, in millions): holdings into position (UST, and
    UST-NOTES-BONDS / UST-BILLS by maturity), net purchases into transaction: long-term
    from 2023-02 (before, Form S), bills as the change in bill holdings (Table 3 footnote 2:
    printed where Table 3 prints it, else computed from the holdings)."""
    return """WITH t3 AS (
    SELECT l.holder_id, p.*,
           p.short_term_holdings - lag(p.short_term_holdings) OVER (PARTITION BY p.label ORDER BY p.as_of) AS bills_change
      FROM @extschema@.parse_tic_slt_table3(%s) p
      JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST'
), positions AS (
    INSERT INTO @extschema@.position (holder_id, instrument, as_of, amount, basis, source_id)
    SELECT t3.holder_id, i.instrument, t3.as_of, @extschema@.holding(i.mn * 1000000, 'USD'), 'market', 'tic-slt-table3'
      FROM t3 CROSS JOIN LATERAL (VALUES ('UST', t3.holdings), ('UST-NOTES-BONDS', t3.long_term_holdings),
                                         ('UST-BILLS', t3.short_term_holdings)) AS i (instrument, mn)
     WHERE i.mn IS NOT NULL
)
INSERT INTO @extschema@.transaction (holder_id, instrument, as_of, net_purchases, valuation_change, series, source_id)
SELECT holder_id, 'UST-NOTES-BONDS', as_of, @extschema@.holding(long_term_net_purchases * 1000000, 'USD'),
       @extschema@.holding(long_term_valuation_change * 1000000, 'USD'), 'tic-slt', 'tic-slt-table3'
  FROM t3 WHERE as_of >= date '2023-02-28' AND long_term_net_purchases IS NOT NULL
UNION ALL
SELECT holder_id, 'UST-BILLS', as_of, @extschema@.holding(coalesce(short_term_net_purchases, bills_change) * 1000000, 'USD'),
       NULL, 'tic-bills-change', 'tic-slt-table3'
  FROM t3 WHERE coalesce(short_term_net_purchases, bills_change) IS NOT NULL;
""" % document


def tic_mfh_current_sql(document, source_id):
    """The mfhhis01 history, after Table 3: a figure whose key Table 3 (newer) already
    gave goes into position_vintage, the others into position; comparison values into
    position_comparison."""
    return """WITH figures AS (
    SELECT l.holder_id, l.instrument, p.as_of, p.official,
           @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount
      FROM @extschema@.parse_tic_mfh(%s) p
      JOIN @extschema@.tic_label l ON l.label = p.label
), placed AS (
    SELECT f.*, x.holder_id IS NOT NULL AS superseded
      FROM figures f
      LEFT JOIN @extschema@.position x ON x.holder_id = f.holder_id AND x.instrument = f.instrument AND x.as_of = f.as_of
     WHERE f.official
), official AS (
    INSERT INTO @extschema@.position (holder_id, instrument, as_of, amount, basis, source_id)
    SELECT holder_id, instrument, as_of, amount, 'market', %s FROM placed WHERE NOT superseded
), vintage AS (
    INSERT INTO @extschema@.position_vintage (holder_id, instrument, as_of, source_id, amount)
    SELECT holder_id, instrument, as_of, %s, amount FROM placed WHERE superseded
)
INSERT INTO @extschema@.position_comparison (holder_id, instrument, as_of, amount, source_id)
SELECT holder_id, instrument, as_of, amount, %s FROM figures WHERE NOT official;
""" % (document, q(source_id), q(source_id), q(source_id))


def table5_sql(document):
    """TIC Table 5 (billions): the same vintage as Table 3, less precise; a figure whose
    key position already has goes into position_vintage. Its "All Other" (the rest beyond
    its top 20) is another grouping than mfhhis01's "All Other" and is not loaded."""
    return """WITH placed AS (
    SELECT l.holder_id, l.instrument, p.as_of, @extschema@.holding(p.usd_bn * 1000000000, 'USD') AS amount,
           x.holder_id IS NOT NULL AS superseded
      FROM @extschema@.parse_tic_slt_table5(%s) p
      JOIN @extschema@.tic_label l ON l.label = p.label
      LEFT JOIN @extschema@.position x ON x.holder_id = l.holder_id AND x.instrument = l.instrument AND x.as_of = p.as_of
     WHERE p.label <> 'All Other'  -- the rest beyond Table 5's top 20, not mfhhis01's "All Other"
), official AS (
    INSERT INTO @extschema@.position (holder_id, instrument, as_of, amount, basis, source_id)
    SELECT holder_id, instrument, as_of, amount, 'market', 'tic-slt-table5' FROM placed WHERE NOT superseded
)
INSERT INTO @extschema@.position_vintage (holder_id, instrument, as_of, source_id, amount)
SELECT holder_id, instrument, as_of, 'tic-slt-table5', amount FROM placed WHERE superseded;
""" % document


def form_s_sql(document):
    """TIC Form S: net purchases of Treasury bonds & notes = column [1] - column [7]."""
    return """INSERT INTO @extschema@.transaction (holder_id, instrument, as_of, net_purchases, gross_purchases, gross_sales,
                                      series, source_id)
SELECT l.holder_id, 'UST-NOTES-BONDS', p.as_of,
       @extschema@.holding((p.treasury_purchases - p.treasury_sales) * 1000000, 'USD'),
       @extschema@.holding(p.treasury_purchases * 1000000, 'USD'), @extschema@.holding(p.treasury_sales * 1000000, 'USD'),
       'tic-form-s', 'tic-form-s'
  FROM @extschema@.parse_tic_form_s(%s) p
  JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST';
""" % document


YIELD_MONTHS = [('DGS1MO', 1), ('DGS3MO', 3), ('DGS6MO', 6), ('DGS1', 12), ('DGS2', 24), ('DGS5', 60),
                ('DGS7', 84), ('DGS10', 120), ('DGS20', 240), ('DGS30', 360)]


def table3d_sql(document):
    """TIC Table 3D (slt3d_globl.csv, 2011-09 .. 2023-01, millions), an older vintage than
    position's figures: its holdings by maturity go to position_vintage under its own source;
    its bills flows (the change in short-term holdings from the month before) go to
    transaction for the keys no newer table gave, where position has no bill holdings of
    another source (2012-01 .. 2020-01 for Table 3's holders; mfhhis01's foreign-official
    bills stay consistent with their own levels).
    Same reading as load_tic_table3d (table3d_rows)."""
    return """WITH t3d AS MATERIALIZED (
    SELECT l.holder_id, p.as_of, p.holdings, p.long_term_holdings, p.short_term_holdings,
           CASE WHEN lag(p.as_of) OVER w = p.as_of - date_part('day', p.as_of)::integer
                THEN p.short_term_holdings - lag(p.short_term_holdings) OVER w END AS bills_change
      FROM @extschema@.parse_tic_table3d(%s) p
      JOIN @extschema@.tic_label l ON l.label = p.label AND l.instrument = 'UST'
    WINDOW w AS (PARTITION BY p.label ORDER BY p.as_of)
), vintages AS (
    INSERT INTO @extschema@.position_vintage (holder_id, instrument, as_of, source_id, amount)
    SELECT t3d.holder_id, i.instrument, t3d.as_of, 'tic-slt-table3d', @extschema@.holding(i.mn * 1000000, 'USD')
      FROM t3d CROSS JOIN LATERAL (VALUES ('UST', t3d.holdings), ('UST-NOTES-BONDS', t3d.long_term_holdings),
                                          ('UST-BILLS', t3d.short_term_holdings)) AS i (instrument, mn)
     WHERE i.mn IS NOT NULL
)
INSERT INTO @extschema@.transaction (holder_id, instrument, as_of, net_purchases, series, source_id)
SELECT t3d.holder_id, 'UST-BILLS', t3d.as_of, @extschema@.holding(t3d.bills_change * 1000000, 'USD'),
       'tic-bills-change', 'tic-slt-table3d'
  FROM t3d
  LEFT JOIN @extschema@.transaction x ON x.holder_id = t3d.holder_id AND x.instrument = 'UST-BILLS' AND x.as_of = t3d.as_of
  LEFT JOIN @extschema@.position b ON b.holder_id = t3d.holder_id AND b.instrument = 'UST-BILLS' AND b.as_of = t3d.as_of
 WHERE t3d.bills_change IS NOT NULL AND x.holder_id IS NULL AND b.holder_id IS NULL;
""" % document


def fred_series_sql(root):
    parts = ["""
-- FRED WMTSECL1: weekly custody holdings (millions, face value); weeks printed as 0
-- before 2007-07 (not reported) are left out.
INSERT INTO @extschema@.custody_holding (series, as_of, amount, basis, source_id)
SELECT p.series, p.as_of, @extschema@.holding(p.value * 1000000, 'USD'), 'face', 'fred-wmtsecl1'
  FROM @extschema@.parse_fred_csv(%s) p
 WHERE p.value IS NOT NULL AND NOT (p.value = 0 AND p.as_of < date '2007-07-04');
""" % dollar_quoted(read(root, 'fed/fred_wmtsecl1.csv'), 'fred')]
    for series, months in YIELD_MONTHS:
        parts.append("""
-- FRED %s: daily constant-maturity yield, percent (holidays left out).
INSERT INTO @extschema@.treasury_yield (series, as_of, maturity_months, yield_percent, source_id)
SELECT p.series, p.as_of, %d, p.value, %s
  FROM @extschema@.parse_fred_csv(%s) p
 WHERE p.value IS NOT NULL;
""" % (series, months, q('fred-' + series.lower()), dollar_quoted(read(root, 'yields/%s.csv' % series), 'fred')))
    return ''.join(parts)


def bank_data(root):
    raw = rows(root, 'banks/bank_positions.csv')
    cls = {int(r['row']): r for r in rows(root, 'banks/classification.csv')}
    if sorted(cls) != list(range(1, len(raw) + 1)):
        sys.exit('data/banks/classification.csv must have one row per bank figure')
    holder_ids = {'Norinchukin Bank': 'norinchukin', 'Japan Post Bank': 'japan-post-bank'}
    sources, source_ids = [], {}
    disclosures, positions = [], []
    for n, r in enumerate(raw, 1):
        ref = r['source_url_or_ref'].strip()
        url = ref.split()[0]
        if url not in source_ids:
            source_ids[url] = 'bank-report-%d' % (len(source_ids) + 1)
            sources.append((source_ids[url], url, ref))
        c = cls[n]
        hid = holder_ids[r['holder']]
        amount = "@extschema@.holding(%s, %s)" % (r['amount'], q(r['currency']))
        as_of = ('date ' + q(c['as_of'])) if c['as_of'] else 'NULL'
        caveat = r['note'].strip()
        if c['as_of'] and not r['as_of'].startswith(c['as_of']):
            caveat += ' [date as printed: %s]' % r['as_of']
        disclosures.append((q('bank-positions-%02d' % n), q(hid), as_of, q(c['kind']), q(r['instrument']),
                            amount, q(source_ids[url]), q(r['quote']), q(caveat)))
        if c['position_instrument']:
            positions.append((q(hid), q(c['position_instrument']), as_of, amount, q('book'),
                              q(source_ids[url])))
    return (sources,
            values('disclosure', ['id', 'holder_id', 'as_of', 'kind', 'instrument', 'amount', 'source_id',
                                  'quote', 'caveat'], disclosures) +
            values('position', ['holder_id', 'instrument', 'as_of', 'amount', 'basis', 'source_id'], positions))


def rate_set_sql():
    # max_gap_days: fed-monthly is dated the last day of each month, so a date
    # is at most 30 days after its month's rate; 62 lets a lookup use the last
    # month's rate for about two months more. ecb-daily has no rate on weekends
    # and TARGET holidays (at most 5 days in a row); 7 bridges those.
    return """
-- Rate sets: coverage tolerance of each shipped set (holdings.rate_set).
INSERT INTO @extschema@.rate_set (name, frequency, description, source_id, max_gap_days) VALUES
    ('fed-monthly', 'monthly', 'Federal Reserve H.10/G.5 monthly averages, units per USD, dated the last day of the month', 'fed-h10-monthly', 62),
    ('ecb-daily', 'daily', 'ECB euro reference rates crossed through their USD column, dated the business day', 'ecb-eurofxref', 7);
"""


def fed_monthly_sql(root, currencies):
    mapping = rows(root, 'fx/fed_monthly_currencies.csv')
    labels = {r['Country'] for r in rows(root, 'fx/datasets_exchange-rates_monthly.csv')}
    known = {m['label'] for m in mapping}
    if labels - known:
        sys.exit('fed monthly labels without a currency: %s' % sorted(labels - known))
    pairs = []
    for m in mapping:
        if m['currency']:
            if m['currency'] not in currencies:
                sys.exit('fed monthly currency %s is not in ISO 4217' % m['currency'])
            pairs.append('(%s, %s)' % (q(m['label']), q(m['currency'])))
    labels_sql = values('fx_label', ['label', 'currency'],
                        [(q(m['label']), q(m['currency'] or None)) for m in mapping])
    return labels_sql + """
-- Federal Reserve H.10/G.5 monthly averages (units per USD), as_of = last day of the month,
-- parsed by parse_fed_h10_monthly (what load_fed_h10_monthly loads).
INSERT INTO @extschema@.fx_rate (rate_set, currency, as_of, per_usd, source_id)
SELECT 'fed-monthly', m.currency, p.as_of, p.per_usd, 'fed-h10-monthly'
  FROM @extschema@.parse_fed_h10_monthly(%s) p
  JOIN @extschema@.fx_label m ON m.label = p.label
 WHERE m.currency IS NOT NULL;
""" % dollar_quoted(read(root, 'fx/datasets_exchange-rates_monthly.csv'), 'fed')


def ecb_sql(root, currencies):
    header = read(root, 'fx/ecb_eurofxref-hist.csv').split('\n', 1)[0].rstrip(',').split(',')
    missing = [c for c in header[1:] if c not in currencies]
    if missing:
        sys.exit('ECB currencies not in ISO 4217: %s' % missing)
    return """
-- ECB reference rates (units per EUR) crossed through the USD column: per_usd = rate / USD rate,
-- and EUR per USD = 1 / USD rate, each rounded to 20 decimal places (numeric round); parsed by
-- parse_ecb_eurofxref (what load_ecb_rates loads).
WITH cells AS (
    SELECT as_of, currency, per_eur FROM @extschema@.parse_ecb_eurofxref(%s)
), usd AS (
    SELECT as_of, per_eur FROM cells WHERE currency = 'USD'
)
INSERT INTO @extschema@.fx_rate (rate_set, currency, as_of, per_usd, source_id)
SELECT 'ecb-daily', c.currency, c.as_of, round(c.per_eur / u.per_eur, 20), 'ecb-eurofxref'
  FROM cells c JOIN usd u USING (as_of) WHERE c.currency <> 'USD'
UNION ALL
SELECT 'ecb-daily', 'EUR', as_of, round(1 / per_eur, 20), 'ecb-eurofxref' FROM usd;
""" % dollar_quoted(read(root, 'fx/ecb_eurofxref-hist.csv'), 'ecb')


# Euro members' legacy currencies that the Fed's H.10 never published.
LEGACY_FROM_ECB = ('SIT', 'CYP', 'MTL', 'SKK', 'EEK', 'LVL', 'LTL', 'HRK', 'BGN')


def legacy_euro_rates_sql():
    """fed-monthly rates for every euro member's legacy currency (issue 20), so the default
    rate set converts them all: the Fed never published SIT, CYP, MTL, SKK, EEK, LVL, LTL,
    HRK or BGN, so each month's rate is the average of the ECB's daily cross rates of that
    month (ecb-daily, complete months only), rounded to 20 decimal places; LUF is at par
    with BEF (the Belgium-Luxembourg monetary union; both entered the euro at 40.3399).
    Read from the rows just inserted (JOIN, so the upgrade generator stages them too)."""
    return """
-- fed-monthly: euro members' legacy currencies the Fed never published, from the ECB's daily
-- cross rates (monthly averages of complete months) and LUF at par with BEF.
INSERT INTO @extschema@.fx_rate (rate_set, currency, as_of, per_usd, source_id)
SELECT 'fed-monthly', x.currency, (date_trunc('month', x.as_of) + interval '1 month' - interval '1 day')::date,
       round(avg(x.per_usd), 20), 'ecb-eurofxref'
  FROM (SELECT max(as_of) AS last_day FROM (SELECT 1) one JOIN @extschema@.fx_rate e ON e.rate_set = 'ecb-daily') l
  JOIN @extschema@.fx_rate x ON x.rate_set = 'ecb-daily' AND x.currency IN (%s)
                             AND date_trunc('month', x.as_of) < date_trunc('month', l.last_day)
 GROUP BY x.currency, date_trunc('month', x.as_of)
UNION ALL
SELECT 'fed-monthly', 'LUF', b.as_of, b.per_usd, b.source_id
  FROM (SELECT 1) one JOIN @extschema@.fx_rate b ON b.rate_set = 'fed-monthly' AND b.currency = 'BEF';
""" % ', '.join(q(c) for c in LEGACY_FROM_ECB)


def dollar_index_sql(root):
    parts = []
    for rel, source in (('fx/fred_TWEXBGSMTH.csv', 'fred-twexbgsmth'), ('fx/fred_DTWEXBGS.csv', 'fred-dtwexbgs')):
        parts.append("""
-- FRED %s (dates as FRED prints them; days without a value are skipped).
INSERT INTO @extschema@.dollar_index (series, as_of, value, source_id)
SELECT p.series, p.as_of, p.value, %s
  FROM @extschema@.parse_fred_csv(%s) p
 WHERE p.value IS NOT NULL;
""" % (source, q(source), dollar_quoted(read(root, rel), 'fred')))
    return ''.join(parts)


def generate(root):
    currency_sql, currencies = currency_rows(root)
    country_sql, countries = country_rows(root)
    country_currency_sql, country_codes = country_currency_rows(root, countries, currencies)
    bank_sources, bank_sql = bank_data(root)
    parts = [
        '\n-- ---- reference data (tools/gen_data_sql.py) ----\n',
        source_rows(root, bank_sources),
        currency_sql,
        country_sql,
        country_currency_sql,
        euro_adoption_rows(root, country_codes, currencies),
        holder_rows(root, countries),
        '\n-- TIC Table 3 (vintage 2026-07, millions): holdings by maturity and net purchases.\n',
        table3_sql(dollar_quoted(read(root, 'tic/slt_table3.txt'), 'tic')),
        '\n-- TIC Major Foreign Holders history, parsed by the extension itself; figures Table 3 revised\n'
        '-- go to position_vintage.\n',
        tic_mfh_current_sql(dollar_quoted(read(root, 'tic/mfhhis01_2026-03-18.txt'), 'tic'), 'tic-mfhhis01'),
        '\n-- TIC Table 5 (vintage 2026-07, billions): Table 3 rounded, so mostly position_vintage.\n',
        table5_sql(dollar_quoted(read(root, 'tic/slt_table5.txt'), 'tic')),
        '\n-- TIC Form S: net purchases of Treasury bonds & notes, 1977-01 .. 2023-01.\n',
        form_s_sql(dollar_quoted(read(root, 'tic/s1_globl.txt'), 'tic')),
        '\n-- TIC Table 3D (2011-09 .. 2023-01, millions): holdings by maturity as a vintage, and bills flows\n'
        '-- for the months no newer table gives (issue 20).\n',
        table3d_sql(dollar_quoted(read(root, 'tic/slt3d_globl.csv'), 'tic')),
        '\n-- Bank figures: every one as a disclosure; the dated holdings also as positions.\n',
        bank_sql,
        rate_set_sql(),
        fed_monthly_sql(root, currencies),
        ecb_sql(root, currencies),
        legacy_euro_rates_sql(),
        dollar_index_sql(root),
        fred_series_sql(root),
    ]
    return ''.join(parts)
