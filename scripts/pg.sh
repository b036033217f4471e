#!/usr/bin/env bash
# Throwaway PostgreSQL for development and tests: pg.sh start|stop|destroy|status|url
# initdb refuses to run as root, so the server runs as the `postgres` system user with its data under /tmp.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${PGPORT:-55432}
PGDATA_DIR=${PGDATA_DIR:-/tmp/sora-prompt-genie-pg-$PGPORT}
PGPASSWORD_VALUE=${PGPASSWORD_VALUE:-sora-dev}
PG_USER=postgres

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

url() { echo "postgres://postgres:${PGPASSWORD_VALUE}@127.0.0.1:${PGPORT}/postgres"; }

start() {
  if [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL binaries not found in $PGBIN (scripts/install-deps installs them)" >&2
    exit 1
  fi
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" = "0" ] && chown "$PG_USER:$PG_USER" "$PGDATA_DIR"
    pwfile=$(mktemp)
    echo "$PGPASSWORD_VALUE" > "$pwfile"
    chmod 644 "$pwfile"
    as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    echo "PostgreSQL already running on 127.0.0.1:$PGPORT"
    return
  fi
  # A start can fail for a moment (the port still held by an outgoing connection on a busy machine): try again, and
  # show the server's own reason each time.
  for attempt in 1 2 3; do
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null; then
      echo "PostgreSQL running on 127.0.0.1:$PGPORT"
      return
    fi
    echo "PostgreSQL did not start on 127.0.0.1:$PGPORT (attempt $attempt of 3); server log:" >&2
    tail -n 5 "$PGDATA_DIR/server.log" >&2 || true
    sleep 2
  done
  exit 1
}

stop() {
  if [ -f "$PGDATA_DIR/PG_VERSION" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  destroy) stop; rm -rf "$PGDATA_DIR" ;;
  status) as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|destroy|status|url" >&2; exit 2 ;;
esac
