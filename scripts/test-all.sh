#!/usr/bin/env bash
# Every test, on SQLite and PostgreSQL, and in a real browser. Installs what it needs (as root) or says what to install.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_nodedir=${npm_config_nodedir:-/usr} # node-gyp builds better-sqlite3 against the installed headers
REPORTS=$(mktemp -d /tmp/outreach-test-reports.XXXXXX)
t0=$(date +%s)
passed=0 failed=0 failures=()

section() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$1" "$(($(date +%s) - t0))"; }
check() { # a step that is one check: check "name" command...
  local name=$1; shift
  section "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}
count_vitest() { # adds a vitest JSON report's counts
  local file=$1 name=$2
  if [ -s "$file" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.success||r.numFailedTests?0:1))' "$file")
  else p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f)); [ "$f" = 0 ] || failures+=("$name")
}
count_playwright() {
  local file=$1 name=$2
  if [ -s "$file" ]; then
    read -r p f < <(node -e 'const s=require(process.argv[1]).stats;console.log(s.expected, s.unexpected + s.flaky)' "$file")
  else p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f)); [ "$f" = 0 ] || failures+=("$name")
}

section "System packages"
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}" ] || missing+=(chromium-headless-shell)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v pg_dump >/dev/null || missing+=(postgresql-client)
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd) # the real IMAP server of the reply tests (scripts/test-imap-server.sh)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install ${missing[*]} failed"; exit 1; }
  else
    echo "Missing system packages. Install them, then run again:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
echo "chromium-headless-shell, postgresql, dovecot and a C++ toolchain are present"
# The IMAP reply tests skip without dovecot when run alone; here a missing server is a failure.
export REQUIRE_IMAP_SERVER=1

# PostgreSQL needs nothing from npm: start the throwaway cluster now, in the background, and use it after the build.
PGDIR_FILE=$(mktemp)
PGPORT=${TEST_PGPORT:-$((54400 + RANDOM % 500))}
PGDIR_FILE=$PGDIR_FILE PGPORT=$PGPORT sh scripts/pg-start.sh >"$REPORTS/pg-url" 2>"$REPORTS/pg-start.log" &
pg_start=$!
# Throwaway files in memory where the machine has it: SQLite syncs the disk at every commit.
SCRATCH=$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp)/outreach-test-all.XXXXXX")
cleanup() {
  wait "$pg_start" 2>/dev/null
  [ -s "$PGDIR_FILE" ] && sh scripts/pg-stop.sh "$(cat "$PGDIR_FILE")"
  rm -rf "$SCRATCH" "$PGDIR_FILE"
}
trap cleanup EXIT

