#!/usr/bin/python3
"""Nothing a user writes is ever lost: the dump/restore matrix and the upgrade test.

  test/lineage/lineage_check.py dump      every extension table x {insert, update of a shipped
                                          row, delete of a shipped row, loader revision}, plus
                                          a swap of two countries' alpha3 through a temporary
                                          value, a holder revised after its position, and an
                                          update under session_replication_role = replica, x
                                          dumps restored into fresh databases: custom (pg_restore,
                                          pg_restore -j 2, schema-only then data-only: plain, with
                                          --disable-triggers, in a replica session), directory
                                          (-j 2), plain (psql -1), plain --inserts (psql, one
                                          transaction per row, and psql -1); every row compared
                                          with the source
  test/lineage/lineage_check.py upgrade [VERSION]
                                          VERSION (0.1.0 unless given) + user changes + ALTER EXTENSION UPDATE against a
                                          fresh install + the same changes: schema (pg_dump
                                          --binary-upgrade of the extension's objects, normalized),
                                          every table's rows, pg_dump configuration: identical;
                                          from 0.1.0 also against the two released steps one after
                                          the other (UPDATE TO '0.2.0', then UPDATE) from the same
                                          database and user rows: every table's rows identical

Runs against the cluster of scripts/cluster.sh (PGHOST, PGPORT, PGUSER in the environment);
scripts/test-dump runs both. Prints one line per check and a closing 'N passed, N failed'
line; exits 1 on any failure.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import psycopg

# Tables that hold no data of their own (no lineage): the journal itself, the
# replay's queue (empty but during a restore), the rate cache's version row,
# the loads' lock row, and the journal rows the 0.2.0 upgrade set aside (written
# by that upgrade alone; test/security/sql/upgrade_journal.sql tests it).
# (loader and loader_step are the extension's code as rows: only its scripts
# write them, like function bodies, and no dump carries them.)
INTERNAL_TABLES = {'user_edit', 'lineage_replay_queue', 'fx_rate_version', 'load_lock', 'user_edit_quarantine',
                   'loader', 'loader_step'}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PREVIOUS = sys.argv[2] if len(sys.argv) > 2 else '0.1.0'
# Tables whose rows point to a data release (release_id, new in 0.3.0).
# The upgrade test compares user rows without their release_id (see rows()).
USER_ROWS_WITHOUT_RELEASE = {'on': False}
FIGURE_TABLES = {'position', 'position_comparison', 'position_vintage', 'transaction', 'custody_holding',
                 'treasury_yield', 'fx_rate', 'dollar_index'}
results = {'passed': 0, 'failed': 0}


def check(ok, what, detail=''):
    results['passed' if ok else 'failed'] += 1
    print(('ok     ' if ok else 'FAILED ') + what + ('' if ok or not detail else '\n' + detail))


def connect(db):
    return psycopg.connect(dbname=db, autocommit=True)


def run(*args, **kw):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kw)


def fresh_db(name):
    with connect('postgres') as c:
        c.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
        c.execute('CREATE DATABASE "%s"' % name)


def drop_db(name):
    with connect('postgres') as c:
        c.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)


def tables(conn):
    return [r[0] for r in conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'holdings'::regnamespace AND relkind = 'r' "
        "ORDER BY relname")]


def key_columns(conn, table):
    return [r[0] for r in conn.execute(
        "SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(n, o) "
        "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n "
        "WHERE i.indrelid = %s::regclass AND i.indisprimary ORDER BY k.o", ('holdings.' + table,))]


def old_columns(conn, table):
    return {r[0] for r in conn.execute(
        "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
        ('holdings.' + table,))}


def rows(conn, table):
    """Every row of a table as sorted jsonb text (user_edit: without its timestamps)."""
    if table == 'user_edit' and USER_ROWS_WITHOUT_RELEASE['on']:
        # (and a data release's load time and counts: when, and what the loads wrote here)
        q = ('SELECT (to_jsonb(e) - \'edited_at\' || pg_catalog.jsonb_build_object(\'row_data\', e.row_data - '
             '\'{release_id,loaded_at,rows_inserted,rows_updated,rows_kept}\'::text[]))::text '
             'FROM holdings.user_edit e')
    elif table == 'user_edit':
        q = 'SELECT (to_jsonb(e) - \'edited_at\')::text FROM holdings.user_edit e'
    elif table in FIGURE_TABLES and USER_ROWS_WITHOUT_RELEASE['on']:
        # A row the user wrote has the release of the shipped row it revised when written on
        # 0.3.0, none when written before (0.3.0 added the column): not the user's data.
        q = ('SELECT (CASE WHEN t.shipped THEN to_jsonb(t) ELSE to_jsonb(t) - \'release_id\' END)::text '
             'FROM holdings.%s t' % table)
    elif table == 'data_release':  # when, and what the loads wrote in this database
        q = ('SELECT (to_jsonb(e) - \'{loaded_at,rows_inserted,rows_updated,rows_kept}\'::text[])::text '
             'FROM holdings.data_release e')
    else:
        q = 'SELECT to_jsonb(t)::text FROM holdings.%s t' % table
    return sorted(r[0] for r in conn.execute(q))


def snapshot(db, user_objects=True):
    with connect(db) as c:
        snap = {t: rows(c, t) for t in tables(c)}
        if user_objects:
            snap['public.book'] = sorted(r[0] for r in c.execute('SELECT to_jsonb(b)::text FROM public.book b'))
            snap['public.book_summary'] = sorted(r[0] for r in c.execute(
                'SELECT to_jsonb(s)::text FROM public.book_summary s'))
            snap['index book_amount_idx'] = [r[0] for r in c.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'book_amount_idx'")]
        return snap


def compare(before, after, label):
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name), after.get(name)
        if a == b:
            check(True, '%s: %s (%d rows) identical' % (label, name, len(a)))
        else:
            diff = '\n'.join(list(difflib.unified_diff(a or [], b or [], 'before', 'after', lineterm='', n=0))[:12])
            check(False, '%s: %s differs' % (label, name), diff)


# ---- the user's changes, in every table -------------------------------------------------

USER_OBJECTS = """
SET search_path = public, holdings;
CREATE TABLE public.book (id serial PRIMARY KEY, holder text, as_of date, amount holdings.holding NOT NULL);
CREATE INDEX book_amount_idx ON public.book (amount);
INSERT INTO public.book (holder, as_of, amount) VALUES
    ('fund-a', '2024-12-31', '100.25 USD'), ('fund-a', '2025-12-31', '90 USD'),
    ('fund-b', '2024-12-31', '15000 JPY'), ('fund-b', '2025-12-31', '16000.5 JPY');
