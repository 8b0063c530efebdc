#!/usr/bin/env bash
# A fresh database with demo data for the end-to-end tests: SQLite by default, or $E2E_DATABASE_URL.
set -euo pipefail
url=${E2E_DATABASE_URL:-file:./prisma/e2e.db}
if [[ $url == file:* ]]; then rm -f "prisma/${url#file:./prisma/}"; fi
DATABASE_URL=$url npx prisma migrate deploy >/dev/null
# The seed encrypts (two-factor keys, disclosures) with the key the e2e server uses (playwright.config.ts).
DATABASE_URL=$url DISCLOSURE_ENCRYPTION_KEY=${DISCLOSURE_ENCRYPTION_KEY:-$(node -p 'Buffer.alloc(32, 9).toString("base64")')} npx tsx prisma/seed.ts
