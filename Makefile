# PGXS build of the holdings extension: make && make install && make installcheck.
EXTENSION  = holdings
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(dir $(lastword $(MAKEFILE_LIST)))holdings.control)

MODULE_big = holdings
OBJS = $(patsubst %.cpp,%.o,$(sort $(wildcard src/core/*.cpp src/pg/*.cpp)))
# Every released install script stays installable (upgrade tests start from
# them); upgrade scripts go from each release to the next.
DATA = $(sort $(wildcard holdings--*.sql))

# pg_regress suites, in order: 00_setup creates the extension.
REGRESS = 00_setup holding_io holding_ops holding_aggs errors fx hardening client_casts flows two_step analyst
REGRESS_OPTS = --inputdir=test/regress --outputdir=test/regress
# pg_isolation_regress specs (test/isolation/specs, expected): the rate cache
# under concurrent writers, both isolation levels and parallel query.
ISOLATION = rate_cache
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

EXTRA_CLEAN = test/regress/results test/regress/regression.diffs test/regress/regression.out \
	test/isolation/results test/isolation/regression.diffs test/isolation/regression.out test/isolation/output_iso

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object file depends on the core headers (PGXS has no header tracking).
$(OBJS): $(wildcard $(srcdir)/src/core/*.hpp $(srcdir)/src/core/*.inc $(srcdir)/src/pg/*.hpp)

# The install script and the compiled-in currency list are generated from
# readable sources and the data files; this fails when a committed copy is stale.
.PHONY: generate check-generated
generate:
	python3 tools/generate.py --write

installcheck: check-generated

check-generated:
	python3 tools/generate.py --check
