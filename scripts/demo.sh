#!/usr/bin/env bash
# One command for a new user: install, create the SQLite database with demo data (first run only), build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_nodedir=${npm_config_nodedir:-/usr}

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (the first time takes a few minutes)..."
  npm ci --no-audit --no-fund
fi

export NODE_ENV=production
. scripts/demo-database.sh
npm run --silent build

demo_totp_secret=$(sed -n 's/^export const DEMO_TOTP_SECRET = "\([A-Z2-7]*\)";$/\1/p' prisma/demo-credentials.ts)
cat <<MSG

Outreach demo: $APP_URL
Sign in as any of these (password demo-password-1234):
  coordinator@demo.outreach.test   books, invites, records
  facilitator@demo.outreach.test   touring team
  manager@demo.outreach.test       reports
  lead@demo.outreach.test          safeguarding lead (disclosures), with two-factor
  admin@demo.outreach.test         users, roles, audit log, with two-factor
Two-factor for the demo lead and admin: add this key to an authenticator app (time-based, 6 digits, 30 seconds):
  $demo_totp_secret
or, without an app, run 'npm run demo:code' in another terminal for the current code. Each code works once.
Stop with Ctrl+C. Run 'npm run demo' again to restart: your data is kept in prisma/demo.db.

MSG
exec node build/server.js
