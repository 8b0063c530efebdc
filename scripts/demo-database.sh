# Sourced by scripts/demo.sh and scripts/dev.sh: the demo's environment and its SQLite database (prisma/demo.db),
# created with demo data on first use and kept afterwards.

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
export DEMO_MODE=true

npx prisma migrate deploy
npx tsx prisma/seed.ts
