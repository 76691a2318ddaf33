#!/usr/bin/python3
"""End-to-end test of holdings-refresh (docs/refresh.md).

A loopback HTTP server (http.server on 127.0.0.1, an ephemeral port, stopped at
the end) serves the files the extension ships, under the official file names,
plus a synthetic next release written here from the shipped files by editing
a few figures (test fixtures only, never shipped data):

  slt_table3.txt  (Last-Modified 2026-08-18)  a new month 2026-05 (April's lines, Japan +10,000 mn),
                  a revised 2026-04 (Japan +500 mn); Total Asia, All Countries and Grand Total follow
  slt_table5.txt  (2026-08-18)  the column 2026-05 added, 2025-04 dropped, Japan and Grand Total revised
  mfhhis01.txt    an OLDER vintage (footer 2/18/26): Japan 2025-12 = 1190.0 bn, where the database
                  holds Table 3's 1,185,515 mn of vintage 2026-07-01
  DGS10.csv       (2026-04-22)  two new days, 2026-04-17 revised
  TWEXBGSMTH.csv  (2026-01-05)  an OLDER copy ending 2025-12, that month edited (shipped: 2026-04-03)
  every other file as shipped (the same bytes: nothing to load)

The installed command runs against a fresh database: failures first (usage,
download, format, a rejected line: exit codes 2, 3, 4, nothing written), then
a dry run (exit 1, nothing written), --apply (exit 0; every outcome checked row
by row), --apply again and a dry run again (exit 0, nothing to do, nothing
changes), and --download-only --save then --from DIR.

Needs the cluster of scripts/cluster.sh (PGHOST, PGPORT, PGUSER) and the
extension installed (make install puts holdings-refresh in pg_config --bindir). Checks named
[vintages] are about issue 19's release order: an older file never replaces a
newer figure (kept_newer), data_release, figure_vintage, data_freshness.
"""
import csv
import datetime
import decimal
import json
import functools
import hashlib
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

import psycopg

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DB = os.environ.get('HOLDINGS_REFRESH_DB', 'holdings_refresh')
PG_CONFIG = os.environ.get('PG_CONFIG', 'pg_config')
COMMAND = os.path.join(subprocess.run([PG_CONFIG, '--bindir'], capture_output=True, text=True,
                                      check=True).stdout.strip(), 'holdings-refresh')

failures = []
checks = 0


def check(name, got, want):
    global checks
    checks += 1
    if got == want:
        print('ok   %s' % name)
    else:
        failures.append(name)
        print('FAIL %s\n     got:  %r\n     want: %r' % (name, got, want))


def stamp(path, day):
    t = datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12),
                                  datetime.timezone.utc).timestamp()
    os.utime(path, (t, t))


# ---------------------------------------------------------------- fixtures

def shipped():
    """dataset -> (path of the shipped file, shipped vintage), from sources.csv."""
    with open(os.path.join(ROOT, 'data', 'sources.csv'), newline='') as f:
        return {r['id']: (os.path.join(ROOT, 'data', r['data_file']), r['as_of'] or '2026-01-01')
                for r in csv.DictReader(f) if r['loader']}


def published():
    """The datasets a refresh downloads by default: every one with a loader but
    the discontinued ones (refresh.json)."""
    with open(os.path.join(ROOT, 'data', 'refresh.json')) as f:
        stopped = {d['dataset'] for d in json.load(f)['datasets'] if d.get('discontinued')}
    return [d for d in shipped() if d not in stopped]


def read(path):
    with open(path, 'rb') as f:
        return f.read().decode('utf-8')


def write(path, text, day):
    with open(path, 'wb') as f:
        f.write(text.encode('utf-8'))
    stamp(path, day)


# Table 3 lines whose figures the synthetic release changes: Japan and the
# totals that contain it, so that the month still adds up.
T3_CHANGED = ('Japan', 'Total Asia', 'All Countries', 'Grand Total')
# What the new month inserts: the figures printed for 2026-05 (checked below
# against the fixture): 91 lines, fewer where Table 3 prints n.a.
T3_POSITIONS, T3_TRANSACTIONS = 241, 166


