// npm run restore -- <backup file> [--force]: restore a backup made by `npm run backup` into DATABASE_URL.
// Refuses a database that already has tables unless --force (stop the app first).
import { restoreDatabase } from "./backup-restore";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
if (!file) {
  console.error("Usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}
try {
  await restoreDatabase(url, file, { force: args.includes("--force") });
  console.log(`Restored ${file}`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
