// npm run backup [-- <folder>]: a consistent, timestamped copy of the database in ./backups (or BACKUP_DIR / <folder>).
import { backupDatabase } from "./backup-restore";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const dir = process.argv[2] ?? process.env.BACKUP_DIR ?? "backups";
try {
  console.log(`Backup written: ${await backupDatabase(url, dir)}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
