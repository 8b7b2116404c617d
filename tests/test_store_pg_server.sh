#!/usr/bin/env bash
# test_store_pg_server.sh — a real PostgreSQL server for the tests and the
# benchmark, in a temporary directory: initdb, then pg_ctl start listening on
# a Unix socket in that directory only (listen_addresses=''), stopped by
# pg_server_stop.  Source it, then:
#   pg_server_start DIR || exit 77   # sets PG_URL (postgresql:// to database postgres), PG_BIN, PG_DIR
#   pg_server_stop
# As root (CI), the server runs as the `postgres` user (initdb refuses root):
# DIR is handed to that user.  Says why and returns 1 when it cannot run
# (no PostgreSQL binaries, no such user).

pg_find_bin() {
  local d
  for d in ${COVENANT_PG_BIN:-} /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_as() { # run a command as the server's user
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null; then runuser -u postgres -- "$@"
    else setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; fi
  else "$@"; fi
}

pg_server_start() { # DIR
  PG_DIR=$1
  if ! PG_BIN=$(pg_find_bin); then
    echo "SKIP: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql-15" >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "SKIP: running as root and there is no 'postgres' user to run the server as" >&2
    return 1
  fi
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR" && chmod 0700 "$PG_DIR"
  PG_PORT=${PG_PORT:-$((20000 + RANDOM % 20000))}
  if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
       --no-sync >"$PG_DIR/initdb.log" 2>&1; then
    echo "FAIL: initdb (log below)" >&2; tail -20 "$PG_DIR/initdb.log" >&2; return 2
  fi
  if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
       -o "-k $PG_DIR -c listen_addresses= -p $PG_PORT -c fsync=off -c max_connections=60" start >/dev/null; then
    echo "FAIL: pg_ctl start (log below)" >&2; tail -20 "$PG_DIR/server.log" >&2; return 2
  fi
  PG_URL="postgresql:///postgres?host=$PG_DIR&port=$PG_PORT&user=postgres"
  export PG_DIR PG_BIN PG_PORT PG_URL
}

pg_url() { # DB: the URL of database DB on the server
  echo "postgresql:///$1?host=$PG_DIR&port=$PG_PORT&user=postgres"
}

pg_psql() { # DB SQL…: psql's answer, unaligned, no headers
  local db=$1; shift
  "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pg_createdb() { # DB
  pg_psql postgres -c "CREATE DATABASE \"$1\"" >/dev/null
}

pg_server_restart() { # mode: fast or immediate
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -m "${1:-fast}" \
    -o "-k $PG_DIR -c listen_addresses= -p $PG_PORT -c fsync=off -c max_connections=60" restart >/dev/null
}

pg_server_stop() {
  [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ] &&
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -m immediate stop >/dev/null 2>&1
  return 0
}