CREATE VIEW public.book_summary AS
    SELECT holder, holdings.sum(amount) AS total, holdings.net_foreign_selling(amount, as_of) AS sold
      FROM public.book GROUP BY holder;
"""

# (table, operation) -> SQL. Inserts build the docs' Atlantis example (country XA, then
# holder XA); updates and deletes touch shipped rows; the loader revises a shipped figure.
CHANGES = [
    ('source', 'insert', "INSERT INTO holdings.source (id, publisher, title, url) VALUES "
                         "('atlantis-report', 'Atlantis Treasury', 'Annual report', 'https://example.org/atlantis')"),
    ('currency', 'insert', "INSERT INTO holdings.currency (code, numeric_code, name, minor_units, source_id) "
                           "VALUES ('XAT', '999', 'Atlantis crown', 2, 'atlantis-report')"),
    ('country', 'insert', "INSERT INTO holdings.country (alpha2, alpha3, numeric_code, name, source_id) "
                          "VALUES ('XA', 'XAT', '999', 'Atlantis', 'atlantis-report')"),
    ('holder', 'insert', "INSERT INTO holdings.holder (id, name, kind, country, source_id) "
                         "VALUES ('XA', 'Atlantis', 'country', 'XA', 'atlantis-report')"),
    ('tic_label', 'insert', "INSERT INTO holdings.tic_label (label, holder_id) VALUES ('Atlantis', 'XA')"),
    ('position', 'insert', "INSERT INTO holdings.position (holder_id, instrument, as_of, amount, basis, source_id) "
                           "VALUES ('XA', 'UST', '2025-12-31', '12.5 bn USD', 'market', 'atlantis-report')"),
    ('position_comparison', 'insert',
     "INSERT INTO holdings.position_comparison (holder_id, instrument, as_of, amount, source_id) "
     "VALUES ('XA', 'UST', '2025-12-31', '12.4 bn USD', 'atlantis-report')"),
    ('disclosure', 'insert', "INSERT INTO holdings.disclosure (id, holder_id, as_of, kind, instrument, amount, source_id, quote) "
                             "VALUES ('atlantis-1', 'XA', '2025-12-31', 'sale', 'UST', '1 bn USD', 'atlantis-report', 'we sold $1bn')"),
    ('rate_set', 'insert', "INSERT INTO holdings.rate_set (name, frequency, description, source_id) "
                           "VALUES ('atlantis-set', 'other', 'Atlantis desk rates', 'atlantis-report')"),
    ('fx_rate', 'insert', "INSERT INTO holdings.fx_rate (rate_set, currency, as_of, per_usd, source_id) "
                          "VALUES ('atlantis-set', 'JPY', '2024-06-30', 151.25, 'atlantis-report')"),
    ('dollar_index', 'insert', "INSERT INTO holdings.dollar_index (series, as_of, value, source_id) "
                               "VALUES ('ATLANTIS', '2025-01-01', 101.5, 'atlantis-report')"),
    ('country_currency', 'insert', "INSERT INTO holdings.country_currency (country, currency, source_id) "
                                   "VALUES ('XA', 'XAT', 'atlantis-report')"),
    ('euro_adoption', 'insert', "INSERT INTO holdings.euro_adoption (country, adopted, legacy_currency, source_id) "
                                "VALUES ('XA', '2030-01-01', 'XAT', 'atlantis-report')"),
    ('transaction', 'insert', "INSERT INTO holdings.transaction (holder_id, instrument, as_of, net_purchases, series, source_id) "
                              "VALUES ('XA', 'UST-BILLS', '2025-12-31', '0.5 bn USD', 'tic-bills-change', 'atlantis-report')"),
    ('position_vintage', 'insert', "INSERT INTO holdings.position_vintage (holder_id, instrument, as_of, source_id, amount) "
                                   "VALUES ('XA', 'UST', '2025-12-31', 'atlantis-report', '12.6 bn USD')"),
    ('custody_holding', 'insert', "INSERT INTO holdings.custody_holding (series, as_of, amount, basis, source_id) "
                                  "VALUES ('ATLANTIS', '2026-07-01', '1 bn USD', 'face', 'atlantis-report')"),
    ('treasury_yield', 'insert', "INSERT INTO holdings.treasury_yield (series, as_of, maturity_months, yield_percent, source_id) "
                                 "VALUES ('DGS10', '2026-04-20', 120, 4.31, 'atlantis-report')"),
    ('fx_label', 'insert', "INSERT INTO holdings.fx_label (label, currency) VALUES ('Atlantis', 'XAT')"),
    ('data_release', 'insert', "INSERT INTO holdings.data_release (id, source_id, vintage, sha256, loaded_at) "
                               "VALUES ('atlantis-report/2025-12-31/000000000000', 'atlantis-report', '2025-12-31', "
                               "repeat('0', 64), '2026-01-01 00:00+00')"),
    ('figure_vintage', 'insert', "INSERT INTO holdings.figure_vintage (table_name, key, source_id, figure, release_id) "
                                 "VALUES ('treasury_yield', '[\"DGS10\", \"2026-04-17\"]', 'atlantis-report', '{\"yield_percent\": 4.0}', "
                                 "'atlantis-report/2025-12-31/000000000000')"),

    ('source', 'update', "UPDATE holdings.source SET notes = 'checked by hand' WHERE id = 'iso-4217'"),
    ('currency', 'update', "UPDATE holdings.currency SET name = 'Japanese yen' WHERE code = 'JPY'"),
    ('country', 'update', "UPDATE holdings.country SET name = 'Nippon' WHERE alpha2 = 'JP'"),
    ('holder', 'update', "UPDATE holdings.holder SET name = 'Japan (TIC)' WHERE id = 'JP'"),
    ('tic_label', 'update', "UPDATE holdings.tic_label SET instrument = 'UST' WHERE label = 'Japan'"),
    # Every column but the key: the shipped row under it differs between releases (Table 3
    # replaced mfhhis01 from 2020), and the user's revision must come out the same.
    ('position', 'update', "UPDATE holdings.position SET amount = '1100 bn USD', basis = 'market', source_id = 'atlantis-report' "
                           "WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2022-12-31'"),
    ('position_comparison', 'update',
     "UPDATE holdings.position_comparison SET amount = amount OPERATOR(holdings.+) '0.1 bn USD'::holdings.holding "
     "WHERE (holder_id, instrument, as_of) = (SELECT holder_id, instrument, as_of FROM holdings.position_comparison "
     "ORDER BY as_of, holder_id, instrument LIMIT 1)"),
    ('disclosure', 'update', "UPDATE holdings.disclosure SET caveat = 'read again' WHERE id = 'bank-positions-01'"),
    ('rate_set', 'update', "UPDATE holdings.rate_set SET description = description || ' (checked)' WHERE name = 'fed-monthly'"),
    ('fx_rate', 'update', "UPDATE holdings.fx_rate SET per_usd = 100 "
                          "WHERE rate_set = 'fed-monthly' AND currency = 'JPY' AND as_of = '2024-06-30'"),
    ('dollar_index', 'update', "UPDATE holdings.dollar_index SET value = 99.5 "
                               "WHERE series = 'TWEXBGSMTH' AND as_of = '2024-01-01'"),
    ('country_currency', 'update', "UPDATE holdings.country_currency SET other_currencies = '{USD}' WHERE country = 'JP'"),
    ('euro_adoption', 'update', "UPDATE holdings.euro_adoption SET adopted = '2002-01-01' WHERE country = 'GR'"),
    ('data_release', 'update', "UPDATE holdings.data_release SET url = 'https://mirror.example.org/slt_table3.txt' "
                               "WHERE source_id = 'tic-slt-table3'"),

    ('position', 'delete', "DELETE FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2000-03-31'"),
    ('country_currency', 'delete', "DELETE FROM holdings.country_currency WHERE country = 'SV'"),
    ('euro_adoption', 'delete', "DELETE FROM holdings.euro_adoption WHERE country = 'BG'"),
    ('position_comparison', 'delete',
     "DELETE FROM holdings.position_comparison WHERE (holder_id, instrument, as_of) = (SELECT holder_id, instrument, as_of "
     "FROM holdings.position_comparison ORDER BY as_of DESC, holder_id, instrument LIMIT 1)"),
    ('disclosure', 'delete', "DELETE FROM holdings.disclosure WHERE holder_id = 'japan-post-bank'"),
    ('rate_set', 'delete', "DELETE FROM holdings.rate_set WHERE name = 'ecb-daily'"),
    ('fx_rate', 'delete', "DELETE FROM holdings.fx_rate WHERE rate_set = 'ecb-daily' AND currency = 'JPY' AND as_of = '2025-05-09'"),
    ('dollar_index', 'delete', "DELETE FROM holdings.dollar_index WHERE series = 'DTWEXBGS' "
                               "AND as_of = (SELECT max(as_of) FROM holdings.dollar_index WHERE series = 'DTWEXBGS')"),
    ('tic_label', 'delete', "DELETE FROM holdings.tic_label WHERE label = 'Brazil'"),
    ('holder', 'delete', "DELETE FROM holdings.position WHERE holder_id = 'japan-post-bank'; "
                         "DELETE FROM holdings.holder WHERE id = 'japan-post-bank'"),
    ('country', 'delete', "DELETE FROM holdings.country WHERE alpha2 = 'AQ'"),
    ('currency', 'delete', "DELETE FROM holdings.currency c WHERE code = 'XBA'"),
    ('source', 'delete', "DELETE FROM holdings.source s WHERE id = (SELECT id FROM holdings.source s WHERE s.id <> 'atlantis-report' "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.position p WHERE p.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.disclosure d WHERE d.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.holder h WHERE h.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.fx_rate f WHERE f.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.currency f WHERE f.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.country f WHERE f.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.dollar_index f WHERE f.source_id = s.id) "
                         "AND NOT EXISTS (SELECT 1 FROM holdings.position_comparison f WHERE f.source_id = s.id) "
                         # referenced by euro_adoption only, a table 0.1.0 lacks (the upgrade test
                         # applies these changes to 0.1.0); country_currency's source is iso-3166
                         "AND s.id <> 'ecb-euro-area' "
                         "ORDER BY id LIMIT 1)"),

    # Issue 18: a swap of unique values through a temporary value leaves two journal rows
    # that only hold together (0.2.0's restores failed on country_alpha3_key).
    ('country', 'swap', "UPDATE holdings.country SET alpha3 = 'ZZZ' WHERE alpha2 = 'FR'; "
                        "UPDATE holdings.country SET alpha3 = 'FRA' WHERE alpha2 = 'DE'; "
                        "UPDATE holdings.country SET alpha3 = 'DEU' WHERE alpha2 = 'FR'"),
    # A holder the user wrote, then revised after writing a position of theirs that refers
    # to it: the journal's row of the holder comes after the position's (0.2.0 lost the
    # position in a pg_dump --inserts restore).
    ('holder', 'insert then revise', "INSERT INTO holdings.holder (id, name, kind, country, source_id) "
                                     "VALUES ('XB', 'Atlantis B', 'country', 'XA', 'atlantis-report'); "
                                     "INSERT INTO holdings.position (holder_id, instrument, as_of, amount, basis, source_id) "
                                     "VALUES ('XB', 'UST', '2025-12-31', '1.5 bn USD', 'market', 'atlantis-report'); "
                                     "UPDATE holdings.holder SET name = 'Atlantis Bank' WHERE id = 'XB'"),
    # A superuser's write in a replica session (as a logical-replication subscriber applies
    # rows): 0.2.0's triggers did not fire, the write was not journalled.
    ('dollar_index', 'replica update', "SET session_replication_role = replica; "
                                       "UPDATE holdings.dollar_index SET value = 98.25 "
                                       "WHERE series = 'TWEXBGSMTH' AND as_of = '2024-02-01'; "
                                       "RESET session_replication_role"),

    ('position', 'loader revision', "SELECT count(*) FROM holdings.load_tic_mfh("
                                    "E'\\tNov\\nCountry\\t2025\\n\\t------\\nJapan\\t1190\\n"
                                    "Department of the Treasury/Federal Reserve Board\\n', 'atlantis-report')"),
]

# Which row each change leaves behind (or removes), to check it by name after a restore.
PROBES = {
    'country_currency': "SELECT count(*) FILTER (WHERE country = 'XA' AND NOT shipped) || '/' || count(*) FILTER "
                        "(WHERE country = 'JP' AND other_currencies = '{USD}' AND NOT shipped) || '/' || "
                        "count(*) FILTER (WHERE country = 'SV') FROM holdings.country_currency",
    'euro_adoption': "SELECT count(*) FILTER (WHERE country = 'XA' AND NOT shipped) || '/' || count(*) FILTER "
                     "(WHERE country = 'GR' AND adopted = '2002-01-01' AND NOT shipped) || '/' || "
                     "count(*) FILTER (WHERE country = 'BG') FROM holdings.euro_adoption",
    'source': "SELECT count(*) FILTER (WHERE id = 'atlantis-report' AND NOT shipped) || '/' || "
              "count(*) FILTER (WHERE id = 'iso-4217' AND notes = 'checked by hand' AND NOT shipped) FROM holdings.source",
    'currency': "SELECT count(*) FILTER (WHERE code = 'XAT') || '/' || count(*) FILTER (WHERE code = 'JPY' AND name = 'Japanese yen' AND NOT shipped) "
                "|| '/' || count(*) FILTER (WHERE code = 'XBA') FROM holdings.currency",
    'country': "SELECT count(*) FILTER (WHERE alpha2 = 'XA') || '/' || count(*) FILTER (WHERE alpha2 = 'JP' AND name = 'Nippon') "
               "|| '/' || count(*) FILTER (WHERE alpha2 = 'AQ') || '/' || string_agg(alpha2 || '=' || alpha3 || ' ' || shipped, ' ' "
               "ORDER BY alpha2) FILTER (WHERE alpha2 IN ('DE', 'FR')) FROM holdings.country",
    'dollar_index': "SELECT value || ' ' || shipped FROM holdings.dollar_index WHERE series = 'TWEXBGSMTH' AND as_of = '2024-02-01'",
    'holder': "SELECT count(*) FILTER (WHERE id = 'XA') || '/' || count(*) FILTER (WHERE id = 'JP' AND name = 'Japan (TIC)') "
              "|| '/' || count(*) FILTER (WHERE id = 'japan-post-bank') FROM holdings.holder",
    'position': "SELECT string_agg(holder_id || ' ' || as_of || ' ' || amount::text || ' ' || shipped, ', ' ORDER BY holder_id, as_of) "
                "FROM holdings.position WHERE (holder_id IN ('XA', 'XB')) OR (holder_id = 'JP' AND instrument = 'UST' "
                "AND as_of IN ('2000-03-31', '2022-12-31', '2025-11-30'))",
}


def probe(conn, query):
    try:
        return conn.execute(query).fetchone()[0]
    except psycopg.Error as e:
        return 'error: %s' % str(e).splitlines()[0]


def apply_changes(db, only=None, user_objects=True):
    """Applies the changes (those of tables in `only`, if given) and returns the
    ones it skipped because their table does not exist (yet) in db."""
    skipped = []
    with connect(db) as c:
        if user_objects:
            c.execute(USER_OBJECTS)
        for change in CHANGES:
            table, op, sql = change
            if only is not None and change not in only:
                continue
            if c.execute('SELECT to_regclass(%s)', ('holdings.' + table,)).fetchone()[0] is None:
                skipped.append(change)
                continue
            cur = c.execute(sql)
            if op in ('update', 'delete') and cur.rowcount == 0 and ';' not in sql:
                check(False, 'change %s %s touched no row' % (op, table))
    return skipped


# ---- the dump/restore matrix ------------------------------------------------------------------

def dump_matrix():
    src = 'lineage_src'
    fresh_db(src)
    with connect(src) as c:
        c.execute('CREATE EXTENSION holdings')
    with connect(src) as c:
        try:
            c.execute('TRUNCATE holdings.fx_rate')
            check(False, 'TRUNCATE of an extension table is refused (0A000)', 'it truncated')
        except psycopg.errors.FeatureNotSupported:
            check(True, 'TRUNCATE of an extension table is refused (0A000)')
    apply_changes(src)
    before = snapshot(src)
    with connect(src) as c:
        covered = {t for t, _, _ in CHANGES}
        missing = set(tables(c)) - covered - INTERNAL_TABLES
        check(not missing, 'every extension table has changes in the matrix', 'not covered: %s' % sorted(missing))
        probes_before = {t: probe(c, q) for t, q in PROBES.items()}
    tmp = tempfile.mkdtemp(prefix='holdings-dump-')
    custom, plain, inserts = tmp + '/custom.dump', tmp + '/plain.sql', tmp + '/inserts.sql'
    psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', '{db}']
    replica = dict(os.environ, PGOPTIONS='-c session_replication_role=replica')
    # (label, dump command, [(label, [(restore command, environment), ...]), ...]): each
    # restore runs its commands in order into a fresh database, and must leave every row of
    # the source, or fail (a non-zero exit is a failed check).
    restores = [
        ('custom', ['pg_dump', '-Fc', '-d', src, '-f', custom], [
            ('pg_restore', [(['pg_restore', '--exit-on-error', '-d', '{db}', custom], None)]),
            ('pg_restore -j 2', [(['pg_restore', '--exit-on-error', '-j', '2', '-d', '{db}', custom], None)]),
            # The data in a replica session (CREATE EXTENSION is not run as one: the rate
            # cache's replica row trigger would rewrite fx_rate_version once per shipped rate).
            ('pg_restore --schema-only, then --data-only in a replica session',
             [(['pg_restore', '--exit-on-error', '--schema-only', '-d', '{db}', custom], None),
              (['pg_restore', '--exit-on-error', '--data-only', '-d', '{db}', custom], replica)]),
            ('pg_restore --schema-only, then --data-only',
             [(['pg_restore', '--exit-on-error', '--schema-only', '-d', '{db}', custom], None),
              (['pg_restore', '--exit-on-error', '--data-only', '-d', '{db}', custom], None)]),
            ('pg_restore --schema-only, then --data-only --disable-triggers',
             [(['pg_restore', '--exit-on-error', '--schema-only', '-d', '{db}', custom], None),
              (['pg_restore', '--exit-on-error', '--data-only', '--disable-triggers', '-d', '{db}', custom], None)]),
        ]),
        ('directory', ['pg_dump', '-Fd', '-d', src, '-f', tmp + '/dir'], [
            ('pg_restore -j 2', [(['pg_restore', '--exit-on-error', '-j', '2', '-d', '{db}', tmp + '/dir'], None)]),
        ]),
        ('plain', ['pg_dump', '-Fp', '-d', src, '-f', plain], [
            ('psql -1', [(psql + ['-1', '-f', plain], None)]),
        ]),
        # One INSERT per row: without -1, each its own transaction.
        ('plain --inserts', ['pg_dump', '-Fp', '--inserts', '-d', src, '-f', inserts], [
            ('psql', [(psql + ['-f', inserts], None)]),
            ('psql -1', [(psql + ['-1', '-f', inserts], None)]),
        ]),
    ]
    cases = 0
    nrestores = 0
    for fmt, dump_cmd, restore_list in restores:
        run(*dump_cmd)
        for how, steps in restore_list:
            # LINEAGE_RESTORES=text runs only the restores whose label contains it (by hand).
            if os.environ.get('LINEAGE_RESTORES', '') not in '%s/%s' % (fmt, how):
                continue
            dst = 'lineage_dst'
            fresh_db(dst)
            nrestores += 1
            try:
                for cmd, env in steps:
                    subprocess.run([a.replace('{db}', dst) for a in cmd], check=True, capture_output=True,
                                   text=True, env=env)
            except subprocess.CalledProcessError as e:
                check(False, '%s dump restored with %s' % (fmt, how), e.stderr[-2000:])
                continue
            check(True, '%s dump restored with %s' % (fmt, how))
            compare(before, snapshot(dst), '%s/%s' % (fmt, how))
            with connect(dst) as c:
                state = c.execute("SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'holdings.user_edit'::regclass "
                                  "AND tgname = 'user_edit_replay'").fetchone()
                check(state == ('A',), '%s/%s: the replay trigger is ENABLE ALWAYS again' % (fmt, how), str(state))
                for t, q in PROBES.items():
                    got = probe(c, q)
                    check(got == probes_before[t], '%s/%s: the changed rows of %s are the user\'s' % (fmt, how, t),
                          'expected %s, got %s' % (probes_before[t], got))
            cases += len(CHANGES)
    print('matrix: %d changes (%d tables x insert/update/delete/loader, swap, replica) x %d restores = %d cases'
          % (len(CHANGES), len({t for t, _, _ in CHANGES}), nrestores, cases))
    drop_db('lineage_dst')
    drop_db(src)


# ---- the upgrade test --------------------------------------------------------------------------

def extension_schema(db):
    """The extension's objects as pg_dump --binary-upgrade writes them (it dumps extension
    members one by one), with OIDs and other per-database noise removed."""
    out = subprocess.run(['pg_dump', '--schema-only', '--binary-upgrade', '-d', db],
                         check=True, capture_output=True, text=True).stdout
    keep = []
    for line in out.splitlines():
        if (line.startswith('--') or line.startswith('\\') or line.startswith('SET ')
                or line.startswith('SELECT pg_catalog.set_config') or not line.strip()):
            continue
        keep.append(line)
    # pg_dump orders by OID where it has no better order: compare statements as a set.
    # OIDs, relfrozenxid and the extension's config list (compared on its own) are noise.
    text = '\n'.join(keep)
    return sorted(s.strip() for s in text.split(';\n')
                  if s.strip() and 'binary_upgrade_' not in s and 'UPDATE pg_catalog.pg_class' not in s)


def extension_config(db):
    with connect(db) as c:
        return sorted(c.execute(
            "SELECT c::regclass::text, coalesce(w, '') FROM pg_extension e, "
            "unnest(e.extconfig, e.extcondition) AS x(c, w) WHERE e.extname = 'holdings'").fetchall())


def new_keys(old_db, new_db):
    """Per table present in both releases: keys the new release ships that the old did not,
    and keys whose shipped row the new release revises."""
    found = {}
    with connect(old_db) as o, connect(new_db) as n:
        for t in set(tables(o)) & set(tables(n)):
            if t == 'user_edit':
                continue
            keys = key_columns(n, t)
            # A key column the old release lacks (position_vintage's release_id, 0.3.0:
            # one vintage per key, dataset and release) is matched on the others.
            old_keys = [k for k in keys if k in old_columns(o, t)]
            kx = ', '.join('%s::text' % k for k in keys)
            ox = ', '.join('%s::text' % k for k in old_keys)
            # (release_id: 0.3.0 points every figure to its data release; not a revision.)
            old = {tuple(r[0]): r[1] for r in o.execute('SELECT ARRAY[%s], (to_jsonb(t) - \'{shipped,release_id}\'::text[])::text FROM holdings.%s t' % (ox, t))}
            new = {tuple(r[0]): (r[1], tuple(r[2])) for r in n.execute('SELECT ARRAY[%s], (to_jsonb(t) - \'{shipped,release_id}\'::text[])::text, ARRAY[%s] FROM holdings.%s t' % (kx, ox, t))}
            added = sorted(k for k, (_, ok) in new.items() if ok not in old)
            revised = sorted(k for k, (v, ok) in new.items() if ok in old and old[ok] != v)
            found[t] = (keys, added, revised)
    return found


def user_database(db, collisions):
    """The old release installed in db with the user's changes (those its tables allow) and
    their rows over keys the new release ships. Returns the changes left for after the
    update, and the collision rows written (table, kind, keys, key, row)."""
    with connect(db) as c:
        c.execute("CREATE EXTENSION holdings VERSION '%s'" % PREVIOUS)
    # Tables new in this release get their changes after the update, and so do the loader
    # runs: a release may change what its loader writes (0.2.0 keeps replaced figures in
    # position_vintage); a 0.1.0 loader's revision is an ordinary revised row here.
    # A write in a replica session was not journalled before 0.3.0 (its triggers did not fire
    # there): it is made after the update too.
    loader_runs = [ch for ch in CHANGES if ch[1] in ('loader revision', 'replica update')]
    later = apply_changes(db, only=[ch for ch in CHANGES if ch not in loader_runs]) + loader_runs
    # The user's rows for keys the new release ships (written before the upgrade): the
    # release's own content, written by the user, so only the lineage tells them apart.
    # One row per table and kind; a candidate whose parents (a source, a holder) the old
    # release lacks cannot be written before the upgrade: the next one is tried.
    marks = []
    with connect(db) as c:
        for t, kind, keys, key, row in collisions:
            if any(m[0] == t and m[1] == kind for m in marks):
                continue
            if 'source_id' in row and 'source_id' not in keys:  # the release's source may be new: the user cites their own
                row = dict(row, source_id='atlantis-report')
            cols = [k for k in row if k not in keys]
            # (a key column the old release lacks: its rows are matched on the others)
            present = old_columns(c, t)
            wkeys = [(k, v) for k, v in zip(keys, key) if k in present]
            record = (psycopg.types.json.Jsonb(row),)
            try:
                with c.transaction():
                    if kind == 'new':
                        c.execute('INSERT INTO holdings.%s (%s) SELECT %s FROM jsonb_populate_record(NULL::holdings.%s, %%s)'
                                  % (t, ', '.join(row), ', '.join(row), t), record)
                    else:
                        c.execute('UPDATE holdings.%s t SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::holdings.%s, %%s) r) '
                                  'WHERE %s' % (t, ', '.join(cols), ', '.join('r.' + x for x in cols), t,
                                                ' AND '.join('t.%s::text = %%s' % k for k, _ in wkeys)),
                                  record + tuple(v for _, v in wkeys))
            except psycopg.errors.IntegrityError:
                continue
            marks.append((t, kind, keys, key, row))
    return later, marks


def two_step(direct, collisions, marks):
    """The direct 0.1.0 -> 0.3.0 path (holdings--0.1.0--0.3.0.sql: the released 0.1.0 -> 0.2.0
    step without staging 0.2.0's figures, then 0.2.0 -> 0.3.0) against the two released steps
    one after the other, from the same 0.1.0 database with the same user rows: every table
    row for row, the journal and the user's rows over shipped keys included (the comparison
    with a fresh install sets those aside)."""
    db = 'upgrade_two_step'
    fresh_db(db)
    # The released 0.1.0 -> 0.2.0 step classifies with a correlated subplan, quadratic under
    # the default work_mem (issue 19): this database gets the memory to hash it.
    with connect(db) as c:
        c.execute("ALTER DATABASE %s SET work_mem = '64MB'" % db)
    later, marks2 = user_database(db, collisions)
    check([m[:4] for m in marks2] == [m[:4] for m in marks],
          'two-step path: the same user rows over shipped keys as the direct path',
          '%s\n%s' % ([m[:4] for m in marks2], [m[:4] for m in marks]))
    with connect(db) as c:
        c.execute("ALTER EXTENSION holdings UPDATE TO '0.2.0'")
        c.execute('ALTER EXTENSION holdings UPDATE')
    apply_changes(db, only=later, user_objects=False)
    compare(snapshot(direct), snapshot(db), 'direct 0.1.0 -> 0.3.0 vs two steps through 0.2.0')
    drop_db(db)


def upgrade_test():
    USER_ROWS_WITHOUT_RELEASE['on'] = True
    base_old, base_new = 'upgrade_base_old', 'upgrade_base_new'
    for db, version in ((base_old, PREVIOUS), (base_new, None)):
        fresh_db(db)
        with connect(db) as c:
            c.execute('CREATE EXTENSION holdings' + (" VERSION '%s'" % version if version else ''))
    # A user row for a key the new release ships for the first time, and a user revision of a
    # figure the new release revises: the user's row must win over the release's.
    diffs = new_keys(base_old, base_new)
    collisions = []
    with connect(base_new) as n:
        # Sources first: a figure table's key may name a source new in this release
        # (position_vintage), which the user then wrote first.
        for t, (keys, added, revised) in sorted(diffs.items(), key=lambda kv: (kv[0] != 'source', kv[0])):
            for kind, picked in (('new', added[:500]), ('revised', revised[:500])):
                for key in picked:
                    cond = ' AND '.join('%s::text = %%s' % k for k in keys)
                    row = n.execute('SELECT to_jsonb(t) - \'{shipped,release_id}\'::text[] FROM holdings.%s t WHERE %s' % (t, cond), key).fetchone()[0]
                    collisions.append((t, kind, keys, key, row))
    print('against %s, this release ships %s' % (PREVIOUS, ', '.join('%s: %d new / %d revised keys' % (t, len(a), len(r))
                                                      for t, (_, a, r) in sorted(diffs.items()) if a or r) or 'no data changes'))
    drop_db(base_old)
    drop_db(base_new)

    upgraded, fresh = 'upgrade_from_old', 'upgrade_fresh'
    fresh_db(upgraded)
    fresh_db(fresh)
    later, marks = user_database(upgraded, collisions)
    print('user rows written before the upgrade over keys the release ships: %s'
          % ', '.join('%s %s %s' % (m[0], m[1], '/'.join(str(k) for k in m[3])) for m in marks))
    wanted = {(t, kind) for t, kind, _, _, _ in collisions}
    check({(m[0], m[1]) for m in marks} == wanted,
          'a user row written before the upgrade for every table and kind of key the release ships anew or revises',
          'missing: %s' % sorted(wanted - {(m[0], m[1]) for m in marks}))
    with connect(upgraded) as c:
        c.execute('ALTER EXTENSION holdings UPDATE')
        version = c.execute("SELECT extversion FROM pg_extension WHERE extname = 'holdings'").fetchone()[0]
    apply_changes(upgraded, only=later, user_objects=False)
    if PREVIOUS == '0.1.0':
        two_step(upgraded, collisions, marks)
    with connect(fresh) as c:
        c.execute('CREATE EXTENSION holdings')
        check(c.execute("SELECT extversion FROM pg_extension WHERE extname = 'holdings'").fetchone()[0] == version,
              'ALTER EXTENSION UPDATE reaches the default version %s' % version)
    apply_changes(fresh)

    a, b = extension_schema(upgraded), extension_schema(fresh)
    diff = '\n'.join(list(difflib.unified_diff(a, b, 'upgraded', 'fresh', lineterm='', n=0))[:40])
    check(a == b, 'schema of the extension after upgrade = fresh install (%d statements)' % len(b), diff)
    check(extension_config(upgraded) == extension_config(fresh), 'pg_dump configuration (extconfig) identical',
          '%s\n%s' % (extension_config(upgraded), extension_config(fresh)))
    before, after = snapshot(upgraded), snapshot(fresh)
    # The collision rows exist only in the upgraded database: check them, then set them aside.
    with connect(upgraded) as c:
        for t, kind, keys, key, row in marks:
            cond = ' AND '.join('%s::text = %%s' % k for k in keys)
            got = c.execute('SELECT count(*), bool_or(shipped), min((to_jsonb(t) - \'shipped\')::text) FROM holdings.%s t WHERE %s'
                            % (t, cond), key).fetchone()
            check(got[0] == 1 and got[1] is False, '%s: the user\'s row for a %s key %s survives the upgrade, once, as the user\'s'
                  % (t, kind, key), str(got))
    for t in {m[0] for m in marks}:
        keys = next(m[2] for m in marks if m[0] == t)
        mk = {tuple(m[3]) for m in marks if m[0] == t}
        # (a user's row of a figure table is compared without its release_id: see rows())
        for snap in (before, after):
            snap[t] = [r for r in snap[t]
                       if not any(all(str(json.loads(r)[k]) == v for k, v in zip(keys, m) if k in json.loads(r)) for m in mk)]
    # ... and their entries in user_edit (the fresh database has no such user rows).
    edits = {(m[0], tuple(str(v) for v in m[3])) for m in marks}
    for snap in (before, after):
        if 'user_edit' in snap:
            snap['user_edit'] = [r for r in snap['user_edit']
                                 if (json.loads(r)['table_name'], tuple(json.loads(r)['key'])) not in edits]
    compare(before, after, 'upgraded vs fresh')
    drop_db(upgraded)
    drop_db(fresh)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ''
    if mode == 'dump':
        dump_matrix()
    elif mode == 'upgrade':
        started = time.monotonic()
        upgrade_test()
        print('upgrade test from %s: %.1f s' % (PREVIOUS, time.monotonic() - started))
    else:
        sys.exit(__doc__)
    print('%d passed, %d failed' % (results['passed'], results['failed']))
    sys.exit(1 if results['failed'] else 0)


if __name__ == '__main__':
    main()
