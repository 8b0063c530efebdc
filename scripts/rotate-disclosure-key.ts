// Re-encrypt every disclosure text under a new key:
//   NEW_DISCLOSURE_ENCRYPTION_KEY=<base64> npm run rotate-disclosure-key        (or --new-key <base64>)
// The current key comes from DISCLOSURE_ENCRYPTION_KEY. One transaction; safe to run again; audited.
// Afterwards set DISCLOSURE_ENCRYPTION_KEY to the new key and restart the app.
import { parseArgs } from "node:util";
import { rotateDisclosureKey } from "~/models/disclosure-keys.server";
import { currentKey, keyFromBase64 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { runAsScript, type CliIo } from "./cli";

export async function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const { values } = parseArgs({ args: argv, options: { "new-key": { type: "string" } } });
    const newKeyBase64 = values["new-key"] ?? env.NEW_DISCLOSURE_ENCRYPTION_KEY;
    if (!newKeyBase64)
      throw new Error("Give the new key as NEW_DISCLOSURE_ENCRYPTION_KEY or --new-key (generate one with: openssl rand -base64 32).");
    const result = await rotateDisclosureKey({ oldKey: currentKey(), newKey: keyFromBase64(newKeyBase64) });
    io.stdout(
      `Re-encrypted ${result.rotated} text(s) from key ${result.fromKeyId} to key ${result.toKeyId}; ${result.alreadyCurrent} already used the new key.\n`,
    );
    io.stdout("Now set DISCLOSURE_ENCRYPTION_KEY to the new key and restart Outreach.\n");
    return 0;
  } catch (error) {
    io.stderr(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

await runAsScript(import.meta.url, main, () => db.$disconnect());