section "npm dependencies"
# better-sqlite3 compiles SQLite with node-gyp when no prebuilt binary can be downloaded (about a minute of one core).
# Its installer (prebuild-install) first looks in this folder for the release archive of its version, Node ABI,
# platform and architecture; the archive is written there after a build, so a later clean clone on this machine
# unpacks it instead of compiling. A new machine compiles once.
NATIVE_CACHE=${OUTREACH_NATIVE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/outreach/prebuilds}
mkdir -p "$NATIVE_CACHE"
installed=0
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Set for npm ci only: npm warns once about a setting it doesn't know, and would on every later npm command.
  npm_config_better_sqlite3_local_prebuilds=$NATIVE_CACHE npm ci --no-audit --no-fund --prefer-offline ||
    { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
  installed=1
else
  echo "node_modules is up to date"
fi
prebuilt=$NATIVE_CACHE/$(node -p '`better-sqlite3-v${require("better-sqlite3/package.json").version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`')
if [ ! -f "$prebuilt" ] && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  tar -czf "$prebuilt.$$" -C node_modules/better-sqlite3 build/Release/better_sqlite3.node && mv "$prebuilt.$$" "$prebuilt"
fi
# npm ci generated the Prisma clients (postinstall); a kept node_modules may hold clients of an older schema.
if [ "$installed" = 0 ]; then
  npm run --silent db:generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# Typecheck, lint, knip and the migration checks run in the background beside the build and the test lanes (none of
# them changes what the others read); their results are read at the end.
background_names=() background_logs=() background_pids=()
in_background() { # name command...: a check whose output goes to a log, reported at the end
  local name=$1 log="$REPORTS/background-${#background_pids[@]}.log"; shift
  "$@" >"$log" 2>&1 &
  background_names+=("$name") background_logs+=("$log") background_pids+=($!)
}
in_background "typecheck" npx tsc
in_background "lint" npm run --silent lint
in_background "unused code (knip)" npm run --silent knip
in_background "migration drift (SQLite)" env DATABASE_URL="file:$SCRATCH/drift.db" npm run --silent db:drift
check "build" npm run --silent build

section "PostgreSQL (throwaway cluster)"
wait "$pg_start" && PG_URL=$(cat "$REPORTS/pg-url") && [ -n "$PG_URL" ] ||
  { cat "$REPORTS/pg-start.log"; echo "could not start PostgreSQL"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
echo "PostgreSQL at $PG_URL"
psql_admin() { psql "${PG_URL%/app}/postgres" -v ON_ERROR_STOP=1 -qtAc "$1"; }
in_background "migration drift (PostgreSQL)" env DATABASE_URL="$PG_URL" npm run --silent db:drift:pg
in_background "migrations apply (PostgreSQL)" env DATABASE_URL="$PG_URL" npx prisma migrate deploy

# The demo data for each database's journeys is seeded beside the vitest run; the journeys of both lanes share one
# folder of "axe has scanned this page template" markers (tests/e2e/fixtures.ts): the markup does not depend on the
# database, so each template is scanned once per run.
psql_admin "create database outreach_e2e owner app" >/dev/null
export AXE_SCANNED_DIR=$SCRATCH/axe-scanned
mkdir -p "$AXE_SCANNED_DIR"
E2E_SQLITE_URL="file:$SCRATCH/e2e.db" E2E_POSTGRES_URL="${PG_URL%/app}/outreach_e2e"
E2E_DATABASE_URL=$E2E_SQLITE_URL bash scripts/e2e-db.sh >"$REPORTS/e2e-sqlite.log" 2>&1 &
seed_sqlite=$!
E2E_DATABASE_URL=$E2E_POSTGRES_URL bash scripts/e2e-db.sh >"$REPORTS/e2e-postgres.log" 2>&1 &
seed_postgres=$!

# vitest on both databases in one run (vitest.config.ts), one worker per core: a worker takes the next file of either
# database as it comes free, so neither database's pass waits for the other's.
section "vitest on SQLite and PostgreSQL"
vitest_start=$(date +%s)
TEST_BOTH_DATABASES=1 TEST_DATABASE_URL=$PG_URL npx vitest run --maxWorkers="$(nproc)" --reporter=default --reporter=json \
  --outputFile.json="$REPORTS/vitest.json" >"$REPORTS/vitest.log" 2>&1
echo "vitest took $(($(date +%s) - vitest_start))s"

# Then the journeys on both databases side by side, each against a server of its own.
section "Playwright journeys on both databases"
journeys() { # name database-url port
  local name=$1 url=$2 port=$3
  E2E_DATABASE_URL=$url E2E_PORT=$port E2E_WORKERS=${E2E_WORKERS:-2} E2E_OUTPUT_DIR="test-results/$name" \
    PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e-$name.json" npx playwright test >>"$REPORTS/e2e-$name.log" 2>&1
}
wait "$seed_sqlite"
seeded_sqlite=$?
wait "$seed_postgres"
seeded_postgres=$?
journeys_start=$(date +%s)
# A lane whose seed failed runs no journeys: its log holds the seed's error, and its missing report counts as a failure.
[ "$seeded_sqlite" = 0 ] && journeys sqlite "$E2E_SQLITE_URL" "${E2E_PORT:-3114}" &
sqlite_journeys=$!
[ "$seeded_postgres" = 0 ] && journeys postgres "$E2E_POSTGRES_URL" "${E2E_PG_PORT:-3115}" &
postgres_journeys=$!
wait "$sqlite_journeys" "$postgres_journeys"
echo "the journeys took $(($(date +%s) - journeys_start))s; $(ls "$AXE_SCANNED_DIR" | wc -l) page templates scanned by axe"

# The short soak (scripts/soak.ts, ADR 022) after the journeys, when the machine is free: three app servers and two
# workers on a database of its own on this cluster, one minute of load with a server and a worker killed. It fails on
# any double-booking, lost acknowledged write, or email sent twice or never. Beside the journeys (load average 20) its
# cast answered too few invitations in its minute and it failed.
soak_start=$(date +%s)
check "soak and fault test (1 minute, no PostgreSQL restart)" npm run --silent soak -- --minutes 1 --no-pg-restart --database-url "$PG_URL"
echo "the soak took $(($(date +%s) - soak_start))s"

for i in "${!background_pids[@]}"; do
  section "${background_names[$i]}"
  cat "${background_logs[$i]}"
  if wait "${background_pids[$i]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("${background_names[$i]}"); fi
done

section "vitest on SQLite and PostgreSQL"
cat "$REPORTS/vitest.log"
count_vitest "$REPORTS/vitest.json" "vitest (SQLite and PostgreSQL)"

section "Playwright in Chromium on SQLite"
cat "$REPORTS/e2e-sqlite.log"
count_playwright "$REPORTS/e2e-sqlite.json" "Playwright (SQLite)"

section "Playwright in Chromium on PostgreSQL"
cat "$REPORTS/e2e-postgres.log"
count_playwright "$REPORTS/e2e-postgres.json" "Playwright (PostgreSQL)"

section "Summary"
echo "took $(( $(date +%s) - t0 ))s; reports in $REPORTS"
[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
