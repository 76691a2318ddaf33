#!/usr/bin/env python3
"""Runs every SQL example in the docs and checks its printed output.

An example is a ```sql block followed (after optional blank lines) by an
```output block. Each file's examples run in order in one psql session on a
fresh database with the extension installed, so later examples may use what
earlier ones created. Blocks without an output block are run too (they must
not fail).

  tools/check_docs.py [--update] FILE...   (--update rewrites the output blocks)
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--update', action='store_true')
    ap.add_argument('--db', default='holdings_docs')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()
    total = failed = 0
    for path in args.files:
        subprocess.run(['psql', '-X', '-q', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS %s' % args.db,
                        '-c', 'CREATE DATABASE %s' % args.db], check=True, capture_output=True)
        subprocess.run(['psql', '-X', '-q', '-d', args.db, '-c', 'CREATE EXTENSION holdings'], check=True)
        n, f = run_file(path, args.db, args.update)
        print('%s: %d examples, %d failed' % (path, n, f))
        total += n
        failed += f
    print('docs examples: %d run, %d failed' % (total, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
