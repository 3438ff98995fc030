#!/usr/bin/env bash
# Run a command against PostgreSQL. Uses $DATABASE_URL when set; otherwise starts a throwaway
# cluster in a temp dir (as an unprivileged user when run as root), runs the command, and removes it.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir=$(pg_config --bindir)
fi
for candidate in /usr/lib/postgresql/*/bin; do
  [ -z "$bindir" ] && [ -x "$candidate/initdb" ] && bindir=$candidate
done
if [ -z "$bindir" ]; then
  echo "PostgreSQL server binaries not found: install postgresql (Debian: apt-get install postgresql)" >&2
  exit 1
fi

tmp=$(mktemp -d /tmp/nerima-pg.XXXXXX)
chmod 755 "$tmp"
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$tmp"
  as_pg=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cleanup() {
  # For scripts/timed.py: the server's CPU seconds (its own and its finished backends'); it is no child of ours.
  if [ -n "${POSTGRES_CPU_FILE:-}" ] && [ -f "$tmp/data/postmaster.pid" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' \
      "/proc/$(head -1 "$tmp/data/postmaster.pid")/stat" >"$POSTGRES_CPU_FILE" 2>/dev/null || true
  fi
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# C.UTF-8 so that pg_trgm sees Japanese characters.
"${as_pg[@]}" "$bindir/initdb" -D "$tmp/data" --locale=C.UTF-8 --encoding=UTF8 -U postgres --auth=trust >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres nerima

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/nerima"
"$@"
