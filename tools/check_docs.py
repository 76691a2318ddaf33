#!/usr/bin/env python3
"""Runs every SQL example in the docs and checks its printed output.

An example is a ```sql block followed (after optional blank lines) by an
```output block. Each file's examples run in order in one psql session on a
fresh database with the extension installed, so later examples may use what
earlier ones created. Blocks without an output block are run too (they must
not fail).

With --isolated, every block of the given files must also stand on its own:
each runs in a fresh database (a copy of one where only CREATE EXTENSION ran),
after the blocks it names in a `-- needs: NAME` line (a block is named by a
`-- block: NAME` line). Its output must be the documented one, and
a block without an output block must not raise an error.

  tools/check_docs.py [--update] FILE...   (--update rewrites the output blocks)
  tools/check_docs.py --isolated FILE...
"""
import argparse
import os
import re
import subprocess
import sys

BLOCK = re.compile(r'```sql\n(.*?)```(\n\s*```output\n(.*?)```)?', re.S)
MARK = '-- holdings-docs-example-%d'


def run_file(path, db, update):
    text = open(path, encoding='utf-8').read()
    blocks = list(BLOCK.finditer(text))
    if not blocks:
        return 0, 0
    script = ['\\pset footer off',
              'SET search_path = "$user", public, holdings;']
    for i, m in enumerate(blocks):
        script.append("\\echo '%s'" % (MARK % i))
        script.append(m.group(1))
    # Errors are part of the output (some examples show them), so stderr is
    # merged into stdout; an unexpected error shows up as a difference.
    proc = subprocess.run(['psql', '-X', '-q', '-d', db], input='\n'.join(script) + '\n',
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    outputs = re.split(r'^-- holdings-docs-example-(\d+)\n', proc.stdout, flags=re.M)
    got = {}
    for k in range(1, len(outputs), 2):
        got[int(outputs[k])] = outputs[k + 1]
    failures = 0
    if proc.returncode != 0:
        print('%s: psql failed:\n%s' % (path, proc.stdout), file=sys.stderr)
        return len(blocks), 1
    new_text, last = [], 0
    for i, m in enumerate(blocks):
        actual = got.get(i, '').rstrip('\n') + '\n'
        if m.group(2) is None:
            continue
        expected = m.group(3)
        if update:
            new_text.append(text[last:m.start(3)])
            new_text.append(actual)
            last = m.end(3)
        elif expected != actual:
            failures += 1
            print('%s: example %d: output differs\n--- documented\n%s--- actual\n%s' % (
                path, i + 1, expected, actual), file=sys.stderr)
    if update:
        new_text.append(text[last:])
        with open(path, 'w', encoding='utf-8') as f:
            f.write(''.join(new_text))
    return len(blocks), failures


NAME = re.compile(r'^-- block: ([\w.-]+)\s*$', re.M)
NEEDS = re.compile(r'^-- needs: ([\w.-]+)', re.M)


def psql(db, script):
    return subprocess.run(['psql', '-X', '-q', '-d', db], input=script, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)


def run_isolated(path, db):
    """Runs each block alone (after the blocks it needs) and compares its output."""
    text = open(path, encoding='utf-8').read()
    blocks = list(BLOCK.finditer(text))
    named = {}
    for i, m in enumerate(blocks):
        for name in NAME.findall(m.group(1)):
            named[name] = i
    failures = 0

    def needed(i, seen):
        for name in NEEDS.findall(blocks[i].group(1)):
            if name not in named or named[name] >= i:
                raise SystemExit('%s: example %d needs "%s", which is not a block above it' % (path, i + 1, name))
            j = named[name]
            if j not in seen:
                needed(j, seen)
                seen.append(j)
        return seen

    fresh = db + '_block'
    for i, m in enumerate(blocks):
        script = ['\\pset footer off', 'SET search_path = "$user", public, holdings;', '\\o /dev/null']
        for j in needed(i, []):
            script.append(blocks[j].group(1))
        script += ['\\o', "\\echo '%s'" % (MARK % i), m.group(1)]
        subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS %s' % fresh,
                        '-c', 'CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY' % (fresh, db)],
                       check=True, capture_output=True)
        proc = psql(fresh, '\n'.join(script) + '\n')
        out = proc.stdout.split((MARK % i) + '\n', 1)
        actual = (out[1] if len(out) > 1 else proc.stdout).rstrip('\n') + '\n'
        if m.group(2) is not None:
            ok = actual == m.group(3)
        else:
            ok = 'ERROR:' not in actual
        if proc.returncode != 0 or not ok:
            failures += 1
            print('%s: example %d does not run on its own (add "-- needs: NAME" for the block it uses)\n'
                  '--- documented\n%s--- alone\n%s' % (path, i + 1, m.group(3) or '(no output block)\n', actual),
                  file=sys.stderr)
    subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS %s' % fresh],
                   check=True, capture_output=True)
    return len(blocks), failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--isolated', action='store_true')
    ap.add_argument('--db', default='holdings_docs')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()
    total = failed = 0
    for path in args.files:
        subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS %s' % args.db,
                        '-c', 'CREATE DATABASE %s' % args.db], check=True, capture_output=True)
        subprocess.run(['psql', '-X', '-q', '-d', args.db, '-c', 'CREATE EXTENSION holdings'], check=True)
        if args.isolated:
            n, f = run_isolated(path, args.db)
        else:
            n, f = run_file(path, args.db, args.update)
        print('%s: %d examples, %d failed' % (path, n, f))
        total += n
        failed += f
    print('docs examples: %d run, %d failed' % (total, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
