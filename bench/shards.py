"""bench/run --shards: sharded grouped aggregates against the same on one server.

Run inside scripts/shards (bench/run --shards starts it): the coordinator holds
`positions` (3 postgres_fdw shards) and `positions_single` (the same rows). For
each query: the median server time (EXPLAIN ANALYZE, TIMING OFF) on the sharded
table and on the single-server one, their ratio, and the rows and text bytes the
coordinator fetched from the shards. Parallel query is off on every server.
"""
import json
import os
import platform
import statistics
import subprocess
import sys

SETTINGS = ('SET enable_partitionwise_aggregate = on; SET search_path = public, holdings; '
            "SET work_mem = '256MB';\n")

# (name, sharded query, single-server query). {t} is the table.
GROUPED = [
    ('sum(h) by holder', 'SELECT holder, sum(amount) FROM {t} GROUP BY holder', None),
    ('avg(h) by holder', 'SELECT holder, avg(amount) FROM {t} GROUP BY holder', None),
    ('net_foreign_selling(h, d) by holder',
     'SELECT holder, net_foreign_selling(amount, as_of) FROM {t} GROUP BY holder', None),
    ("net_foreign_selling(h, d, 'JPY') by holder, two-step",
     "SELECT holder, net_foreign_selling(levels_by_date(amount, as_of), 'JPY') FROM {t} GROUP BY holder",
     "SELECT holder, net_foreign_selling(amount, as_of, 'JPY') FROM {t} GROUP BY holder"),
    ("fx_decompose(h, d, 'JPY') by holder, two-step",
     "SELECT holder, fx_decompose(levels_by_date(amount, as_of), 'JPY') FROM {t} GROUP BY holder",
     "SELECT holder, fx_decompose(amount, as_of, 'JPY') FROM {t} GROUP BY holder"),
    ("net_foreign_selling(h, d, 'JPY') by holder, written directly (shipped, the shards' rates)",
     "SELECT holder, net_foreign_selling(amount, as_of, 'JPY') FROM {t} GROUP BY holder", None),
    ("fx_decompose(h, d, 'JPY') by holder, written directly (shipped, the shards' rates)",
     "SELECT holder, fx_decompose(amount, as_of, 'JPY') FROM {t} GROUP BY holder", None),
    ("total net_foreign_selling(h, d, 'JPY'), two-step, one state per holder",
     "SELECT net_foreign_selling(rollup(s), 'JPY') FROM "
     "(SELECT holder, levels_by_date(amount, as_of) AS s FROM {t} GROUP BY holder) per_holder",
     "SELECT net_foreign_selling(amount, as_of, 'JPY') FROM {t}"),
    ("total net_foreign_selling(h, d, 'JPY'), two-step, one state per shard",
     "SELECT net_foreign_selling(rollup(s), 'JPY') FROM (SELECT levels_by_date(amount, as_of) AS s "
     "FROM positions_shard1 UNION ALL SELECT levels_by_date(amount, as_of) FROM positions_shard2 "
     "UNION ALL SELECT levels_by_date(amount, as_of) FROM positions_shard3) per_shard",
     "SELECT net_foreign_selling(amount, as_of, 'JPY') FROM {t}"),
    ("total net_foreign_selling(h, d, 'JPY'), written directly (not shipped)",
     "SELECT net_foreign_selling(amount, as_of, 'JPY') FROM {t}", None),
    ('total sum(h), sum of per-holder sums',
     'SELECT sum(s) FROM (SELECT holder, sum(amount) AS s FROM {t} GROUP BY holder) per_holder',
     'SELECT sum(amount) FROM {t}'),
]


def psql(sql):
    ports = os.environ['HOLDINGS_SHARDS_PORTS'].split()
    sockets = os.environ['HOLDINGS_SHARDS_SOCKETS'].split()
    args = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-h', sockets[0], '-p', ports[0],
            '-U', 'postgres', '-d', os.environ['HOLDINGS_SHARDS_DB']]
    run = subprocess.run(args, input=SETTINGS + sql, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit('psql failed: %s\n%s' % (run.stderr, sql[:2000]))
    return run.stdout


def foreign_scans(plan):
    out = [plan] if plan['Node Type'] == 'Foreign Scan' else []
    for child in plan.get('Plans', []):
        out += foreign_scans(child)
    return out


def explain_many(queries):
    """EXPLAIN ANALYZE of each query, in one session: (time, plan) each."""
    mark = '@@@@'
    out = psql(''.join('EXPLAIN (ANALYZE, VERBOSE, TIMING OFF, FORMAT JSON) %s;\n\\echo %s\n' % (q, mark)
                       for q in queries))
    plans = [json.loads(part)[0] for part in out.split(mark + '\n')[:len(queries)]]
    return [(p['Execution Time'], p['Plan']) for p in plans]


def moved(plan):
    """Rows the coordinator fetched, and their text bytes (each Remote SQL run
    on the coordinator against that shard's foreign table)."""
    rows = nbytes = 0
    for scan in foreign_scans(plan):
        rows += scan['Actual Rows']
        shard = 'positions_shard' + (scan.get('Relations', '') + scan.get('Relation Name', '')).split(
            'positions_shard')[1][0]
        nbytes += int(psql('SELECT coalesce(sum(octet_length(r::text)), 0) FROM (%s) r;\n'
                           % scan['Remote SQL'].replace('public.positions', 'public.' + shard)))
    return rows, nbytes


def run(runs, markdown):
    rows = int(psql('SELECT count(*) FROM positions_single;\n'))
    holders = int(psql('SELECT count(DISTINCT holder) FROM positions_single;\n'))
    lines = ['| query | sharded | one server | ratio | rows fetched | bytes fetched |',
             '|---|---|---|---|---|---|']
    problems = 0
    for name, sharded, single in GROUPED:
        q_sharded = sharded.format(t='positions')
        q_single = (single or sharded).format(t='positions_single')
        answer = psql(q_sharded + ' ORDER BY 1;\n' if 'GROUP BY holder' in q_sharded[-20:] else q_sharded + ';\n')
        expected = psql(q_single + ' ORDER BY 1;\n' if 'GROUP BY holder' in q_single[-20:] else q_single + ';\n')
        if answer != expected:
            problems += 1
            print('MISMATCH', name, file=sys.stderr)
        # One session for the warm-up and the runs: its connections to the shards
        # and the rate caches stay warm, as in an analyst's session.
        plans = explain_many([q_sharded, q_single] * (runs + 1))[2:]
        t_sharded = [ms for ms, _ in plans[0::2]]
        t_single = [ms for ms, _ in plans[1::2]]
        plan = plans[0][1]
        fetched, nbytes = moved(plan)
        a, b = statistics.median(t_sharded), statistics.median(t_single)
        line = '| %s | %.0f ms | %.0f ms | %.2f | %d | %s |' % (name, a, b, a / b, fetched, '{:,}'.format(nbytes))
        print(line, flush=True)
        lines.append(line)
    machine = ('%s, %d cores, PostgreSQL %s; a coordinator and 3 shards on loopback (postgres_fdw), '
               '%d rows, %d holders; median of %d runs after a warm-up, parallel query off' % (
                   platform.platform(), os.cpu_count(), psql('SHOW server_version;\n').strip(), rows, holders,
                   runs))
    text = machine + '\n\n' + '\n'.join(lines) + '\n'
    print()
    print(text)
    if markdown:
        with open(markdown, 'w') as f:
            f.write(text)
    print('sharded bench: %d queries, %d answers differ from one server' % (len(GROUPED), problems))
    return 1 if problems else 0