def next_table3(text):
    out = []
    for line in text.split('\n'):
        f = line.rstrip('\r').split('\t')
        if len(f) == 10 and f[2] == '2026-04':
            april = list(f[3:])
            if f[0] in T3_CHANGED:  # revised April: +500 in total and long-term holdings
                april[0] = str(int(april[0]) + 500)
                april[2] = str(int(april[2]) + 500)
            may = list(april)
            if f[0] in T3_CHANGED:  # the new month: +10,000 more
                may[0] = str(int(may[0]) + 10000)
                may[2] = str(int(may[2]) + 10000)
            out.append('\t'.join(f[:2] + ['2026-05'] + may) + '\r')
            out.append('\t'.join(f[:3] + april) + '\r')
        else:
            out.append(line)
    return '\n'.join(out)


def next_table5(text):
    revised = {'Japan': ('1220.4', '1210.4'), 'Grand Total': ('9363.1', '9353.1')}
    out = []
    for line in text.split('\n'):
        f = line.split('\t')
        if f[0] == 'Country' and f[1] == '2026-04':
            f = [f[0], '2026-05'] + f[1:13] + f[14:]
        elif len(f) >= 14 and re.fullmatch(r'\d+\.\d', f[1]):
            may, april = revised.get(f[0], (f[1], f[1]))
            f = [f[0], may, april] + f[2:13] + f[14:]
        out.append('\t'.join(f))
    return '\n'.join(out)


def older_mfhhis01(text):
    text, n = re.subn(r'(?m)^Japan\t1185\.5\t', 'Japan\t1190.0\t', text, count=1)
    assert n == 1
    text, n = re.subn(r'(?m)^3/18/26\t', '2/18/26\t', text, count=1)
    assert n == 1
    return text


def next_dgs10(text):
    assert text.endswith('2026-04-17,4.26\n')
    return text[:-len('4.26\n')] + '4.27\n2026-04-20,4.30\n2026-04-21,4.33\n'


def older_twexbgsmth(text):
    end = text.index('2025-12-01,120.1883\n')
    return text[:end] + '2025-12-01,120.5000\n'


CHANGED = ('tic-slt-table3', 'tic-slt-table5', 'tic-mfhhis01', 'fred-dgs10', 'fred-twexbgsmth')


