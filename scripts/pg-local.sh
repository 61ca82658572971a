#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the test suite (used by .ci/run; handy locally).
# Usage: scripts/pg-local.sh [dir] [port]  → prints the TEST_DATABASE_URL to use.
set -euo pipefail
dir=${1:-/tmp/guanxi-pg}
port=${2:-5432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "postgres://postgres@127.0.0.1:$port/postgres"; exit 0
fi
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  as_pg "$bin/initdb" -D "$dir" -E UTF8 --locale=C.UTF-8 -U postgres --auth=trust >/dev/null
fi
# Tests only: durability off for speed, loopback only.
as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
