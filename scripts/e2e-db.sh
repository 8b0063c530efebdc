#!/usr/bin/env bash
# A fresh database with demo data for the end-to-end tests: SQLite by default, or $E2E_DATABASE_URL.
set -euo pipefail
url=${E2E_DATABASE_URL:-file:./prisma/e2e.db}
if [[ $url == file:* ]]; then rm -f "prisma/${url#file:./prisma/}"; fi
DATABASE_URL=$url npx prisma migrate deploy >/dev/null
DATABASE_URL=$url npx tsx prisma/seed.ts
