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
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
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
echo "chromium, postgresql, dovecot and a C++ toolchain are present"
# The IMAP reply tests skip without dovecot when run alone; here a missing server is a failure.
export REQUIRE_IMAP_SERVER=1

section "npm dependencies"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
else
  echo "node_modules is up to date"
fi
npm run --silent db:generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }

# Typecheck and lint beside the build: none of them changes what the others read.
npx tsc >"$REPORTS/typecheck.log" 2>&1 &
typecheck_run=$!
npm run --silent lint >"$REPORTS/lint.log" 2>&1 &
lint_run=$!
npm run --silent knip >"$REPORTS/knip.log" 2>&1 &
knip_run=$!
check "build" npm run --silent build
logged_check() { # name log pid: the result of a check that ran in the background
  section "$1"
  cat "$2"
  if wait "$3"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}
logged_check "typecheck" "$REPORTS/typecheck.log" "$typecheck_run"
logged_check "lint" "$REPORTS/lint.log" "$lint_run"
logged_check "unused code (knip)" "$REPORTS/knip.log" "$knip_run"

section "PostgreSQL (throwaway cluster)"
PGDIR_FILE=$(mktemp)
PGPORT=${TEST_PGPORT:-$((54400 + RANDOM % 500))}
PG_URL=$(PGDIR_FILE=$PGDIR_FILE PGPORT=$PGPORT sh scripts/pg-start.sh) || { echo "could not start PostgreSQL"; echo "$passed passed, $((failed + 1)) failed"; exit 1; }
PGDIR=$(cat "$PGDIR_FILE")
trap 'sh scripts/pg-stop.sh "$PGDIR"' EXIT
echo "PostgreSQL at $PG_URL"
psql_admin() { psql "${PG_URL%/app}/postgres" -v ON_ERROR_STOP=1 -qtAc "$1"; }

check "migration drift (SQLite)" env DATABASE_URL="file:./prisma/drift.db" npm run --silent db:drift
check "migration drift (PostgreSQL)" env DATABASE_URL="$PG_URL" npm run --silent db:drift:pg
check "migrations apply (PostgreSQL)" env DATABASE_URL="$PG_URL" npx prisma migrate deploy

# Two lanes side by side, one per database: vitest, then the browser journeys against a server on that database.
# So the PostgreSQL vitest pass runs beside the SQLite one and then beside the SQLite browser run, rather than after
# them: much of each lane's time is spent waiting (on pages, child processes and the database), not on the CPU.
# Each lane has its own database, server port and output folder.
psql_admin "create database outreach_e2e owner app" >/dev/null
lane() { # name test-database-url e2e-database-url port
  local name=$1 test_url=$2 e2e_url=$3 port=$4
  TEST_DATABASE_URL=$test_url npx vitest run --maxWorkers="$VITEST_WORKERS" --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-$name.json" \
    >"$REPORTS/vitest-$name.log" 2>&1
  if E2E_DATABASE_URL=$e2e_url bash scripts/e2e-db.sh >"$REPORTS/e2e-$name.log" 2>&1; then
    E2E_DATABASE_URL=$e2e_url E2E_PORT=$port E2E_WORKERS=${E2E_WORKERS:-2} E2E_OUTPUT_DIR="test-results/$name" \
      PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e-$name.json" npx playwright test >>"$REPORTS/e2e-$name.log" 2>&1
  fi
}
VITEST_WORKERS=$(($(nproc) / 2 > 1 ? $(nproc) / 2 : 1)) # each lane half the cores
lane_start=$(date +%s)
lane sqlite "" "file:./prisma/e2e.db" "${E2E_PORT:-3114}" &
sqlite_lane=$!
lane postgres "$PG_URL" "${PG_URL%/app}/outreach_e2e" "${E2E_PG_PORT:-3115}" &
postgres_lane=$!
wait "$sqlite_lane" "$postgres_lane"
echo "both lanes took $(($(date +%s) - lane_start))s"

section "vitest on SQLite"
cat "$REPORTS/vitest-sqlite.log"
count_vitest "$REPORTS/vitest-sqlite.json" "vitest (SQLite)"

section "vitest on PostgreSQL"
cat "$REPORTS/vitest-postgres.log"
count_vitest "$REPORTS/vitest-postgres.json" "vitest (PostgreSQL)"

section "Playwright in Chromium on SQLite"
cat "$REPORTS/e2e-sqlite.log"
count_playwright "$REPORTS/e2e-sqlite.json" "Playwright (SQLite)"

section "Playwright in Chromium on PostgreSQL"
cat "$REPORTS/e2e-postgres.log"
count_playwright "$REPORTS/e2e-postgres.json" "Playwright (PostgreSQL)"

# The short soak (scripts/soak.ts, ADR 022) after the lanes, when the machine is free: three app servers and two workers
# on a database of its own on this cluster, one minute of load with a server and a worker killed. It fails on any
# double-booking, lost acknowledged write, or email sent twice or never.
soak_start=$(date +%s)
check "soak and fault test (1 minute, no PostgreSQL restart)" npm run --silent soak -- --minutes 1 --no-pg-restart --database-url "$PG_URL"
echo "the soak took $(($(date +%s) - soak_start))s"

section "Summary"
echo "took $(( $(date +%s) - t0 ))s; reports in $REPORTS"
[ ${#failures[@]} -eq 0 ] || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
