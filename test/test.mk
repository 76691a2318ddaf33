# Test entry points (included by the Makefile before PGXS), one per kind of
# test; docs/development.md has the table.
#
#   make installcheck                    pgTAP, then pg_regress and isolation
#   make installcheck REGRESS=fx         one pg_regress test alone (no isolation, no pgTAP)
#   make installcheck TAP=               pg_regress and isolation only
#   make prove                           every pgTAP file
#   make prove TAP=test/pgtap/05_fx_aggregates.sql   one pgTAP file
#
# All run against the server that PGHOST/PGPORT name, with the extension
# installed there (make install, or the Debian package).

# `make` alone still builds: no target below may become the default goal
# (PGXS defines `all` later; set before this file's first rule).
ifeq ($(.DEFAULT_GOAL),)
.DEFAULT_GOAL := all
endif

# pg_regress: every file of test/regress/sql, in name order. Each test stands
# alone: pg_regress creates the extension in its fresh database
# (--load-extension) and each file sets its search_path, so a test passes alone
# (REGRESS=name) and in the full run.
REGRESS = $(sort $(patsubst test/regress/sql/%.sql,%,$(wildcard test/regress/sql/*.sql)))
REGRESS_OPTS = --inputdir=test/regress --outputdir=test/regress --load-extension=holdings

# Naming tests on the command line selects exactly those: REGRESS=fx runs no
# isolation spec and no pgTAP file unless ISOLATION or TAP is named too.
ifneq ($(origin REGRESS),command line)
# pg_isolation_regress specs (test/isolation/specs, expected): the rate cache
# under concurrent writers, both isolation levels and parallel query; two
# loads of one dataset (they serialise, or the second fails with 40001).
ISOLATION = rate_cache load_concurrency
TAP = $(sort $(wildcard test/pgtap/*.sql))
endif
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=test/isolation --load-extension=holdings

# pgTAP: pg_prove over TAP in database TAP_DB, made fresh with pgtap, holdings
# and the shared fixtures (test/fixtures.sql). Each file runs in a transaction
# it rolls back, so any one file runs alone.
TAP_DB = holdings_tap
PG_PROVE = pg_prove
TAP_PSQL = $(bindir)/psql -X -q -v ON_ERROR_STOP=1

.PHONY: prove installcheck-tap
prove installcheck-tap:
ifneq ($(strip $(TAP)),)
	$(TAP_PSQL) -d postgres -c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS $(TAP_DB)' -c 'CREATE DATABASE $(TAP_DB)'
	$(TAP_PSQL) -d $(TAP_DB) -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION holdings' -f test/fixtures.sql
	$(PG_PROVE) -d $(TAP_DB) $(TAP)
	$(TAP_PSQL) -d postgres -c 'DROP DATABASE $(TAP_DB)'
endif
