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

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
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
echo "chromium, postgresql and a C++ toolchain are present"

section "npm dependencies"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
else
  echo "node_modules is up to date"
fi
npm run --silent db:generate >/dev/null || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }

check "typecheck" npx tsc
check "lint" npm run --silent lint
check "unused code (knip)" npm run --silent knip
check "build" npm run --silent build

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

section "vitest on SQLite"
npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-sqlite.json"
count_vitest "$REPORTS/vitest-sqlite.json" "vitest (SQLite)"

section "vitest on PostgreSQL"
TEST_DATABASE_URL=$PG_URL npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-postgres.json"
count_vitest "$REPORTS/vitest-postgres.json" "vitest (PostgreSQL)"

# The two browser runs go side by side (each its own database, server port and output folder): most of their time
# is spent waiting on pages and on fresh two-factor codes, not on the CPU.
e2e_run() { # database-url port name: seed that database, then run every journey against a server on that port
  local url=$1 port=$2 name=$3
  if E2E_DATABASE_URL=$url bash scripts/e2e-db.sh; then
    E2E_DATABASE_URL=$url E2E_PORT=$port E2E_OUTPUT_DIR="test-results/$name" PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e-$name.json" npx playwright test
  fi
}
psql_admin "create database outreach_e2e owner app" >/dev/null
e2e_run "file:./prisma/e2e.db" "${E2E_PORT:-3114}" sqlite >"$REPORTS/e2e-sqlite.log" 2>&1 &
sqlite_run=$!
e2e_run "${PG_URL%/app}/outreach_e2e" "${E2E_PG_PORT:-3115}" postgres >"$REPORTS/e2e-postgres.log" 2>&1 &
postgres_run=$!
wait "$sqlite_run" "$postgres_run"

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
