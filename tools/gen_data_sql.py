#!/usr/bin/env python3
"""The data section of the install script, generated from data/.

Small tables (sources, ISO codes, holders, label maps, bank figures, rate
sets) become INSERT ... VALUES rows. The official files (TIC, Fed, ECB,
FRED) are not embedded: `make install` installs them under
<sharedir>/extension/holdings/, and the data section loads each one with its
loader, in the order of data/sources.csv (columns data_file and loader):
the same parse -> stage -> check -> merge path a user's refresh takes
(src/install/44_data_release.sql). No file-to-table mapping lives here.
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


def fx_label_sql(root, currencies):
    """How the Fed H.10 file's country labels map to currencies (load_fed_h10_monthly reads them)."""
    mapping = rows(root, 'fx/fed_monthly_currencies.csv')
    labels = {r['Country'] for r in rows(root, 'fx/datasets_exchange-rates_monthly.csv')}
    known = {m['label'] for m in mapping}
    if labels - known:
        sys.exit('fed monthly labels without a currency: %s' % sorted(labels - known))
    for m in mapping:
        if m['currency'] and m['currency'] not in currencies:
            sys.exit('fed monthly currency %s is not in ISO 4217' % m['currency'])
    return values('fx_label', ['label', 'currency'],
                  [(q(m['label']), q(m['currency'] or None)) for m in mapping])


def shipped_files(root):
    """(data_file, loader, source id, vintage, url) of every loadable file, in load order."""
    out = []
    for r in rows(root, 'sources.csv'):
        if r['data_file']:
            if not re.fullmatch(r'load_[a-z0-9_]+', r['loader']):
                sys.exit('data/sources.csv: %s has a data file but no loader' % r['id'])
            if not r['as_of']:
                sys.exit('data/sources.csv: %s has a data file but no vintage (as_of)' % r['id'])
            if not os.path.isfile(os.path.join(root, 'data', r['data_file'])):
                sys.exit('data/sources.csv: %s: no file data/%s' % (r['id'], r['data_file']))
            out.append((r['data_file'], r['loader'], r['id'], r['as_of'], r['url']))
    return out


def shipped_loads(root):
    """The calls that load every shipped data file (the install and upgrade scripts)."""
    parts = ['\n-- ---- shipped data files (data/sources.csv), each through its loader ----\n']
    for data_file, loader, sid, vintage, url in shipped_files(root):
        parts.append('SELECT release.id, release.rows_inserted, release.rows_updated, release.rows_kept\n  FROM @extschema@.load_data_file(%s, %s, %s, date %s, %s) AS release;\n'
                     % (q(data_file), q(loader), q(sid), q(vintage), q(url)))
    return ''.join(parts)


def generate(root):
    """The reference rows (INSERT ... VALUES); shipped_loads loads the official files."""
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
        '\n-- Bank figures: every one as a disclosure; the dated holdings also as positions.\n',
        bank_sql,
        rate_set_sql(),
        fx_label_sql(root, currencies),
    ]
    return ''.join(parts)
