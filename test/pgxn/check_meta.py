#!/usr/bin/env python3
"""Validates META.json against the PGXN Meta Spec 1.0.x, and against the tree.

Debian has no PGXN::Meta::Validator (it is on CPAN only), so this checks the
spec's rules itself: required and allowed keys (custom keys start with x_ or
X_), terms, SemVer versions, licenses, provides, prereqs (phases,
relationships, version ranges), resources, no_index, tags, release_status and
meta-spec. Then the project's own rules: the distribution and the extension
have holdings.control's default_version, and every path it names exists.

  test/pgxn/check_meta.py [META.json]     exit 1 and a list of problems if invalid
  test/pgxn/check_meta.py --self-test     invalid documents must be rejected
"""
import copy
import json
import os
import re
import sys

SEMVER = (r'(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)'
          r'(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?'
          r'(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?')
VERSION = re.compile('^%s$' % SEMVER)
# A range: comma-separated, each an optional operator (==, !=, <, <=, >, >=) and
# a version; or the version 0 (any).
RANGE_PART = re.compile(r'^\s*(?:(==|!=|<=?|>=?)\s*)?(%s)\s*$' % SEMVER)
LICENSES = {
    'agpl_3', 'apache_1_1', 'apache_2_0', 'artistic_1', 'artistic_2', 'bsd', 'freebsd', 'gfdl_1_2',
    'gfdl_1_3', 'gpl_1', 'gpl_2', 'gpl_3', 'lgpl_2_1', 'lgpl_3_0', 'mit', 'mozilla_1_0', 'mozilla_1_1',
    'openssl', 'perl_5', 'postgresql', 'qpl_1_0', 'ssleay', 'sun', 'zlib', 'open_source', 'restricted',
    'unrestricted', 'unknown'}
REQUIRED = ['name', 'version', 'abstract', 'maintainer', 'license', 'provides', 'meta-spec']
OPTIONAL = ['description', 'generated_by', 'tags', 'no_index', 'prereqs', 'release_status', 'resources']
PHASES = ['configure', 'build', 'test', 'runtime', 'develop']
RELATIONSHIPS = ['requires', 'recommends', 'suggests', 'conflicts']
URI = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$')


