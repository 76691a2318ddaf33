#!/usr/bin/env python3
"""Builds the demo report: each claim of the article, the SQL file that checks
it, the answer from the shipped data and the verdict the query computes; then
the chart data, the charts (gnuplot) and report/report.md.

  tools/demo_report.py DATABASE OUTPUT_DIR
"""
import csv
import io
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, 'demo')


def query(db, path):
    """Runs a SQL file; returns (column names, rows)."""
    out = subprocess.run(['psql', '-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', '-d', db, '-f', path],
                         check=True, capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[0], rows[1:]


def table(columns, rows, skip=()):
    keep = [i for i, c in enumerate(columns) if c not in skip]
    cells = [[columns[i] for i in keep]] + [[r[i] for i in keep] for r in rows]
    widths = [max(len(row[k]) for row in cells) for k in range(len(keep))]
    lines = [' | '.join(c.ljust(w) for c, w in zip(cells[0], widths)),
             '-+-'.join('-' * w for w in widths)]
    lines += [' | '.join(c.ljust(w) for c, w in zip(row, widths)) for row in cells[1:]]
    return '\n'.join(lines)


def claim_of(path):
    text = open(path, encoding='utf-8').read()
    m = re.search(r'^-- Claim: (.*?)\n(?=-- Checks:)', text, re.S | re.M)
    claim = ' '.join(line.lstrip('- ').strip() for line in m.group(1).splitlines())
    checks = re.search(r'^-- Checks: (.*)$', text, re.M).group(1)
    return claim, checks


def main():
    db, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    report = ['# Did Japan sell its Treasuries? A news story checked against the data', '',
              'Each claim of a widely shared article on Japan selling US Treasuries, the SQL file',
              'that checks it (in `demo/`, runnable in psql), the answer from the data shipped with',
              '`holdings` (US Treasury TIC figures, bank disclosures, Federal Reserve rates and',
              'dollar index), and a verdict computed by the query from those numbers.', '']
    claims = sorted(f for f in os.listdir(DEMO) if re.match(r'\d\d_.*\.sql$', f))
    for n, name in enumerate(claims, 1):
        path = os.path.join(DEMO, name)
        claim, checks = claim_of(path)
        columns, rows = query(db, path)
        verdicts = [r[columns.index('verdict')] for r in rows if r[columns.index('verdict')]]
        sql = '\n'.join(line for line in open(path, encoding='utf-8').read().splitlines()
                        if not line.startswith('--')).strip()
        report += ['## %d. %s' % (n, claim), '',
                   '*Checked by* `demo/%s`: %s' % (name, checks), '',
                   '```sql', sql, '```', '',
                   '```', table(columns, rows, skip=('verdict',)), '```', '',
                   '**Verdict: %s.**' % verdicts[0], '']

    # Did Japan sell? Transactions vs prices vs the yen (flow_decompose), and the custody view.
    def sql_of(name):
        return '\n'.join(line for line in open(os.path.join(DEMO, name), encoding='utf-8').read().splitlines()
                         if not line.startswith('--')).strip()
    columns, rows = query(db, os.path.join(DEMO, 'did_japan_sell.sql'))
    report += ['## Did Japan sell? Transactions vs prices vs the yen', '',
               'The article reads falling holdings as selling. TIC holdings are at market value, so a fall',
               'mixes what Japan sold, what bond prices did and, counted in yen, what the yen did.',
               '`flow_decompose(level, as_of, net_purchases, report_ccy, reported_valuation)` splits the change',
               'exactly: *net purchases* are TIC transactions (Form S to January 2023, Table 3 from February',
               '2023; for bills the change in bill holdings, as TIC itself does), *valuation* is the rest of the',
               'change in dollars (prices, revisions, the two reporting systems\' differences; *of which',
               'reported* is the valuation change Table 3 prints from February 2023), and *FX* is what the',
               'exchange rate did to the yen value. Rounded to two decimals, the parts add up to the change.',
               '*Price estimate* is what bond prices did, estimated without Japan\'s own residual',
               '(`did_they_sell`: the market\'s return on foreign-held long-term Treasuries, TIC\'s own from',
               'February 2023 and a duration model on the 10-year yield before, times Japan\'s long-term',
               'holdings), shown beside what TIC reports: where valuation and the estimate part ways by more',
               'than 5% of the holdings, the rest is attribution (custody), not prices.', '',
               '*Checked by* `demo/did_japan_sell.sql`:', '',
               '```sql', sql_of('did_japan_sell.sql'), '```', '',
               '```', table(columns, rows, skip=('verdict',)), '```', '']
    for r in rows:
        if r[columns.index('verdict')]:
            report += ['**Verdict: %s.**' % r[columns.index('verdict')], '']
    columns, rows = query(db, os.path.join(DEMO, 'custody_weekly.sql'))
    report += ['### A second view: weekly custody at the New York Fed', '',
               'The Fed\'s H.4.1 release counts, every Wednesday, the Treasury securities it holds in custody',
               'for foreign official and international accounts (FRED `WMTSECL1`): the near-real-time signal',
               'behind many "foreign central banks are selling" headlines (`demo/custody_weekly.sql`).', '',
               '```', table(columns, rows), '```', '',
               'Caveats: it covers all foreign official accounts together (not Japan alone, and no private',
               'holders); it counts only what they keep at the New York Fed, so moving securities to another',
               'custodian (Euroclear, a private bank) looks like a sale (the largest weekly fall on record, in',
               'March 2014, was widely read as securities moved out of the Fed, not sold); it is at face value,',
               'so price moves do not show, while they do in TIC\'s market-value holdings (2022: bond prices',
               'fell); and it is weekly and quick, while TIC is monthly, six weeks late and revised. When the two disagree by more than prices explain, read custody as a',
               'prompt to check TIC, not as transactions.', '']

    # Chart 3: Japan's monthly change in yen split into flows, valuation and FX.
    columns, months = query(db, os.path.join(DEMO, 'chart_japan_monthly.sql'))
    with open(os.path.join(out_dir, 'japan_monthly_flows.csv'), 'w') as f:
        f.write(','.join(columns) + '\n' + '\n'.join(','.join(r) for r in months) + '\n')

    # Chart 1: holdings of Japan, China and the UK, with the series breaks.
    columns, rows = query(db, os.path.join(DEMO, 'chart_holdings.sql'))
    with open(os.path.join(out_dir, 'holdings.csv'), 'w') as f:
        f.write(','.join(columns) + '\n' + '\n'.join(','.join(r) for r in rows) + '\n')
    _, breaks = query(db, os.path.join(DEMO, 'chart_series_breaks.sql'))
    # Chart 2: Japan's net selling by year.
    columns, years = query(db, os.path.join(DEMO, 'japan_by_year.sql'))
    with open(os.path.join(out_dir, 'japan_by_year.csv'), 'w') as f:
        f.write(','.join(columns) + '\n' + '\n'.join(','.join(r) for r in years) + '\n')

    arrows = '\n'.join('set arrow from "%s", graph 0 to "%s", graph 1 nohead dt 2 lc rgb "#999999"' % (b[0], b[0])
                       for b in breaks)
    with open(os.path.join(DEMO, 'charts.gp')) as f:
        script = f.read().replace('@BREAKS@', arrows).replace('@OUT@', out_dir)
    subprocess.run(['gnuplot'], input=script, text=True, check=True)

    report += ['## Chart: who holds Treasuries', '',
               '![Holdings of Japan, China and the United Kingdom](holdings.png)', '',
               'Monthly holdings in billions of USD (`demo/chart_holdings.sql`). Dashed lines: TIC series',
               'breaks (March 2000, June 2002 .. 2011), where part of a jump is a new survey benchmark,',
               'not trading (`demo/chart_series_breaks.sql`). The United Kingdom line includes the',
               'Channel Islands and the Isle of Man until February 2016.', '',
               "## Japan's net selling by year, in dollars and in yen", '',
               '![Japan net selling by year](japan_by_year.png)', '',
               'From `demo/japan_by_year.sql`: positive = net selling. *FX-adjusted*: each month\'s',
               'change valued at that month\'s yen rate (`net_foreign_selling(h, d, \'JPY\')`).',
               '*Unadjusted*: the fall in the yen value of the holdings, start and end each at its',
               'own rate; the difference between the two is the currency move.', '',
               '```', table(columns, years), '```', '',
               "## Japan's monthly change in yen: transactions, prices, the yen", '',
               '![Japan monthly change split into net purchases, valuation and FX](japan_monthly_flows.png)', '',
               "From `demo/chart_japan_monthly.sql`: each month's change in the yen value of Japan's Treasury",
               "holdings, 2020-01 .. 2026-04, split by `flow_decompose(...) OVER (ORDER BY as_of ROWS 1 PRECEDING)`",
               'into net purchases (TIC transactions), valuation (prices, revisions) and the FX effect, in',
               'trillions of yen; the line is the total change. Positive parts stack upwards, negative parts',
               "downwards. In 2022 the yen's fall (orange) offset most of what sales and prices took. January",
               "2020's change starts from the older TIC table's December 2019 level; the long-term flows switch",
               'from Form S to Table 3 in February 2023.', '']
    text = '\n'.join(report)
    with open(os.path.join(out_dir, 'report.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
