import type { Tx } from "./db.server";

/** Who did it and from where; passed from the route to the model. */
export type Actor = { id: string; email: string; roles: readonly string[] };
export type RequestMeta = { ip: string | null; userAgent: string | null };

// Details are typed per action and carry a version so old rows stay readable. Never put free text
// from disclosures, passwords or tokens here.
export type AuditEntry =
  | { action: "auth.sign_in"; entityType: "User"; entityId: string; details: { v: 1 } }
  | { action: "auth.sign_in_failed"; details: { v: 1; reason: "unknown_email" | "wrong_password" | "inactive" | "locked" } }
  | { action: "auth.sign_out"; entityType: "User"; entityId: string; details: { v: 1 } }
  | { action: "user.create"; entityType: "User"; entityId: string; details: { v: 1; roles: string[] } }
  | { action: "user.update"; entityType: "User"; entityId: string; details: { v: 1; changed: string[]; roles?: string[] } }
  | { action: "user.deactivate" | "user.reactivate"; entityType: "User"; entityId: string; details: { v: 1 } }
  | { action: "session.book"; entityType: "Session"; entityId: string; details: { v: 1; status: string; capacityOverridden: boolean } }
  | { action: "session.move"; entityType: "Session"; entityId: string; details: { v: 1; changed: string[] } }
  | { action: "session.cancel"; entityType: "Session"; entityId: string; details: { v: 1; previousStatus: string } };

export type AuditAction = AuditEntry["action"];

/**
 * Append an audit row inside the caller's transaction, so the change and its record commit or fail together.
 * Errors propagate: a failed audit write fails the request.
 */
export async function writeAudit(
  tx: Tx,
  who: { actor?: Pick<Actor, "id" | "email"> | null; attemptedEmail?: string; meta: RequestMeta },
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: who.actor?.id ?? null,
      actorEmail: who.actor?.email ?? who.attemptedEmail ?? null,
      action: entry.action,
      entityType: "entityType" in entry ? entry.entityType : null,
      entityId: "entityId" in entry ? entry.entityId : null,
      ip: who.meta.ip,
      userAgent: who.meta.userAgent?.slice(0, 500) ?? null,
      details: entry.details,
    },
  });
}

export function requestMeta(request: Request): RequestMeta {
  // server.ts overwrites x-client-ip with the socket (or trusted proxy) address, so it cannot be spoofed.
  return {
    ip: request.headers.get("x-client-ip"),
    userAgent: request.headers.get("user-agent"),
  };
}
