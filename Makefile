# PGXS build of the holdings extension: make && make install && make installcheck.
EXTENSION  = holdings
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(dir $(lastword $(MAKEFILE_LIST)))holdings.control)

MODULE_big = holdings
OBJS = $(patsubst %.cpp,%.o,$(sort $(wildcard src/core/*.cpp src/pg/*.cpp)))
# The refresh command (docs/refresh.md), in pg_config --bindir; it reads
# refresh.json and sources.csv from share/extension/holdings/.
SCRIPTS = bin/holdings-refresh
# The current release's install and upgrade scripts are built here from
# src/install, src/upgrade and data/ (tools/generate.py); they are not committed.
# Released scripts (committed as shipped) stay installable: upgrades start from them.
BUILT_SCRIPTS = holdings--$(EXTVERSION).sql \
	$(patsubst src/upgrade/%.sql,holdings--%.sql,$(wildcard src/upgrade/*--$(EXTVERSION).sql))
DATA_built = $(BUILT_SCRIPTS)
# The released scripts (holdings--0.1.0.sql, holdings--0.2.0.sql,
# holdings--0.1.0--0.2.0.sql) are kept as shipped but not installed: users of
# 0.1.0 and 0.2.0 upgrade through the built scripts above, and those old
# scripts call functions unqualified, as their releases did (issue 18: a role
# that can create in the schema could shadow them). `make install-released`
# installs them too, for the upgrade tests (scripts/setup.sh).
RELEASED_SCRIPTS = $(filter-out $(BUILT_SCRIPTS),$(sort $(wildcard holdings--*.sql)))
# The official data files (and data/sources.csv, which lists them with their
# loaders) are installed under <sharedir>/extension/holdings/, keeping their
# paths below data/: the install and upgrade scripts load them from there
# (holdings.data_file, src/pg/data_file.cpp); the scripts do not embed them.
DATA_FILES = sources.csv $(sort $(patsubst data/%,%,$(filter-out %.source,$(wildcard data/tic/* data/fx/* data/fed/* data/yields/*))))

# pg_regress suites, in order: 00_setup creates the extension.
REGRESS = 00_setup holding_io holding_ops holding_aggs errors fx fx_cache hardening client_casts flows two_step analyst flows_caveats
REGRESS_OPTS = --inputdir=test/regress --outputdir=test/regress
# pg_isolation_regress specs (test/isolation/specs, expected): the rate cache
# under concurrent writers, both isolation levels and parallel query; two
# loads of one dataset (they serialise, or the second fails with 40001).
ISOLATION = rate_cache load_concurrency
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=test/isolation --load-extension=holdings

PG_CPPFLAGS = -I$(srcdir)/src/core
PG_CXXFLAGS = -std=c++17 -Wall -Wno-register
# Warnings are errors in CI and in the project's scripts (HOLDINGS_WERROR=1),
# not for packagers building with a newer compiler.
ifdef HOLDINGS_WERROR
PG_CXXFLAGS += -Werror
endif
SHLIB_LINK += -lstdc++
# The .cpp files are not compiled to LLVM bitcode for JIT inlining.
override with_llvm = no

EXTRA_CLEAN = .scripts-built test/regress/results test/regress/regression.diffs test/regress/regression.out \
	test/isolation/results test/isolation/regression.diffs test/isolation/regression.out test/isolation/output_iso

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

install: install-data-files
uninstall: uninstall-data-files
.PHONY: install-data-files uninstall-data-files install-released
install-released:
	$(INSTALL_DATA) $(addprefix $(srcdir)/,$(RELEASED_SCRIPTS)) '$(DESTDIR)$(datadir)/extension/'
install-data-files:
	@for f in $(DATA_FILES); do \
		$(MKDIR_P) "$(DESTDIR)$(datadir)/extension/holdings/$$(dirname $$f)" && \
		$(INSTALL_DATA) "$(srcdir)/data/$$f" "$(DESTDIR)$(datadir)/extension/holdings/$$f" || exit 1; \
	done
uninstall-data-files:
	rm -rf "$(DESTDIR)$(datadir)/extension/holdings"

# Every object file depends on the core headers (PGXS has no header tracking).
$(OBJS): $(wildcard $(srcdir)/src/core/*.hpp $(srcdir)/src/core/*.inc $(srcdir)/src/pg/*.hpp)

# holdings-refresh's configuration, beside sources.csv and the data files
# (install-data-files; uninstall-data-files removes the directory).
install: install-refresh
.PHONY: install-refresh
install-refresh:
	$(MKDIR_P) '$(DESTDIR)$(datadir)/extension/holdings'
	$(INSTALL_DATA) $(srcdir)/data/refresh.json '$(DESTDIR)$(datadir)/extension/holdings/'

# One run of the generator builds every script of the release.
$(BUILT_SCRIPTS): .scripts-built
.scripts-built: holdings.control $(wildcard src/install/*.sql src/upgrade/*.sql tools/*.py) $(shell find data -type f)
	python3 tools/generate.py --build .
	touch $@

# The compiled-in currency list is generated and committed; this fails when it is stale.
.PHONY: generate check-generated
generate:
	python3 tools/generate.py --write

installcheck: check-generated

check-generated:
	python3 tools/generate.py --check
