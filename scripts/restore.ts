// npm run restore -- <backup file> [--force]: restore a backup made by `npm run backup` into DATABASE_URL.
// Refuses a database that already has tables unless --force (stop the app first).
import { restoreDatabase } from "./backup-restore";
import { runAsScript, type CliIo } from "./cli";

export async function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const file = argv.find((a) => !a.startsWith("--"));
  const url = env.DATABASE_URL ?? "file:./prisma/dev.db";
  if (!file) {
    io.stderr("Usage: npm run restore -- <backup file> [--force]\n");
    return 2;
  }
  try {
    await restoreDatabase(url, file, { force: argv.includes("--force") });
    io.stdout(`Restored ${file}\n`);
    return 0;
  } catch (error) {
    io.stderr(`Restore failed: ${(error as Error).message}\n`);
    return 1;
  }
}

await runAsScript(import.meta.url, main);
