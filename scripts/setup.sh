#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root), builds and installs the
# extension, and starts the project's throwaway PostgreSQL cluster. Sourced by
# scripts/demo and scripts/test; safe to run again and again.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

PACKAGES=(
    build-essential clang cmake python3 gnuplot-nox
    postgresql-15 postgresql-server-dev-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
    libboost-dev googletest libgtest-dev libclang-rt-14-dev
    # what the test suites use: clients (pgJDBC, psqlODBC, psycopg) and stress tools
    default-jdk-headless libpostgresql-jdbc-java odbc-postgresql unixodbc python3-pyodbc
    python3-psycopg python3-psycopg2 sqlsmith
)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then return; fi
    echo "== installing: ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        echo "missing packages and not root: run as root, or install: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

build_and_install() {
    echo "== building and installing the extension"
    make -C "$ROOT" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" HOLDINGS_WERROR=1
    # install-released: the released install scripts, which the upgrade tests start from.
    make -C "$ROOT" -s install install-released PG_CONFIG="$PG_CONFIG" >/dev/null
}

setup_all() {
    install_packages
    # shellcheck source=cluster.sh
    . "$ROOT/scripts/cluster.sh"
    build_and_install
    echo "== starting a throwaway PostgreSQL 15 cluster on port $PGPORT ($PGDATA_DIR)"
    start_cluster
}
