// What the council sets for its published reports: a larger small-number threshold for the public version of the
// annual review (docs/decisions/018-report-pdfs-and-public-version.md). Staff reports always suppress below 5.
import { z } from "zod";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { DEFAULT_THRESHOLD } from "~/utils/suppression";

const PUBLIC_THRESHOLD_KEY = "reports.publicSuppressionThreshold";
export const MAX_PUBLIC_THRESHOLD = 100;

const thresholdValue = z.number().int().min(DEFAULT_THRESHOLD).max(MAX_PUBLIC_THRESHOLD);

/** The council's own public threshold, or null when it has not set one. */
export async function councilPublicThreshold(): Promise<number | null> {
  const row = await db.setting.findUnique({ where: { key: PUBLIC_THRESHOLD_KEY }, select: { value: true } });
  const parsed = thresholdValue.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** The smallest count a public report shows as a number: the council's setting, never below the usual 5. */
export async function publicThreshold(): Promise<number> {
  return (await councilPublicThreshold()) ?? DEFAULT_THRESHOLD;
}

export const reportSettingsSchema = z.object({
  publicThreshold: z.coerce
    .number({ error: `Enter a whole number from ${DEFAULT_THRESHOLD} to ${MAX_PUBLIC_THRESHOLD}` })
    .int({ error: "Enter a whole number, for example 10" })
    .min(DEFAULT_THRESHOLD, { error: `Enter ${DEFAULT_THRESHOLD} or more` })
    .max(MAX_PUBLIC_THRESHOLD, { error: `Enter ${MAX_PUBLIC_THRESHOLD} or fewer` }),
});

/** Set the public threshold (5 is the same as none), with its audit row in the same transaction. */
export async function savePublicThreshold(actor: Actor, value: number, meta: RequestMeta) {
  const after = thresholdValue.parse(value);
  await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: PUBLIC_THRESHOLD_KEY }, select: { value: true } });
    const before = thresholdValue.safeParse(row?.value);
    await tx.setting.upsert({
      where: { key: PUBLIC_THRESHOLD_KEY },
      create: { key: PUBLIC_THRESHOLD_KEY, value: after, updatedById: actor.id },
      update: { value: after, updatedById: actor.id },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "report.settings_update",
        entityType: "Setting",
        entityId: PUBLIC_THRESHOLD_KEY,
        details: { v: 1, before: before.success ? before.data : null, after },
      },
    );
  });
}
