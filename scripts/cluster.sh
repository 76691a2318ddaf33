#!/usr/bin/env bash
# Throwaway PostgreSQL cluster of the project's own: its own data directory and
# port under .run/, started as the postgres user (initdb refuses root). Sourced
# by the other scripts; `stop_cluster` stops it. Never touches other servers.

# HOLDINGS_PG_CONFIG picks the PostgreSQL installation (default: Debian's 15);
# HOLDINGS_PGPORT and HOLDINGS_RUN_DIR let several checkouts run side by side.
export PG_CONFIG=${HOLDINGS_PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
PG_BIN=$("$PG_CONFIG" --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
export PATH=$PG_BIN:$PATH
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
RUN_DIR=${HOLDINGS_RUN_DIR:-/tmp/holdings-cluster}
PGDATA_DIR=$RUN_DIR/pgdata
SOCKET_DIR=$RUN_DIR/socket
export PGPORT=${HOLDINGS_PGPORT:-54329}
export PGHOST=$SOCKET_DIR
export PGUSER=postgres

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_cluster() {
    mkdir -p "$RUN_DIR" "$SOCKET_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$RUN_DIR" "$SOCKET_DIR"; fi
    # A cluster left by an earlier run is stopped and thrown away.
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDATA_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Unix socket: trust (the scripts connect as postgres). Loopback TCP, for the
    # client-library tests (scripts/test-clients): password (SCRAM) only, as a
    # BI tool or driver connects.
    cat > "$PGDATA_DIR/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    # Memory settings stay PostgreSQL's defaults (work_mem 4MB, shared_buffers
    # 128MB): upgrades and loads must be fast where users run them (issue 19
    # found a quadratic upgrade step that work_mem = 64MB had hidden).
    cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
password_encryption = 'scram-sha-256'
port = $PGPORT
unix_socket_directories = '$SOCKET_DIR'
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
fsync = off
synchronous_commit = off
full_page_writes = off
jit = off
CONF
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$RUN_DIR/postgres.log" -w start >/dev/null
}

stop_cluster() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
