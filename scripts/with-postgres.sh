#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on a free local port, then stops it.
# The command sees TEST_DATABASE_URL. Usage: scripts/with-postgres.sh npm test
set -euo pipefail

find_bin() {
	for dir in "${PG_BIN:-}" /usr/local/bin /usr/lib/postgresql/*/bin; do
		if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
	done
	return 1
}

if ! bin=$(find_bin); then
	echo "PostgreSQL's initdb and pg_ctl were not found. Install PostgreSQL (apt-get install -y postgresql) or set PG_BIN." >&2
	exit 1
fi

# initdb refuses to run as root, so the server runs as the postgres user when we are root.
as_owner=()
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi

work=$(mktemp -d /tmp/attribution-lab-pg.XXXXXX)
chmod 755 "$work"
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; fi
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

stop() {
	"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$work/data" -A trust -U postgres --no-sync >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
	-o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
echo "Throwaway PostgreSQL is running on 127.0.0.1:$port"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
