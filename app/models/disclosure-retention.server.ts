// Retention: records past their retain-until date are listed for a lead, who confirms each deletion.
// Legal hold (an inquiry) always wins. The deletion is audited; the audit row outlives the record.
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { assertCan, rolesWith } from "~/utils/permissions";
import { todayInLondon } from "~/utils/time";
import { RetentionError } from "./disclosures.server";

/** The retention script run by the system owner on the server: no signed-in user, audited without an actor. */
export const COMMAND_LINE = Symbol("command line");

const pastRetention = (today: string) => ({ retainUntil: { lt: today }, legalHold: false });

/** Records whose retention period has ended and that are not on legal hold, oldest first. */
export async function listPastRetention(
  reader: Actor | typeof COMMAND_LINE,
  { page }: { page: number },
  meta: RequestMeta,
  now = new Date(),
) {
  const actor = reader === COMMAND_LINE ? null : reader;
  if (actor) assertCan(actor, "disclosure:read");
  const where = pastRetention(todayInLondon(now));
  return db.$transaction(async (tx) => {
    // One query at a time: a transaction holds a single connection.
    const items = await tx.disclosure.findMany({
      where,
      orderBy: [{ retainUntil: "asc" }, { id: "asc" }],
      select: { id: true, reference: true, disclosedAt: true, retainUntil: true, referralTo: true, status: true },
      ...pageWindow(page),
    });
    const total = await tx.disclosure.count({ where });
    const held = await tx.disclosure.count({ where: { retainUntil: { lt: todayInLondon(now) }, legalHold: true } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "disclosure.retention_list", entityType: "Disclosure", details: { v: 1, shown: items.map((i) => i.id) } },
    );
    return { ...toPage(items, total, page), onLegalHold: held };
  });
}

/**
 * Delete one record (with its addenda, actions and chronology) after its retention period. The lead names it by
 * reference to confirm. Refused while on legal hold or before its retain-until date.
 */
export async function deleteAfterRetention(actor: Actor, reference: string, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "disclosure:read");
  return db.$transaction(async (tx) => {
    const d = await tx.disclosure.findUnique({
      where: { reference: reference.trim().toUpperCase() },
      select: { id: true, reference: true, retainUntil: true, legalHold: true },
    });
    if (!d) throw new RetentionError(`There is no disclosure with the reference ${reference.trim().toUpperCase()}`, "reference");
    if (d.legalHold) throw new RetentionError(`${d.reference} is on legal hold and cannot be deleted`, "reference");
    if (!d.retainUntil || d.retainUntil >= todayInLondon(now)) {
      throw new RetentionError(`${d.reference} must be kept until ${d.retainUntil ?? "a retention date is set"}`, "reference");
    }
    await tx.disclosure.delete({ where: { id: d.id } });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "disclosure.delete",
        entityType: "Disclosure",
        entityId: d.id,
        details: { v: 1, reference: d.reference, retainUntil: d.retainUntil },
      },
    );
    return { reference: d.reference };
  });
}

/** Who may confirm a deletion from the command line: an active safeguarding lead, named by email. */
export async function leadByEmail(email: string): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true, roles: { some: { role: { in: rolesWith("disclosure:read") } } } },
    select: { id: true, email: true, roles: { select: { role: true } } },
  });
  return user ? { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) } : null;
}
