// npm run reports:rebuild: recomputes what database triggers keep for the reports — Session.pupilCount from the pupil
// counts (docs/decisions/023-reports-speed.md), each session's disclosure counts and the delivered-day summary
// (docs/decisions/029-delivered-days.md), the days each person was trained (docs/decisions/030-trained-days.md), and
// the evaluation count tables from the questionnaire answers (docs/decisions/027-evaluation-counts.md) — and says how
// many it corrected (normally none).
import { rebuildDeliveredDays, rebuildTrainedDays } from "~/models/delivered-days.server";
import { rebuildEvaluationCounts } from "~/models/evaluation-counts.server";
import { rebuildPupilCounts } from "~/models/reach.server";
import { db } from "~/utils/db.server";
import { runAsScript, type CliIo } from "./cli";

export async function main(_argv: string[], io: CliIo): Promise<number> {
  const corrected = await rebuildPupilCounts();
  io.stdout(`Pupils per session rebuilt from the pupil counts: ${corrected} session(s) corrected.\n`);
  const delivered = await rebuildDeliveredDays();
  io.stdout(
    `Disclosures per session rebuilt from the disclosures: ${delivered.sessions} session(s) corrected.\n` +
      `Delivered sessions by day and programme rebuilt from the sessions: ${delivered.days} day(s) corrected.\n`,
  );
  const trained = await rebuildTrainedDays();
  io.stdout(`Days each person was trained rebuilt from the registers: ${trained} row(s) corrected.\n`);
  const evaluation = await rebuildEvaluationCounts();
  io.stdout(
    `Questionnaire counts rebuilt from the answers: ${evaluation.answerCounts} answer count(s) and ${evaluation.responseCounts} response count(s) corrected.\n`,
  );
  return 0;
}

await runAsScript(import.meta.url, main, () => db.$disconnect());
