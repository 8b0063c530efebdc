import { createCookie, redirect } from "@remix-run/node";
import { db } from "./db.server";
import { env } from "./env.server";
import { can, type Permission, type Role } from "./permissions";
import { assertSameOrigin } from "./request-security.server";
import { generateToken, hashToken } from "./tokens.server";
import type { RequestMeta } from "./audit.server";

export type SessionUser = { id: string; email: string; name: string; roles: Role[]; authSessionId: string };

const sessionCookie = () =>
  createCookie("outreach_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
    secrets: [env().SESSION_SECRET],
  });

const PRIVILEGED: readonly Role[] = ["LEAD", "ADMIN"];
// Avoid a database write on every request: only extend the session once it is this stale.
const TOUCH_AFTER_MS = 60_000;

/** Idle timeout for a user: shorter for those who can reach disclosures or manage the system. */
export function idleMinutesFor(roles: readonly string[]): number {
  const e = env();
  return roles.some((r) => PRIVILEGED.includes(r as Role)) ? e.SESSION_IDLE_MINUTES_PRIVILEGED : e.SESSION_IDLE_MINUTES;
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** The signed-in user, or null. Expired, revoked and deactivated sessions count as signed out. */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const session = await db.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, expiresAt: true, revokedAt: true, lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, active: true, roles: { select: { role: true } } } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
  const roles = session.user.roles.map((r) => r.role as Role);
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.authSession.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutesFor(roles) * 60_000) },
    });
  }
  return { id: session.user.id, email: session.user.email, name: session.user.name, roles, authSessionId: session.id };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  // CSRF: server.ts refuses cross-site posts for every route; this repeats it for the signed-in ones (and tests).
  assertSameOrigin(request, [new URL(env().APP_URL).origin]);
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The one way a loader or action checks access: signed in (else redirect) and allowed (else 403). */
export async function requireUserWith(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.roles, permission)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

/** Start a database session for a user who has just proved who they are; returns the Set-Cookie value. */
export async function startAuthSession(userId: string, roles: readonly string[], meta: RequestMeta): Promise<string> {
  const token = generateToken();
  const now = new Date();
  await db.authSession.create({
    data: {
      tokenHash: hashToken(token), userId, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + idleMinutesFor(roles) * 60_000),
      ip: meta.ip, userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  return sessionCookie().serialize(token);
}

/** Revoke the browser's session; returns the Set-Cookie value that clears the cookie. */
export async function endAuthSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) {
    await db.authSession.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}
