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

# Secrets for the demo, made once and kept beside the database (gitignored).
if [ ! -f .demo-secrets.env ]; then
  node -e 'const c=require("node:crypto");console.log(`SESSION_SECRET=${c.randomBytes(32).toString("base64url")}\nDISCLOSURE_ENCRYPTION_KEY=${c.randomBytes(32).toString("base64")}`)' > .demo-secrets.env
  chmod 600 .demo-secrets.env
  echo "Generated a session secret and a disclosure encryption key for the demo in .demo-secrets.env."
  echo "Keep that file: without the key, disclosures saved in the demo cannot be read."
fi
set -a
. ./.demo-secrets.env
set +a
export PORT=${PORT:-3000}
export DATABASE_URL=${DATABASE_URL:-file:./prisma/demo.db}
export APP_URL=${APP_URL:-http://localhost:$PORT}
export NODE_ENV=production DEMO_MODE=true

npx prisma migrate deploy
npx tsx prisma/seed.ts
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
exec node --import tsx server.ts