def build_site(site):
    """The official files, under the names of refresh.json: the shipped ones and
    the synthetic next release."""
    with open(os.path.join(ROOT, 'data', 'refresh.json')) as f:
        files = {d['dataset']: d for d in json.load(f)['datasets']}
    official = os.path.join(site, 'official')
    os.makedirs(official)
    edits = {'tic-slt-table3': (next_table3, '2026-08-18'), 'tic-slt-table5': (next_table5, '2026-08-18'),
             'tic-mfhhis01': (older_mfhhis01, '2026-02-18'), 'fred-dgs10': (next_dgs10, '2026-04-22'),
             'fred-twexbgsmth': (older_twexbgsmth, '2026-01-05')}
    for dataset, (path, vintage) in shipped().items():
        d = files[dataset]
        target = os.path.join(official, d['file'])
        if dataset in edits:
            edit, day = edits[dataset]
            write(target, edit(read(path)), day)
        elif d.get('unzip'):
            with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
                z.write(path, d['unzip'])
            stamp(target, vintage)
        else:
            shutil.copyfile(path, target)
            stamp(target, vintage)
    # Failures: an HTML error page where Table 5 should be; the next Table 5
    # beside a DGS10 with a bad figure (Table 5 loads first, then all is rolled back).
    os.makedirs(os.path.join(site, 'html'))
    write(os.path.join(site, 'html', 'slt_table5.txt'),
          '<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n' + 'x' * 2000, '2026-08-18')
    with zipfile.ZipFile(os.path.join(site, 'html', 'eurofxref-hist.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('eurofxref.csv', read(shipped()['ecb-eurofxref'][0]))
    stamp(os.path.join(site, 'html', 'eurofxref-hist.zip'), '2026-08-18')
    os.makedirs(os.path.join(site, 'bad'))
    shutil.copy2(os.path.join(official, 'slt_table5.txt'), os.path.join(site, 'bad', 'slt_table5.txt'))
    bad = read(os.path.join(official, 'DGS10.csv'))
    write(os.path.join(site, 'bad', 'DGS10.csv'), bad.replace('\n2026-04-20,4.30\n', '\n2026-04-20,4.3O\n'), '2026-04-22')
    return official


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# ---------------------------------------------------------------- database

def sql(conn, query, *params):
    return conn.execute(query, params).fetchall()


def one(conn, query, *params):
    rows = sql(conn, query, *params)
    return rows[0] if len(rows) == 1 else rows


def digest(conn):
    """One hash of every row of the tables a refresh writes."""
    out = {}
    for table in ('position', 'position_vintage', 'position_comparison', 'transaction', 'custody_holding',
                  'treasury_yield', 'fx_rate', 'dollar_index', 'figure_vintage', 'data_release', 'source'):
        if one(conn, 'SELECT pg_catalog.to_regclass(%s) IS NOT NULL', 'holdings.' + table)[0]:
            out[table] = one(conn, 'SELECT md5(coalesce(string_agg(t::text, %s ORDER BY t::text), %s)) FROM holdings.%s t'
                             % ('%s', '%s', '"%s"' % table), '|', '')[0]
    conn.rollback()
    return out


def amount(conn, table, where, *params):
    rows = sql(conn, 'SELECT amount::text, source_id FROM holdings.%s WHERE %s' % (table, where), *params)
    conn.rollback()
    return rows


def run(*args):
    started = time.monotonic()
    p = subprocess.run([COMMAND, '--quiet'] + list(args), capture_output=True, text=True,
                       env=dict(os.environ, PGDATABASE=DB))
    print('     holdings-refresh %s: exit %d, %.1f s' % (' '.join(args), p.returncode, time.monotonic() - started))
    if p.returncode not in (0, 1):
        print('     stderr: ' + p.stderr.strip().replace('\n', '\n     stderr: '))
    return p


def section(out, dataset):
    """The lines of the report about one dataset."""
    lines = out.split('\n')
    for i, line in enumerate(lines):
        if line.startswith(dataset + '  '):
            block = [line]
            for more in lines[i + 1:]:
                if not more.startswith('    '):
                    break
                block.append(more)
            return '\n'.join(block)
    return ''


def main():
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix='holdings-refresh-')
    official = build_site(work)
    with psycopg.connect(dbname='postgres', autocommit=True) as admin:
        admin.execute('DROP DATABASE IF EXISTS %s' % DB)
        admin.execute('CREATE DATABASE %s' % DB)
    conn = psycopg.connect(dbname=DB)
    conn.execute('CREATE EXTENSION holdings')
    conn.commit()
    print('     fresh database %s: %.1f s' % (DB, time.monotonic() - started))

    sha12 = lambda name: hashlib.sha256(open(os.path.join(official, name), 'rb').read()).hexdigest()[:12]
    server = None
    try:
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(QuietHandler, directory=work))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = 'http://127.0.0.1:%d' % server.server_address[1]
        mirror = base + '/official'
        before = digest(conn)

        # -- the database unavailable: exit 5
        p = run('--dsn', 'dbname=postgres', '--mirror', mirror)
        check('a database without the extension: exit 5, named',
              (p.returncode, p.stderr.strip()), (5, 'holdings-refresh: the holdings extension is not installed in database postgres'))

        # -- usage errors: exit 2
        check('unknown dataset: exit 2', run('--mirror', mirror, '--dataset', 'no-such-data').returncode, 2)
        check('--apply with --download-only: exit 2', run('--apply', '--download-only').returncode, 2)

        # -- download and check failures: exit 3, nothing loaded
        p = run('--mirror', base + '/missing', '--dataset', 'tic-slt-table5', '--retries', '0', '--apply')
        check('missing file: exit 3', p.returncode, 3)
        check('missing file: the report names the URL and the HTTP status',
              'cannot download %s/missing/slt_table5.txt: HTTP 404' % base in p.stderr, True)
        p = run('--mirror', base + '/html', '--dataset', 'tic-slt-table5', '--apply')
        check('an HTML page instead of the file: exit 3', p.returncode, 3)
        check('an HTML page instead of the file: named as the wrong format',
              "tic-slt-table5: not the expected format (TIC Table 5, tab-delimited text, billions of USD): "
              "the first line is '<!DOCTYPE html>'" in p.stderr, True)
        p = run('--mirror', base + '/html', '--dataset', 'ecb-eurofxref', '--apply')
        check('a zip without the expected member: exit 3, named', (p.returncode, 'the zip archive has no member eurofxref-hist.csv' in p.stderr), (3, True))
        small = os.path.join(work, 'small')
        os.makedirs(small)
        with open(os.path.join(ROOT, 'data', 'refresh.json')) as f:
            config = json.load(f)
        for d in config['datasets']:
            if d['dataset'] == 'tic-slt-table5':
                d['max_bytes'] = 3000
        with open(os.path.join(small, 'refresh.json'), 'w') as f:
            json.dump(config, f)
        shutil.copy(os.path.join(ROOT, 'data', 'sources.csv'), small)
        p = run('--config', os.path.join(small, 'refresh.json'), '--mirror', mirror, '--dataset', 'tic-slt-table5', '--apply')
        check('a file larger than its bound: exit 3, named', (p.returncode, 'more than the 3,000 bytes expected at most' in p.stderr), (3, True))
        p = run('--from', os.path.join(work, 'nowhere'), '--dataset', 'fred-dgs10', '--apply')
        check('--from a missing directory: exit 3', p.returncode, 3)

        # -- the discontinued Form S is checked only when named (the shipped file passes the checks)
        p = run('--mirror', mirror, '--download-only', '--dataset', 'tic-form-s')
        check('Form S, named: downloaded and checked', (p.returncode, p.stdout.split()[:4]),
              (0, ['tic-form-s', 's1_globl.txt', '3,212,186', 'bytes']))

        # -- a file a loader rejects: exit 4, the line named, nothing written
        p = run('--mirror', base + '/bad', '--dataset', 'tic-slt-table5,fred-dgs10', '--apply')
        check('a bad line: exit 4', p.returncode, 4)
        check('a bad line: the error names dataset, file and line',
              re.search(r'fred-dgs10 \(%s/bad/DGS10\.csv, loader load_fred_series\): '
                        r'FRED document, line %d: .*' % (re.escape(base), len(read(os.path.join(official, 'DGS10.csv')).split('\n')) - 2),
                        p.stderr) is not None, True)
        check('failures wrote nothing', digest(conn), before)

        # -- the dry run: exit 1, the report, nothing written
        report_file = os.path.join(work, 'dry-run.json')
        p = run('--mirror', mirror, '--report', report_file)
        check('dry run: exit 1 (changes pending)', p.returncode, 1)
        print(p.stdout)
        dry = p.stdout
        check('dry run: wrote nothing', digest(conn), before)
        check('dry run: the verdict', dry.strip().split('\n')[-1].startswith('dry run: ') and
              dry.strip().endswith('nothing was written, run again with --apply to load'), True)
        t3 = section(dry, 'tic-slt-table3')
        check('dry run: Table 3 inserts the new month and revises April',
              re.search(r'\n    position +%d inserted \[2026-05-31\]; 8 revised \[2026-04-30\]\n' % T3_POSITIONS, t3) is not None, True)
        check('dry run: Table 3 transactions of the new month',
              re.search(r'\n    transaction +%d inserted \[2026-05-31\]\n' % T3_TRANSACTIONS, t3 + '\n') is not None, True)
        check('dry run: Japan 2026-04 revised, in the report',
              '\n        updated    {JP,UST,2026-04-30}  amount: 1209889000000.00 USD -> 1210389000000.00 USD\n' in t3, True)
        check('dry run: unchanged files are named as such',
              'unchanged: the same file as release fed-h10-monthly/2026-07-21/' in section(dry, 'fed-h10-monthly'), True)
        try:
            with open(report_file) as f:
                report = {d['dataset']: d for d in json.load(f, parse_float=decimal.Decimal)['datasets']}
        except (OSError, ValueError) as e:
            print('     no report: %s' % e)
            report = {}
        check('dry run report: every dataset, loaded or unchanged',
              sorted((d, r['status']) for d, r in report.items()),
              sorted((d, 'changes' if d in CHANGED else 'unchanged') for d in published()))
        row = lambda d, action, table, key: [(r['old_value'], r['new_value']) for r in report.get(d, {}).get('rows', [])
                                             if (r['action'], r['table_name'], r['key']) == (action, table, key)]
        check('dry run report: DGS10 2026-04-17 revised',
              [(o['yield_percent'], n['yield_percent'], n['source_id'], n['maturity_months'])
               for o, n in row('fred-dgs10', 'updated', 'treasury_yield', ['DGS10', '2026-04-17'])],
              [(decimal.Decimal('4.26'), decimal.Decimal('4.27'), 'fred-dgs10', 120)])
        check('dry run report: DGS10 2026-04-21 new',
              [(o, n['yield_percent']) for o, n in row('fred-dgs10', 'inserted', 'treasury_yield', ['DGS10', '2026-04-21'])],
              [(None, decimal.Decimal('4.33'))])
        # [vintages] an older file never replaces a newer figure: kept_newer
        check('dry run report: the older mfhhis01 keeps Table 3\'s Japan 2025-12 [vintages]',
              [(o['amount'], n['amount']) for o, n in row('tic-mfhhis01', 'kept_newer', 'position', ['JP', 'UST', '2025-12-31'])],
              [('1185515000000.00 USD', '1190000000000.00 USD')])
        # (position_vintage keeps one row per key, dataset and release: the older file's figure
        # is a vintage row of its own release, beside the newer release's, which stays)
        check('dry run report: the older mfhhis01 figure is a vintage of its own release [vintages]',
              [(r['old_value'], r['new_value']['amount'], r['key'][4].startswith('tic-mfhhis01/2026-02-18/'))
               for r in report.get('tic-mfhhis01', {}).get('rows', [])
               if (r['action'], r['table_name'], r['key'][:4]) == ('inserted', 'position_vintage', ['JP', 'UST', '2025-12-31', 'tic-mfhhis01'])],
              [(None, '1190000000000.00 USD', True)])
        check('dry run report: the older TWEXBGSMTH keeps 2025-12 [vintages]',
              [(o['value'], n['value']) for o, n in row('fred-twexbgsmth', 'kept_newer', 'dollar_index', ['TWEXBGSMTH', '2025-12-01'])],
              [(decimal.Decimal('120.1883'), decimal.Decimal('120.5000'))])
        check('dry run: kept figures are named in the report [vintages]',
              re.search(r'\n    dollar_index +1 kept \(newer figure in place\) \[2025-12-01\]\n',
                        section(dry, 'fred-twexbgsmth') + '\n') is not None, True)

        # -- --apply: exit 0, every outcome row by row
        p = run('--mirror', mirror, '--apply')
        check('apply: exit 0', p.returncode, 0)
        print(p.stdout)
        check('apply: the verdict', p.stdout.strip().split('\n')[-1].startswith('applied: '), True)
        check('apply: the same report as the dry run (but for the verdict)',
              p.stdout.strip().split('\n')[:-1], dry.strip().split('\n')[:-1])
        mn = lambda x: '%d000000.00 USD' % x
        bn = lambda x: '%s00000000.00 USD' % x.replace('.', '')
        # Table 3, the new month (and its totals)
        check('position JP UST 2026-05', amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-05-31'"),
              [(mn(1220389), 'tic-slt-table3')])
        check('position JP UST-NOTES-BONDS 2026-05',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST-NOTES-BONDS' AND as_of = '2026-05-31'"),
              [(mn(1067042), 'tic-slt-table3')])
        check('position JP UST-BILLS 2026-05',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST-BILLS' AND as_of = '2026-05-31'"),
              [(mn(153347), 'tic-slt-table3')])
        check('position CN UST 2026-05: April\'s figure copied',
              amount(conn, 'position', "holder_id = 'CN' AND instrument = 'UST' AND as_of = '2026-05-31'"),
              amount(conn, 'position', "holder_id = 'CN' AND instrument = 'UST' AND as_of = '2026-04-30'"))
        may = [line.rstrip('\r').split('\t') for line in read(os.path.join(official, 'slt_table3.txt')).split('\n')
               if line.split('\t')[2:3] == ['2026-05']]
        april = {f[0]: f for f in (line.rstrip('\r').split('\t') for line in read(os.path.join(official, 'slt_table3.txt')).split('\n'))
                 if f[2:3] == ['2026-04']}
        check('positions of 2026-05 from Table 3: every printed holding (total, long-term, short-term)',
              one(conn, "SELECT count(*) FROM holdings.position WHERE as_of = '2026-05-31' AND source_id = 'tic-slt-table3'")[0],
              T3_POSITIONS)
        check('... as the fixture prints them', T3_POSITIONS, sum(f[i] != 'n.a.' for f in may for i in (3, 5, 8)))
        check('transactions of 2026-05 from Table 3: long-term net purchases and bills',
              one(conn, "SELECT count(*) FROM holdings.transaction WHERE as_of = '2026-05-31' AND source_id = 'tic-slt-table3'")[0],
              T3_TRANSACTIONS)
        check('... as the fixture prints them', T3_TRANSACTIONS,
              sum(f[6] != 'n.a.' for f in may) +
              sum(f[9] != 'n.a.' or (f[8] != 'n.a.' and april[f[0]][8] != 'n.a.') for f in may))
        rows = sql(conn, "SELECT instrument, series, net_purchases::text, valuation_change::text FROM holdings.transaction "
                         "WHERE holder_id = 'JP' AND as_of = '2026-05-31' ORDER BY instrument")
        check('transaction JP 2026-05', rows,
              [('UST-BILLS', 'tic-bills-change', mn(1578), None),  # bills: no reported valuation (issue 20)
               ('UST-NOTES-BONDS', 'tic-slt', mn(14705), '-3238000000.00 USD')])
        # Table 3, the revised April (the figure it replaces is kept as a vintage)
        check('position JP UST 2026-04 revised',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30'"),
              [(mn(1210389), 'tic-slt-table3')])
        check('position JP UST-NOTES-BONDS 2026-04 revised',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST-NOTES-BONDS' AND as_of = '2026-04-30'"),
              [(mn(1057042), 'tic-slt-table3')])
        check('position JP UST-BILLS 2026-04 unchanged',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST-BILLS' AND as_of = '2026-04-30'"),
              [(mn(153347), 'tic-slt-table3')])
        # Table 5: its figures round Table 3's (vintages); the official rows are its own
        check('position_vintage JP 2026-05 from Table 5',
              amount(conn, 'position_vintage', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-05-31' "
                                               "AND source_id = 'tic-slt-table5'"),
              [(bn('1220.4'), 'tic-slt-table5')])
        check('position_vintage JP 2026-04 from Table 5, revised with Table 3: both releases\' figures',
              amount(conn, 'position_vintage', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2026-04-30' "
                                               "AND source_id = 'tic-slt-table5' ORDER BY release_id"),
              [(bn('1209.9'), 'tic-slt-table5'), (bn('1210.4'), 'tic-slt-table5')])
        t5 = [line.split('\t')[0] for line in read(os.path.join(official, 'slt_table5.txt')).split('\n')
              if re.match(r'[^\t]+\t\d+\.\d\t', line) and not line.startswith('All Other\t')]
        check('Table 5 2026-05: every figure rounds Table 3\'s, kept in position_vintage',
              one(conn, "SELECT count(*) FROM holdings.position_vintage WHERE as_of = '2026-05-31' AND source_id = 'tic-slt-table5'")[0],
              len(t5))
        check('... 24 rows (20 countries, Grand Total, three foreign official)', len(t5), 24)
        check('Table 5 2026-05: no position of its own',
              one(conn, "SELECT count(*) FROM holdings.position WHERE as_of = '2026-05-31' AND source_id = 'tic-slt-table5'")[0], 0)
        check('position foreign-official UST 2026-05: Table 3\'s',
              amount(conn, 'position', "holder_id = 'foreign-official' AND instrument = 'UST' AND as_of = '2026-05-31'"),
              [(mn(3906503), 'tic-slt-table3')])
        # FRED DGS10: new days, a revised day
        rows = sql(conn, "SELECT as_of::text, yield_percent::text, source_id FROM holdings.treasury_yield "
                         "WHERE series = 'DGS10' AND as_of >= '2026-04-16' ORDER BY as_of")
        check('treasury_yield DGS10 from 2026-04-16', rows,
              [('2026-04-16', '4.32', 'fred-dgs10'), ('2026-04-17', '4.27', 'fred-dgs10'),
               ('2026-04-20', '4.30', 'fred-dgs10'), ('2026-04-21', '4.33', 'fred-dgs10')])
        # Older vintages never replace newer figures [vintages]
        check('older mfhhis01: position JP 2025-12 keeps Table 3\'s newer figure [vintages]',
              amount(conn, 'position', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'"),
              [(mn(1185515), 'tic-slt-table3')])
        check('older mfhhis01: the newer mfhhis01 release\'s vintage stays, the older one\'s beside it [vintages]',
              amount(conn, 'position_vintage', "holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31' "
                                               "AND source_id = 'tic-mfhhis01' ORDER BY release_id"),
              [(bn('1190.0'), 'tic-mfhhis01'), (bn('1185.5'), 'tic-mfhhis01')])
        check('older mfhhis01: Brazil 2025-06 keeps Table 3\'s figure (issue 19, item 1) [vintages]',
              amount(conn, 'position', "holder_id = 'BR' AND instrument = 'UST' AND as_of = '2025-06-30'"),
              [(mn(215438), 'tic-slt-table3')])
        check('older TWEXBGSMTH copy: 2025-12 keeps the newer figure [vintages]',
              sql(conn, "SELECT value::text, source_id FROM holdings.dollar_index WHERE series = 'TWEXBGSMTH' AND as_of = '2025-12-01'"),
              [('120.1883', 'fred-twexbgsmth')])
        check('older TWEXBGSMTH copy: the later months untouched',
              sql(conn, "SELECT as_of::text, value::text FROM holdings.dollar_index WHERE series = 'TWEXBGSMTH' AND as_of > '2025-12-01' "
                        "ORDER BY as_of"),
              [('2026-01-01', '119.2298'), ('2026-02-01', '117.9060')])
        check('older TWEXBGSMTH copy: its figure kept as a vintage [vintages]',
              sql(conn, "SELECT figure ->> 'value', release_id FROM holdings.figure_vintage WHERE table_name = 'dollar_index' "
                        "AND key = '[\"TWEXBGSMTH\", \"2025-12-01\"]' AND source_id = 'fred-twexbgsmth'") if
              one(conn, "SELECT pg_catalog.to_regclass('holdings.figure_vintage') IS NOT NULL")[0] else 'no figure_vintage',
              [('120.5000', 'fred-twexbgsmth/2026-01-05/%s' % sha12('TWEXBGSMTH.csv'))])
        conn.rollback()
        # The releases: one per loaded file, vintage as resolved, sha256 of the document
        names = {'tic-slt-table3': 'slt_table3.txt', 'tic-slt-table5': 'slt_table5.txt', 'tic-mfhhis01': 'mfhhis01.txt',
                 'fred-dgs10': 'DGS10.csv', 'fred-twexbgsmth': 'TWEXBGSMTH.csv'}
        site_sha = {}
        for dataset, name in names.items():
            with open(os.path.join(official, name), 'rb') as f:
                site_sha[dataset] = hashlib.sha256(f.read()).hexdigest()
        rows = sql(conn, "SELECT source_id, id, file_name, url, vintage::text, sha256, shipped FROM holdings.data_release "
                         "WHERE NOT shipped ORDER BY source_id")
        conn.rollback()
        vintages = {'tic-slt-table3': '2026-08-18', 'tic-slt-table5': '2026-08-18', 'tic-mfhhis01': '2026-02-18',
                    'fred-dgs10': '2026-04-22', 'fred-twexbgsmth': '2026-01-05'}
        check('data_release: the five new files, nothing else [vintages]',
              rows, sorted((d, '%s/%s/%s' % (d, vintages[d], site_sha[d][:12]), names[d], '%s/%s' % (mirror, names[d]),
                            vintages[d], site_sha[d], False) for d in vintages))
        applied = digest(conn)
        p = run('--status')
        status = [line.split() for line in p.stdout.strip().split('\n')]
        table3 = [dict(zip(status[0], line)) for line in status[1:] if line[:1] == ['tic-slt-table3']]
        today = datetime.date.fromisoformat(sql(conn, 'SELECT current_date::text')[0][0])
        conn.rollback()
        check('--status: exit 0, Table 3 fresh to 2026-05-31 from the release of 2026-08-18, June due 2026-08-18: '
              'overdue since [vintages]',
              (p.returncode, [{k: r.get(k) for k in ('latest_period', 'vintage', 'release_id', 'age_days', 'next_release_due',
                                                     'days_overdue', 'overdue')} for r in table3]),
              (0, [{'latest_period': '2026-05-31', 'vintage': '2026-08-18',
                    'release_id': 'tic-slt-table3/2026-08-18/%s' % sha12('slt_table3.txt'),
                    'age_days': str((today - datetime.date(2026, 8, 18)).days), 'next_release_due': '2026-08-18',
                    'days_overdue': str((today - datetime.date(2026, 8, 18)).days), 'overdue': 'yes'}]))

        # -- again: nothing to do, nothing changes
        p = run('--mirror', mirror, '--apply')
        check('apply again: exit 0', p.returncode, 0)
        check('apply again: nothing to do', p.stdout.strip().split('\n')[-1],
              'nothing to do: no figure changed (%d datasets)' % len(published()))
        check('apply again: every dataset unchanged', p.stdout.count('\n    unchanged: '),
              len(published()))
        p = run('--mirror', mirror)
        check('dry run again: exit 0', p.returncode, 0)
        check('again: nothing written', digest(conn), applied)

        # -- offline: download and save, then --from the saved files
        saved = os.path.join(work, 'saved')
        p = run('--mirror', mirror, '--download-only', '--save', saved, '--dataset', 'tic-slt-table3,fred-dgs10')
        check('download only: exit 0', p.returncode, 0)
        check('download only: the files saved with their vintage as date',
              sorted((n, datetime.datetime.fromtimestamp(os.path.getmtime(os.path.join(saved, n)),
                                                         datetime.timezone.utc).date().isoformat())
                     for n in os.listdir(saved)),
              [('DGS10.csv', '2026-04-22'), ('slt_table3.txt', '2026-08-18')])
        p = run('--from', saved, '--dataset', 'tic-slt-table3,fred-dgs10', '--apply')
        check('--from the saved files: exit 0, nothing to do', (p.returncode, p.stdout.strip().split('\n')[-1]),
              (0, 'nothing to do: no figure changed (2 datasets)'))
        check('--from: nothing written', digest(conn), applied)
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)
        conn.close()
    print('%d checks, %d failed, %.1f s' % (checks, len(failures), time.monotonic() - started))
    if failures:
        print('failed: ' + '; '.join(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
