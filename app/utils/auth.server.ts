import { createCookie, redirect } from "@remix-run/node";
import { db, type Tx } from "./db.server";
import { signedCookieOptions } from "./cookies.server";
import { env } from "./env.server";
import { DomainError } from "./errors";
import { can, isPrivileged, type Permission, type Role } from "./permissions";
import { noteRequestUser } from "./log.server";
import { assertSameOrigin } from "./request-security.server";
import { generateToken, hashToken } from "./tokens.server";
import type { RequestMeta } from "./audit.server";

export type SessionUser = { id: string; email: string; name: string; roles: Role[]; authSessionId: string };

const sessionCookie = () => createCookie("outreach_session", signedCookieOptions());

// Avoid a database write on every request: only extend the session once it is this stale.
const TOUCH_AFTER_MS = 60_000;

/** Idle timeout for a user: shorter for those who can reach disclosures or manage the system. */
export function idleMinutesFor(roles: readonly string[]): number {
  const e = env();
  return isPrivileged(roles) ? e.SESSION_IDLE_MINUTES_PRIVILEGED : e.SESSION_IDLE_MINUTES;
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** Half-done sign-in: "TOTP" needs a code from the authenticator app, "ENROL" must set up two-factor first. */
export type PendingStep = "TOTP" | "ENROL";
export const PENDING_STEP_PATHS: Record<PendingStep, string> = { TOTP: "/sign-in/two-factor", ENROL: "/sign-in/set-up-two-factor" };
// Long enough to find a phone and install an authenticator app, short enough to be useless if left open.
const PENDING_MINUTES = 15;

type LiveSession = { id: string; lastSeenAt: Date; pendingStep: PendingStep | null; user: SessionUser };

/** The browser's live session (full or half signed in), or null. Expired, revoked and deactivated ones count as none. */
async function liveSession(request: Request, now: Date): Promise<LiveSession | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const session = await db.authSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      pendingStep: true,
      user: { select: { id: true, email: true, name: true, active: true, roles: { select: { role: true } } } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
  noteRequestUser(session.user.id);
  const { id, email, name } = session.user;
  const roles = session.user.roles.map((r) => r.role as Role);
  const pendingStep = session.pendingStep === "TOTP" || session.pendingStep === "ENROL" ? session.pendingStep : null;
  return { id: session.id, lastSeenAt: session.lastSeenAt, pendingStep, user: { id, email, name, roles, authSessionId: session.id } };
}

// Extend a full session on activity, writing at most once a minute.
async function touched(session: LiveSession, now: Date): Promise<SessionUser> {
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.authSession.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutesFor(session.user.roles) * 60_000) },
    });
  }
  return session.user;
}

/** The signed-in user, or null. A half-done sign-in (awaiting a code or two-factor set-up) is not signed in. */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const session = await liveSession(request, now);
  return session && !session.pendingStep ? touched(session, now) : null;
}

/** The user half way through signing in, and the step they must finish; null when there is none. */
export async function getPendingSignIn(request: Request, now = new Date()): Promise<(SessionUser & { step: PendingStep }) | null> {
  const session = await liveSession(request, now);
  return session?.pendingStep ? { ...session.user, step: session.pendingStep } : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  // CSRF: server.ts refuses cross-site posts for every route; this repeats it for the signed-in ones (and tests).
  assertSameOrigin(request, [new URL(env().APP_URL).origin]);
  const now = new Date();
  const session = await liveSession(request, now);
  if (session && !session.pendingStep) return touched(session, now);
  // Someone half signed in can do nothing but finish: send them back to their step.
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const signIn = session?.pendingStep ? PENDING_STEP_PATHS[session.pendingStep] : "/sign-in";
  throw redirect(back === "/" ? signIn : `${signIn}?redirectTo=${encodeURIComponent(back)}`);
}

/** The one way a loader or action checks access: signed in (else redirect) and allowed (else 403). */
export async function requireUserWith(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.roles, permission)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

/**
 * Start a database session for a user who has just proved who they are (or, with `pendingStep`, only their password);
 * returns the Set-Cookie value. Pass the caller's transaction so the session and its audit row commit together.
 */
export async function startAuthSession(
  userId: string,
  roles: readonly string[],
  meta: RequestMeta,
  options: { pendingStep?: PendingStep; tx?: Tx } = {},
): Promise<string> {
  const token = generateToken();
  const now = new Date();
  const minutes = options.pendingStep ? PENDING_MINUTES : idleMinutesFor(roles);
  await (options.tx ?? db).authSession.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      pendingStep: options.pendingStep ?? null,
    },
  });
  return sessionCookie().serialize(token);
}

/**
 * Finish a half-done sign-in: the same session becomes a full one. The token is kept: it was issued moments ago by
 * this sign-in's password step, is HttpOnly, and could do nothing until now.
 */
export async function completePendingSession(tx: Tx, authSessionId: string, roles: readonly string[], now = new Date()): Promise<void> {
  const { count } = await tx.authSession.updateMany({
    where: { id: authSessionId, pendingStep: { not: null }, revokedAt: null, expiresAt: { gt: now } },
    data: { pendingStep: null, lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMinutesFor(roles) * 60_000) },
  });
  if (count !== 1) throw new DomainError("Your sign-in has timed out. Sign in again", "code");
}

/** Revoke the browser's session; returns the Set-Cookie value that clears the cookie. */
export async function endAuthSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) {
    await db.authSession.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}
