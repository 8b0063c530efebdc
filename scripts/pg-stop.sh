#!/bin/sh
# Stop a cluster started by pg-start.sh and delete its data: pg-stop.sh <PGDIR>
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -d "$1" ] || exit 0
if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D '$1' -m immediate stop" >/dev/null 2>&1
else "$PGBIN/pg_ctl" -D "$1" -m immediate stop >/dev/null 2>&1; fi
rm -rf "$1"
