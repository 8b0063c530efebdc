import { db } from "~/utils/db.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { DomainError, EmailTakenError, NotFoundError } from "~/utils/errors";
import { hashPassword } from "~/utils/password.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { assertAcceptablePassword } from "./password-policy.server";
import type { Role } from "~/utils/permissions";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export type NewUser = { email: string; name: string; password: string; roles: Role[] };

export async function createUser(actor: Actor, input: NewUser, meta: RequestMeta) {
  const email = normaliseEmail(input.email);
  assertAcceptablePassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError(email);
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), passwordHash, roles: { create: input.roles.map((role) => ({ role })) } },
      select: { id: true, email: true },
    });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "user.create", entityType: "User", entityId: user.id, details: { v: 1, roles: input.roles } },
    );
    return user;
  });
}

export async function listUsers({ page, query }: { page: number; query?: string }) {
  const where = query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query } }] } : {};
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, active: true, lastSignInAt: true, roles: { select: { role: true } } },
      ...pageWindow(page),
    }),
    db.user.count({ where }),
  ]);
  return toPage(
    items.map((u) => ({ ...u, roles: u.roles.map((r) => r.role as Role) })),
    total,
    page,
  );
}

export async function getUserForAdmin(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      lastSignInAt: true,
      createdAt: true,
      totpEnabledAt: true,
      lockedUntil: true,
      roles: { select: { role: true } },
      _count: { select: { authSessions: { where: { revokedAt: null, pendingStep: null, expiresAt: { gt: new Date() } } } } },
    },
  });
  if (!user) return null;
  const { lockedUntil, ...rest } = user;
  return {
    ...rest,
    roles: user.roles.map((r) => r.role as Role),
    activeSessions: user._count.authSessions,
    lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil : null,
  };
}

/** Change a user's name and roles. */
export async function updateUser(actor: Actor, id: string, input: { name: string; roles: Role[] }, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { name: true, roles: { select: { role: true } } } });
    if (!before) throw new NotFoundError("User not found");
    const oldRoles = before.roles.map((r) => r.role).sort();
    const newRoles = [...input.roles].sort();
    const changed: string[] = [];
    if (before.name !== input.name.trim()) changed.push("name");
    if (oldRoles.join() !== newRoles.join()) changed.push("roles");
    await tx.user.update({ where: { id }, data: { name: input.name.trim() } });
    if (changed.includes("roles")) {
      await tx.userRole.deleteMany({ where: { userId: id } });
      await tx.userRole.createMany({ data: newRoles.map((role) => ({ userId: id, role })) });
      // New roles may shorten the idle timeout or remove access: make the user sign in again.
      await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "user.update",
        entityType: "User",
        entityId: id,
        details: { v: 1, changed, ...(changed.includes("roles") ? { roles: newRoles } : {}) },
      },
    );
  });
}

/** Deactivating ends every session of the user at once; nothing is deleted. */
export async function setUserActive(actor: Actor, id: string, active: boolean, meta: RequestMeta) {
  if (!active && id === actor.id) throw new DomainError("You cannot deactivate your own account", "active");
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new NotFoundError("User not found");
    await tx.user.update({ where: { id }, data: { active } });
    if (!active) await tx.authSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: id, details: { v: 1 } },
    );
  });
}
