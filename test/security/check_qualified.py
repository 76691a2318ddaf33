#!/usr/bin/env python3
"""Fails when an extension script calls a function or names a relation without
its schema where the search_path could choose it.

CREATE EXTENSION and ALTER EXTENSION UPDATE run their script with
search_path = holdings, pg_temp (pg_catalog first, implicitly). A function that
pg_catalog has only in a polymorphic or less exact form (unnest(anyarray)) loses
to a better match planted in the extension's schema, and runs with the
installer's privileges. So in every statement the script runs itself (DDL,
SELECT, DO blocks), each function call is schema-qualified: `@extschema@.f(`,
`pg_catalog.f(`.

Function bodies are different: each SQL and PL/pgSQL function of the extension
pins `SET search_path = pg_catalog, pg_temp` (the catalog test,
test/security/sql/catalog.sql, asserts it), so an unqualified built-in there
can only be pg_catalog's (functions and operators are never looked up in
pg_temp). Their bodies must still qualify every object of the extension with
`@extschema@.`: this checker flags a body that calls an extension function
unqualified.

  test/security/check_qualified.py [--builtins FILE] SCRIPT...

FILE lists pg_catalog's function names, one a line (the suite asks the server).
"""
import re
import sys

# Words followed by "(" that are syntax, not function calls.
SYNTAX = {
    'all', 'and', 'any', 'array', 'as', 'between', 'by', 'case', 'cast', 'check', 'coalesce',
    'constraint', 'cube', 'default', 'distinct', 'else', 'exists', 'extract', 'filter', 'for',
    'foreign', 'from', 'greatest', 'grouping', 'having', 'if', 'in', 'into', 'is', 'join', 'key',
    'lateral', 'least', 'like', 'not', 'nullif', 'on', 'or', 'over', 'overlay', 'partition',
    'position', 'primary', 'references', 'returning', 'returns', 'rollup', 'row', 'select',
    'sets', 'some', 'substring', 'table', 'then', 'trim', 'union', 'unique', 'using', 'values',
    'when', 'where', 'with', 'within', 'include', 'exclude', 'gist', 'btree', 'hash', 'window',
    'ordinality', 'set', 'except', 'intersect', 'asc', 'desc', 'nulls', 'only', 'to', 'add',
    'alter', 'column', 'type', 'create', 'index', 'view', 'materialized', 'recursive', 'do',
    'raise', 'perform', 'return', 'execute', 'loop', 'foreach', 'elsif', 'while', 'begin', 'end',
    'declare', 'query', 'format', 'deferrable', 'initially', 'immediate', 'deferred', 'of',
    # type names with modifiers
    'numeric', 'decimal', 'varchar', 'char', 'character', 'varying', 'bit', 'timestamp',
    'timestamptz', 'time', 'timetz', 'interval', 'float', 'precision',
    # argument lists of CREATE statements (the object being created is qualified separately)
    'function', 'aggregate', 'operator', 'procedure', 'trigger', 'event',
}

CREATE_NAME = re.compile(r'\b(?:FUNCTION|AGGREGATE|PROCEDURE|TABLE|VIEW|TYPE|INDEX|OPERATOR|SEQUENCE|TRIGGER|DOMAIN)\s+'
                         r'(?:IF\s+(?:NOT\s+)?EXISTS\s+)?([A-Za-z_@][\w@.]*)\s*\(', re.I)


def blank(text):
    """text with every character but newlines turned into a space (same length)."""
    return re.sub(r'[^\n]', ' ', text)


def strip(sql):
    """(code, bodies): sql with comments, string literals and dollar-quoted
    texts blanked (same length, so positions and lines still match sql), and
    the dollar-quoted texts themselves."""
    out, bodies, i, n = [], [], 0, len(sql)
    while i < n:
        c = sql[i]
        if sql.startswith('--', i):
            j = sql.find('\n', i)
            j = n if j < 0 else j
            out.append(blank(sql[i:j]))
            i = j
        elif c == "'":
            j = i + 1
            while True:
                j = sql.find("'", j)
                if j < 0 or not sql.startswith("''", j):
                    break
                j += 2
            j = n if j < 0 else j + 1
            out.append("'" + blank(sql[i + 1:j - 1]) + "'")
            i = j
        elif c == '$':
            m = re.match(r'\$([A-Za-z_][A-Za-z_0-9]*)?\$', sql[i:])
            if m:
                tag = m.group(0)
                j = sql.find(tag, i + len(tag))
                j = n if j < 0 else j
                bodies.append(sql[i + len(tag):j])
                out.append(tag + blank(sql[i + len(tag):j]) + (tag if j < n else ''))
                i = j + len(tag)
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return ''.join(out), bodies


def calls(code):
    """Unqualified names followed by "(" that are not syntax."""
    found = []
    for m in re.finditer(r'(?<![\w.@"$])([A-Za-z_][\w]*)\s*\(', code):
        # "AS alias (column, ...)" names columns; it calls nothing.
        if re.search(r'\bAS\s+$', code[max(0, m.start() - 8):m.start()], re.I):
            continue
        if m.group(1).lower() not in SYNTAX:
            found.append((m.start(), m.group(1)))
    return found


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def check(path, builtins):
    text = open(path, encoding='utf-8').read()
    problems = []
    code, bodies = strip(text)
    # Names of objects being created ("CREATE FUNCTION @extschema@.f(") are not calls.
    created = {m.start(1) for m in CREATE_NAME.finditer(code)}
    # The extension's own function names; one that pg_catalog also has (max,
    # round) resolves there unqualified, which is right for built-in types.
    ext_functions = {m.group(1).split('.')[-1].lower() for m in CREATE_NAME.finditer(code)
                     if m.group(1).startswith('@extschema@.')} - builtins
    for pos, name in calls(code):
        if pos in created:
            continue
        problems.append('%s:%d: unqualified call %s( in a statement the script runs' % (path, line_of(code, pos), name))
    # DO blocks run with the script's search_path: checked like the script.
    for m in re.finditer(r'\bDO\s+\$([A-Za-z_]*)\$(.*?)\$\1\$', text, re.S):
        body_code, _ = strip(m.group(2))
        for pos, name in calls(body_code):
            problems.append('%s:%d: unqualified call %s( in a DO block' % (path, line_of(text, m.start(2) + pos), name))
    # Function bodies: extension functions must be qualified.
    for body in bodies:
        body_code, _ = strip(body)
        for pos, name in calls(body_code):
            if name.lower() in ext_functions:
                problems.append('%s: unqualified call of the extension\'s function %s( in a function body (%s...)'
                                % (path, name, body.strip()[:60].replace('\n', ' ')))
    return problems


def main():
    args = sys.argv[1:]
    builtins = set()
    if args[:1] == ['--builtins']:
        builtins = set(open(args[1]).read().split())
        args = args[2:]
    problems = []
    for path in args:
        problems += check(path, builtins)
    for p in problems:
        print(p)
    print('%d unqualified names in %d scripts' % (len(problems), len(args)))
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
