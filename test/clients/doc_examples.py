#!/usr/bin/env python3
"""The client examples of docs/bi-and-etl.md, checked against the repository.

A fenced block whose info string is `<lang> test-clients:<name>` is an example:
  - name `setup`: SQL run by scripts/test-clients as the superuser (the analyst
    role and its grants, exactly as documented);
  - otherwise `name` is a file of the repository (clients/...): the block must
    equal the file, and when an ```output block follows, running the file must
    print exactly that.

  doc_examples.py setup DOC          print the setup SQL
  doc_examples.py check DOC [--update]   compare blocks with files, run, compare outputs
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BLOCK = re.compile(r'```(\w+) test-clients:(\S+)\n(.*?)```(\n\s*```output\n(.*?)```)?', re.S)
PYTHON = '/usr/bin/python3'  # Debian's, with python3-psycopg, -psycopg2 and -pyodbc
JDBC_JAR = '/usr/share/java/postgresql.jar'


def run(path, workdir):
    full = os.path.join(ROOT, path)
    if path.endswith('.py'):
        cmd = [PYTHON, full]
        cwd = os.path.dirname(full)
    elif path.endswith('.java'):
        subprocess.run(['javac', '-d', workdir, '-cp', JDBC_JAR, full], check=True)
        cmd = ['java', '-cp', JDBC_JAR + ':' + workdir, os.path.splitext(os.path.basename(path))[0]]
        cwd = workdir
    else:
        raise SystemExit('no runner for ' + path)
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.stdout


def main():
    mode, doc = sys.argv[1], sys.argv[2]
    update = '--update' in sys.argv
    text = open(doc, encoding='utf-8').read()
    blocks = list(BLOCK.finditer(text))
    if mode == 'setup':
        sys.stdout.write(''.join(m.group(3) for m in blocks if m.group(2) == 'setup'))
        return 0
    failures, ran, pieces, last = 0, 0, [], 0
    with tempfile.TemporaryDirectory() as workdir:
        for m in blocks:
            name = m.group(2)
            if name == 'setup':
                continue
            with open(os.path.join(ROOT, name), encoding='utf-8') as f:
                if f.read() != m.group(3):
                    failures += 1
                    print('%s: the block test-clients:%s differs from the file' % (doc, name), file=sys.stderr)
            if m.group(4) is None:
                continue
            actual = run(name, workdir)
            ran += 1
            if update:
                pieces += [text[last:m.start(5)], actual]
                last = m.end(5)
            elif actual != m.group(5):
                failures += 1
                print('%s: %s: output differs\n--- documented\n%s--- actual\n%s' % (doc, name, m.group(5), actual),
                      file=sys.stderr)
    if update:
        pieces.append(text[last:])
        open(doc, 'w', encoding='utf-8').write(''.join(pieces))
    print('%s: %d examples run, %d failures' % (doc, ran, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
