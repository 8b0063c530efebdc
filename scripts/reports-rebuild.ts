// npm run reports:rebuild: recomputes Session.pupilCount (the reports' per-session pupils, kept by database triggers:
// docs/decisions/023-reports-speed.md) from the pupil counts, and says how many sessions it corrected (normally none).
import { rebuildPupilCounts } from "~/models/reach.server";
import { db } from "~/utils/db.server";
import { runAsScript, type CliIo } from "./cli";

export async function main(_argv: string[], io: CliIo): Promise<number> {
  const corrected = await rebuildPupilCounts();
  io.stdout(`Pupils per session rebuilt from the pupil counts: ${corrected} session(s) corrected.\n`);
  return 0;
}

await runAsScript(import.meta.url, main, () => db.$disconnect());
