#!/usr/bin/env python3
"""Prefixes pg_catalog. to the unqualified built-in function calls that
test/security/check_qualified.py reports in install or upgrade sources
(statements the script runs and DO blocks; function bodies pin their
search_path). Rewrites the files in place; review the diff.

  tools/qualify.py --builtins FILE SOURCE...
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'test', 'security'))
import check_qualified as cq  # noqa: E402


def rewrite(text, builtins):
    """(text with pg_catalog. before each unqualified call the checker
    reports whose name is in builtins (None: every one), how many)."""
    def wanted(name):
        return builtins is None or name.lower() in builtins
    code, _ = cq.strip(text)
    created = {m.start(1) for m in cq.CREATE_NAME.finditer(code)}
    spots = [pos for pos, name in cq.calls(code) if pos not in created and wanted(name)]
    for m in re.finditer(r'\bDO\s+\$([A-Za-z_]*)\$(.*?)\$\1\$', text, re.S):
        body_code, _ = cq.strip(m.group(2))
        spots += [m.start(2) + pos for pos, name in cq.calls(body_code) if wanted(name)]
    for pos in sorted(set(spots), reverse=True):
        text = text[:pos] + 'pg_catalog.' + text[pos:]
    return text, len(set(spots))


def main():
    args = sys.argv[1:]
    builtins = set(open(args[1]).read().split()) if args[:1] == ['--builtins'] else set()
    for path in args[2:]:
        text = open(path, encoding='utf-8').read()
        new, n = rewrite(text, builtins)
        if n:
            open(path, 'w', encoding='utf-8').write(new)
            print('%s: %d calls qualified' % (path, n))


if __name__ == '__main__':
    main()
