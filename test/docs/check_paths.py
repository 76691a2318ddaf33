#!/usr/bin/env python3
"""Fails when a doc names a path that does not exist in the tree.

Reads the `code` spans and the code blocks of each file and checks every word
that names a file or directory:
  - a word with a slash (`src/pg/glue.hpp`, `test/regress/sql`, `docs/*.md`)
    must exist from the top of the tree, or as the end of a path in it
    (`python/holdings_psycopg.py` under clients/);
  - a file name without a slash (`compat_0_1_0.cpp`, `holding.*`) must be the
    name of a file somewhere in the tree.
`<placeholder>` parts match anything (`src/install/NN_<topic>.sql` with NN as
digits). The tree is what git tracks plus untracked files it does not ignore,
and build output do not count; the scripts make builds from src/upgrade and
holdings.control (holdings--<version>.sql) do. Paths under an installation
directory (`<sharedir>/extension/...`) are skipped.

  test/docs/check_paths.py [FILE...]     default: docs/development.md
  test/docs/check_paths.py --self-test   a made-up missing path must be reported
"""
import fnmatch
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
EXTENSIONS = ('.cpp', '.hpp', '.inc', '.py', '.sql', '.md', '.json', '.control', '.mk', '.csv',
              '.spec', '.out', '.txt', '.java', '.sh', '.source')
SPAN = re.compile(r'```[^\n]*\n(.*?)```|`([^`\n]+)`', re.S)
WORD = re.compile(r'^[A-Za-z0-9_.*<>-]+(/[A-Za-z0-9_.*<>-]*)*$')


def tree():
    out = subprocess.run(['git', 'ls-files', '-co', '--exclude-standard'], cwd=ROOT, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    files = [f for f in out.splitlines() if os.path.lexists(os.path.join(ROOT, f))]
    # The current release's scripts are built by make from src/upgrade and
    # holdings.control (tools/generate.py), not committed: they count as there.
    files += ['holdings--%s' % os.path.basename(f)[:-len('.sql')] + '.sql'
              for f in files if f.startswith('src/upgrade/') and f.endswith('.sql')]
    control = open(os.path.join(ROOT, 'holdings.control'), encoding='utf-8').read()
    m = re.search(r"^default_version = '([^']*)'", control, re.M)
    if m:
        files.append('holdings--%s.sql' % m.group(1))
    dirs = set()
    for f in files:
        parts = f.split('/')[:-1]
        for i in range(1, len(parts) + 1):
            dirs.add('/'.join(parts[:i]))
    return files, dirs


def pattern(word):
    """The fnmatch pattern of a word: placeholders and NN match anything."""
    p = re.sub(r'<[^>]*>', '*', word)
    return p.replace('NN_', '[0-9][0-9]_')


def candidates(text):
    for m in SPAN.finditer(text):
        body = m.group(1) if m.group(1) is not None else m.group(2)
        for line in body.splitlines():
            line = line.split('#', 1)[0] if m.group(1) is not None else line  # shell comments
            for word in line.split():
                word = word.strip('();,:"\'')
                # (a path under an installation directory, `<sharedir>/...`, is not the tree's)
                if not word or word.startswith(('-', '$', '.', '@', 'http', '<')) or '://' in word:
                    continue
                if not WORD.match(word):
                    continue
                if '/' in word:
                    if not re.search(r'[A-Za-z]', word.replace('/', '')):
                        continue
                    yield word
                elif word.endswith(EXTENSIONS) or word.endswith('.*'):
                    yield word


def exists(word, files, dirs):
    p = pattern(word.rstrip('/'))
    if '/' in word:
        if any(fnmatch.fnmatchcase(f, p) for f in files) or any(fnmatch.fnmatchcase(d, p) for d in dirs):
            return True
        # the end of a path in the tree (a table row under its directory)
        return any(fnmatch.fnmatchcase(f, '*/' + p) for f in files) or \
            any(fnmatch.fnmatchcase(d, '*/' + p) for d in dirs)
    return any(fnmatch.fnmatchcase(os.path.basename(f), p) for f in files)


def check(paths, files, dirs):
    missing, seen = [], 0
    for path in paths:
        text = open(path, encoding='utf-8').read()
        for word in sorted(set(candidates(text))):
            seen += 1
            if not exists(word, files, dirs):
                missing.append((path, word))
    return seen, missing


def main():
    args = sys.argv[1:]
    files, dirs = tree()
    if args == ['--self-test']:
        with tempfile.NamedTemporaryFile('w', suffix='.md', delete=False) as f:
            f.write('`src/pg/glue.hpp` and `scripts/test-upgrade`, `no_such_file.cpp`, `tools/`\n'
                    '```\nscripts/test-nothing --flag  # a comment naming missing/path.sql\n```\n')
        _, missing = check([f.name], files, dirs)
        os.unlink(f.name)
        got = sorted(w for _, w in missing)
        want = ['no_such_file.cpp', 'scripts/test-nothing', 'scripts/test-upgrade']
        if got != want:
            print('self-test: reported %s, expected %s' % (got, want), file=sys.stderr)
            return 1
        print('self-test: the 3 missing paths of a made-up doc are reported')
        return 0
    paths = args or [os.path.join(ROOT, 'docs', 'development.md')]
    seen, missing = check(paths, files, dirs)
    for path, word in missing:
        print('%s: names %s, which does not exist' % (os.path.relpath(path, ROOT), word), file=sys.stderr)
    print('%s: %d paths named, %d missing' % (', '.join(os.path.relpath(p, ROOT) for p in paths), seen, len(missing)))
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
