import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import type { SessionUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { DomainError, NotFoundError } from "~/utils/errors";
import { pageWindow, toPage } from "~/utils/pagination";

// A signed-in browser: live, fully signed in (not half way through two-factor).
const live = (now: Date) => ({ revokedAt: null, pendingStep: null, expiresAt: { gt: now } });

/** The browsers a user is signed in on, most recently used first; `current` marks this one. */
export async function listSignedInBrowsers(user: SessionUser, page: number, now = new Date()) {
  const where = { userId: user.id, ...live(now) };
  const [items, total] = await Promise.all([
    db.authSession.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
      select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
      ...pageWindow(page),
    }),
    db.authSession.count({ where }),
  ]);
  return toPage(
    items.map((s) => ({ ...s, current: s.id === user.authSessionId })),
    total,
    page,
  );
}

/** Sign one of your other browsers out. Another user's session, or this one, is "not found". */
export async function endOtherBrowser(user: SessionUser, authSessionId: string, meta: RequestMeta, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.authSession.updateMany({
      where: { id: authSessionId, userId: user.id, NOT: { id: user.authSessionId }, ...live(now) },
      data: { revokedAt: now },
    });
    if (count !== 1) throw new DomainError("That browser is already signed out");
    await writeAudit(
      tx,
      { actor: user, meta },
      {
        action: "auth.session_ended",
        entityType: "User",
        entityId: user.id,
        details: { v: 1, scope: "one", authSessionId, count },
      },
    );
  });
}

/** An admin signs a user out of every browser. Returns how many sessions ended. */
export async function endAllSessionsOf(actor: Actor, userId: string, meta: RequestMeta, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!found) throw new NotFoundError("User not found");
    const { count } = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "auth.session_ended", entityType: "User", entityId: userId, details: { v: 1, scope: "all", count } },
    );
    return count;
  });
}
