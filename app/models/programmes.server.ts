// Programmes: what is delivered (the play, briefings, driver training…). Archived, never deleted.
import { recomputeRefresherDates } from "~/models/refreshers.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import type { ProgrammeInput } from "~/forms/reference.server";

const FIELDS = [
  "name",
  "kind",
  "provider",
  "audienceType",
  "yearGroups",
  "description",
  "defaultDurationMinutes",
  "capacity",
  "getInMinutes",
  "getOutMinutes",
  "refresherMonths",
] as const;

function toRow(input: ProgrammeInput) {
  return {
    name: input.name,
    kind: input.kind,
    provider: input.provider ?? null,
    audienceType: input.audienceType,
    yearGroups: input.yearGroups.length ? [...input.yearGroups].sort((a, b) => Number(a) - Number(b)).join(",") : null,
    description: input.description ?? null,
    defaultDurationMinutes: input.defaultDurationMinutes,
    capacity: input.capacity ?? null,
    getInMinutes: input.getInMinutes ?? 0,
    getOutMinutes: input.getOutMinutes ?? 0,
    refresherMonths: input.refresherMonths ?? null,
  };
}

export async function listProgrammes({ page, archived = false }: { page: number; archived?: boolean }) {
  const where = { archivedAt: archived ? { not: null } : null };
  const [items, total] = await Promise.all([
    db.programme.findMany({
      where,
      orderBy: [{ name: "asc" }],
      select: {
        id: true,
        name: true,
        kind: true,
        provider: true,
        audienceType: true,
        yearGroups: true,
        defaultDurationMinutes: true,
        capacity: true,
        archivedAt: true,
      },
      ...pageWindow(page),
    }),
    db.programme.count({ where }),
  ]);
  return toPage(items, total, page);
}

export function getProgramme(id: string) {
  return db.programme.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      provider: true,
      audienceType: true,
      yearGroups: true,
      description: true,
      defaultDurationMinutes: true,
      capacity: true,
      getInMinutes: true,
      getOutMinutes: true,
      refresherMonths: true,
      archivedAt: true,
      _count: { select: { sessions: true } },
    },
  });
}

export async function createProgramme(actor: Actor, input: ProgrammeInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const programme = await tx.programme.create({ data: toRow(input), select: { id: true, name: true } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "programme.create", entityType: "Programme", entityId: programme.id, details: { v: 1 } },
    );
    return programme;
  });
}

export async function updateProgramme(actor: Actor, id: string, input: ProgrammeInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.programme.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Programme not found");
    const row = toRow(input);
    const changed = FIELDS.filter((f) => before[f] !== row[f]);
    await tx.programme.update({ where: { id }, data: row });
    // Certificates store their refresher due date, so a new period moves every holder's date with it.
    if (changed.includes("refresherMonths")) await recomputeRefresherDates(tx, id);
    await writeAudit(
      tx,
      { actor, meta },
      { action: "programme.update", entityType: "Programme", entityId: id, details: { v: 1, changed } },
    );
  });
}

/** Archiving hides a programme from new bookings; its sessions and reports keep it. */
export async function setProgrammeArchived(actor: Actor, id: string, archived: boolean, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const found = await tx.programme.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new NotFoundError("Programme not found");
    await tx.programme.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: archived ? "programme.archive" : "programme.restore", entityType: "Programme", entityId: id, details: { v: 1 } },
    );
  });
}
