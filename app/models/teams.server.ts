// Touring teams and trainers: who delivers, how many sessions a day, on which weekdays, from where.
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";
import { rolesWith } from "~/utils/permissions";
import type { TeamInput } from "~/forms/reference.server";

/** A chosen member does not exist, is inactive or does not hold the facilitator role. */
export class NotAFacilitatorError extends DomainError {
  constructor(public readonly userIds: string[]) {
    super("Members must be active users with the facilitator role", "memberIds");
  }
}

const MAX_FACILITATORS_LISTED = 500;

/** Active facilitators, for the members checkboxes. */
export function facilitatorOptions() {
  return db.user.findMany({
    where: { active: true, roles: { some: { role: { in: rolesWith("session:read-own-team") } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
    take: MAX_FACILITATORS_LISTED,
  });
}

async function assertFacilitators(tx: Tx, userIds: string[]) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return unique;
  const found = await tx.user.findMany({
    where: { id: { in: unique }, active: true, roles: { some: { role: { in: rolesWith("session:read-own-team") } } } },
    select: { id: true },
  });
  const ok = new Set(found.map((u) => u.id));
  const bad = unique.filter((id) => !ok.has(id));
  if (bad.length) throw new NotAFacilitatorError(bad);
  return unique;
}

function toRow(input: TeamInput) {
  return {
    name: input.name,
    provider: input.provider ?? null,
    sessionsPerDay: input.sessionsPerDay,
    workingWeekdays: [...new Set(input.workingWeekdays)].sort().join(","),
    basePostcode: input.basePostcode ?? null,
    baseEasting: input.baseEasting ?? null,
    baseNorthing: input.baseNorthing ?? null,
  };
}

export async function listTeams({ page }: { page: number }) {
  const where = { archivedAt: null };
  const [items, total] = await Promise.all([
    db.team.findMany({
      where,
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        provider: true,
        sessionsPerDay: true,
        workingWeekdays: true,
        basePostcode: true,
        baseEasting: true,
        baseNorthing: true,
        _count: { select: { members: true } },
      },
      ...pageWindow(page),
    }),
    db.team.count({ where }),
  ]);
  return toPage(items, total, page);
}

export function getTeam(id: string) {
  return db.team.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      provider: true,
      sessionsPerDay: true,
      workingWeekdays: true,
      basePostcode: true,
      baseEasting: true,
      baseNorthing: true,
      archivedAt: true,
      members: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
}

/** The team edit page: the team and the facilitators who could be members. */
export async function teamEditPage(id: string) {
  const [team, facilitators] = await Promise.all([getTeam(id), facilitatorOptions()]);
  return team ? { team, facilitators } : null;
}

export async function createTeam(actor: Actor, input: TeamInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const memberIds = await assertFacilitators(tx, input.memberIds);
    const team = await tx.team.create({
      data: { ...toRow(input), members: { create: memberIds.map((userId) => ({ userId })) } },
      select: { id: true, name: true },
    });
    await writeAudit(tx, { actor, meta }, { action: "team.create", entityType: "Team", entityId: team.id, details: { v: 1, memberIds } });
    return team;
  });
}

export async function updateTeam(actor: Actor, id: string, input: TeamInput, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.team.findUnique({
      where: { id },
      select: {
        name: true,
        provider: true,
        sessionsPerDay: true,
        workingWeekdays: true,
        basePostcode: true,
        baseEasting: true,
        baseNorthing: true,
        members: { select: { userId: true } },
      },
    });
    if (!before) throw new NotFoundError("Team not found");
    const memberIds = await assertFacilitators(tx, input.memberIds);
    const row = toRow(input);
    const changed: string[] = (Object.keys(row) as (keyof typeof row)[]).filter((k) => before[k] !== row[k]);
    const oldMembers = before.members
      .map((m) => m.userId)
      .sort()
      .join();
    if (oldMembers !== [...memberIds].sort().join()) {
      changed.push("members");
      await tx.teamMember.deleteMany({ where: { teamId: id } });
      if (memberIds.length) await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId: id, userId })) });
    }
    await tx.team.update({ where: { id }, data: row });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "team.update", entityType: "Team", entityId: id, details: { v: 1, changed, memberIds } },
    );
  });
}
