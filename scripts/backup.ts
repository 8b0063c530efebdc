// npm run backup [-- <folder>]: a consistent, timestamped copy of the database in ./backups (or BACKUP_DIR / <folder>).
import { backupDatabase } from "./backup-restore";
import { runAsScript, type CliIo } from "./cli";

export async function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const url = env.DATABASE_URL ?? "file:./prisma/dev.db";
  const dir = argv[0] ?? env.BACKUP_DIR ?? "backups";
  try {
    io.stdout(`Backup written: ${await backupDatabase(url, dir)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`Backup failed: ${(error as Error).message}\n`);
    return 1;
  }
}

await runAsScript(import.meta.url, main);