def custom(key):
    return re.match(r'^[xX]_.', key) is not None


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, what):
        self.problems.append('%s: %s' % (where, what))

    def keys(self, where, obj, allowed, required=()):
        if not isinstance(obj, dict):
            self.fail(where, 'must be an object')
            return False
        for k in required:
            if k not in obj:
                self.fail(where, 'missing required key "%s"' % k)
        for k in obj:
            if k not in allowed and not custom(k):
                self.fail(where, 'unknown key "%s" (custom keys start with x_)' % k)
        return True

    def string(self, where, v, min_len=1):
        if not isinstance(v, str) or len(v) < min_len:
            self.fail(where, 'must be a string of at least %d characters' % min_len)
            return False
        return True

    def term(self, where, v):
        if self.string(where, v, 2) and re.search(r'[/\\\s\x00-\x1f\x7f]', v):
            self.fail(where, 'a term has no slash, backslash, space or control character: %r' % v)

    def version(self, where, v):
        if not isinstance(v, str) or not VERSION.match(v):
            self.fail(where, 'not a SemVer version: %r' % (v,))

    def path(self, where, v):
        if self.string(where, v, 2) and (v.startswith('/') or '\\' in v):
            self.fail(where, 'a relative path in unix conventions: %r' % v)

    def version_range(self, where, v):
        if v == 0 or v == '0':
            return
        if not isinstance(v, str) or not all(RANGE_PART.match(p) for p in v.split(',')):
            self.fail(where, 'not a version range: %r' % (v,))

    def string_or_list(self, where, v, item):
        if isinstance(v, list):
            if not v or len(set(map(json.dumps, v))) != len(v):
                self.fail(where, 'a list must be non-empty and without duplicates')
            for i, x in enumerate(v):
                item('%s[%d]' % (where, i), x)
        else:
            item(where, v)

    def license(self, where, v):
        if isinstance(v, dict):
            if not v:
                self.fail(where, 'a license object needs at least one license')
            for name, url in v.items():
                if not isinstance(url, str) or not URI.match(url):
                    self.fail('%s.%s' % (where, name), 'must be a URI')
            return

        def one(w, x):
            if x not in LICENSES:
                self.fail(w, 'unknown license %r (one of %s, or an object name: URI)' % (x, ', '.join(sorted(LICENSES))))
        self.string_or_list(where, v, one)

    def check(self, meta):
        if not self.keys('META.json', meta, REQUIRED + OPTIONAL, REQUIRED):
            return self.problems
        if 'name' in meta:
            self.term('name', meta['name'])
        if 'version' in meta:
            self.version('version', meta['version'])
        for k in ('abstract', 'description', 'generated_by'):
            if k in meta:
                self.string(k, meta[k])
        if 'maintainer' in meta:
            self.string_or_list('maintainer', meta['maintainer'], self.string)
        if 'license' in meta:
            self.license('license', meta['license'])
        if 'provides' in meta:
            p = meta['provides']
            if self.keys('provides', p, list(p) if isinstance(p, dict) else []):
                if not p:
                    self.fail('provides', 'must name at least one extension')
                for ext, d in p.items():
                    w = 'provides.%s' % ext
                    self.term(w, ext)
                    if self.keys(w, d, ['file', 'version', 'abstract', 'docfile', 'docpath'], ['file', 'version']):
                        if 'file' in d:
                            self.path(w + '.file', d['file'])
                        if 'docfile' in d:
                            self.path(w + '.docfile', d['docfile'])
                        if 'version' in d:
                            self.version(w + '.version', d['version'])
                        for k in ('abstract', 'docpath'):
                            if k in d:
                                self.string('%s.%s' % (w, k), d[k])
        if 'meta-spec' in meta:
            m = meta['meta-spec']
            if self.keys('meta-spec', m, ['version', 'url'], ['version']):
                if not re.match(r'^1\.0\.\d+$', str(m.get('version', ''))):
                    self.fail('meta-spec.version', 'must be 1.0.x')
                if 'url' in m and m['url'] not in ('https://pgxn.org/meta/spec.txt', 'http://pgxn.org/meta/spec.txt'):
                    self.fail('meta-spec.url', 'must be https://pgxn.org/meta/spec.txt')
        if 'tags' in meta:
            def tag(w, x):
                if self.string(w, x, 2) and (len(x) > 255 or re.search(r'[/\\\x00-\x1f\x7f]', x)):
                    self.fail(w, 'a tag is under 256 characters, without slash, backslash or control characters')
            if not isinstance(meta['tags'], list):
                self.fail('tags', 'must be a list')
            else:
                self.string_or_list('tags', meta['tags'], tag)
        if 'release_status' in meta and meta['release_status'] not in ('stable', 'testing', 'unstable'):
            self.fail('release_status', 'one of stable, testing, unstable')
        if 'no_index' in meta:
            n = meta['no_index']
            if self.keys('no_index', n, ['file', 'directory']):
                if not any(k in n for k in ('file', 'directory')):
                    self.fail('no_index', 'needs file or directory')
                for k in ('file', 'directory'):
                    if k in n:
                        self.string_or_list('no_index.' + k, n[k], self.path)
        if 'prereqs' in meta:
            pr = meta['prereqs']
            if self.keys('prereqs', pr, PHASES):
                if not any(k in pr for k in PHASES):
                    self.fail('prereqs', 'needs at least one phase')
                for phase, rels in pr.items():
                    if custom(phase):
                        continue
                    w = 'prereqs.' + phase
                    if self.keys(w, rels, RELATIONSHIPS):
                        if not any(k in rels for k in RELATIONSHIPS):
                            self.fail(w, 'needs at least one relationship')
                        for rel, deps in rels.items():
                            if custom(rel):
                                continue
                            wr = '%s.%s' % (w, rel)
                            if not isinstance(deps, dict) or not deps:
                                self.fail(wr, 'must be a non-empty object of name: version range')
                                continue
                            for name, rng in deps.items():
                                self.term('%s.%s' % (wr, name), name)
                                self.version_range('%s.%s' % (wr, name), rng)
        if 'resources' in meta:
            r = meta['resources']
            if self.keys('resources', r, ['homepage', 'bugtracker', 'repository']):
                if not any(k in r for k in ('homepage', 'bugtracker', 'repository')):
                    self.fail('resources', 'needs homepage, bugtracker or repository')
                if 'homepage' in r and not (isinstance(r['homepage'], str) and URI.match(r['homepage'])):
                    self.fail('resources.homepage', 'must be a URI')
                for k, sub in (('bugtracker', ['web', 'mailto']), ('repository', ['url', 'web', 'type'])):
                    if k in r and self.keys('resources.' + k, r[k], sub):
                        if not r[k]:
                            self.fail('resources.' + k, 'must not be empty')
        return self.problems


