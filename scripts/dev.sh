#!/usr/bin/env bash
# `npm run dev`: the app on the demo database (prisma/demo.db, created with demo data as `npm run demo` does if it is
# missing), in development mode. `remix dev` rebuilds on every change under app/, restarts the Express server
# (server.ts, which tells it when it is ready) and reloads the page in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

. scripts/demo-database.sh
node scripts/copy-govuk-assets.mjs
echo "Outreach (development) on $APP_URL; sign-ins as for 'npm run demo' (README). Stop with Ctrl+C."
# The dev server's own port (its websocket tells the page to reload): REMIX_DEV_PORT, default 3001.
exec npx remix dev --port "${REMIX_DEV_PORT:-3001}" -c "node --import tsx server.ts"