def project_problems(meta, root):
    """The project's rules: versions follow holdings.control, paths exist."""
    problems = []
    control = open(os.path.join(root, 'holdings.control'), encoding='utf-8').read()
    m = re.search(r"^default_version = '([^']*)'", control, re.M)
    version = m.group(1) if m else None
    if meta.get('version') != version:
        problems.append('version: %r, holdings.control default_version %r' % (meta.get('version'), version))
    ext = meta.get('provides', {}).get('holdings')
    if not isinstance(ext, dict):
        problems.append('provides: must name the extension holdings')
    else:
        if ext.get('version') != version:
            problems.append('provides.holdings.version: %r, holdings.control %r' % (ext.get('version'), version))
        for k in ('file', 'docfile'):
            if k in ext and not os.path.exists(os.path.join(root, ext[k])):
                problems.append('provides.holdings.%s: %s does not exist' % (k, ext[k]))
    for d in meta.get('no_index', {}).get('directory', []):
        if not os.path.isdir(os.path.join(root, d)):
            problems.append('no_index.directory: %s does not exist' % d)
    return problems


def self_test(meta):
    """Each broken variant of a valid document must be rejected."""
    def variant(f):
        m = copy.deepcopy(meta)
        f(m)
        return m
    cases = {
        'no name': variant(lambda m: m.pop('name')),
        'no provides': variant(lambda m: m.pop('provides')),
        'version not SemVer': variant(lambda m: m.update(version='0.3')),
        'unknown license': variant(lambda m: m.update(license='PostgreSQL License')),
        'unknown top-level key': variant(lambda m: m.update(homepage='https://example.org')),
        'meta-spec 2.0.0': variant(lambda m: m['meta-spec'].update(version='2.0.0')),
        'extension without file': variant(lambda m: m['provides']['holdings'].pop('file')),
        'bad version range': variant(lambda m: m.update(prereqs={'runtime': {'requires': {'PostgreSQL': '>= 15'}}})),
        'unknown phase': variant(lambda m: m.update(prereqs={'install': {'requires': {'PostgreSQL': '15.0.0'}}})),
        'name with a slash': variant(lambda m: m.update(name='hold/ings')),
        'bad release_status': variant(lambda m: m.update(release_status='final')),
        'empty tag list': variant(lambda m: m.update(tags=[])),
    }
    failures = 0
    for name, doc in cases.items():
        if not Checker().check(doc):
            print('self-test: %s was accepted' % name, file=sys.stderr)
            failures += 1
    good = variant(lambda m: m.update(x_note='custom keys are allowed',
                                      prereqs={'runtime': {'requires': {'PostgreSQL': '>= 15.0.0, < 16.0.0', 'plpgsql': 0}}}))
    if Checker().check(good):
        print('self-test: a valid variant was rejected: %s' % Checker().check(good), file=sys.stderr)
        failures += 1
    print('self-test: %d invalid documents rejected, 1 valid variant accepted' % (len(cases) - failures))
    return failures == 0


def main():
    args = sys.argv[1:]
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    test = '--self-test' in args
    args = [a for a in args if a != '--self-test']
    path = args[0] if args else os.path.join(root, 'META.json')
    with open(path, encoding='utf-8') as f:
        meta = json.load(f)
    problems = Checker().check(meta) + project_problems(meta, os.path.dirname(os.path.abspath(path)))
    for p in problems:
        print('%s: %s' % (path, p), file=sys.stderr)
    if problems:
        return 1
    print('%s: valid (PGXN Meta Spec %s), %s %s' % (os.path.relpath(path), meta['meta-spec']['version'],
                                                    meta['name'], meta['version']))
    if test and not self_test(meta):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
