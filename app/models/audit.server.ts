import { db } from "~/utils/db.server";
import { pageWindow, toPage } from "~/utils/pagination";
import { londonDayBounds } from "~/utils/time";

export type AuditFilters = { action?: string; actorEmail?: string; entityType?: string; entityId?: string; from?: string; to?: string };

/**
 * The audit log, newest first. Disclosure events are listed for admins too: they hold who, when, which record and
 * which fields — never disclosure text (see AuditEntry) — so an admin can check access without reading content.
 */
export async function listAuditEvents({ page, filters }: { page: number; filters: AuditFilters }) {
  const where = {
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.actorEmail ? { actorEmail: { contains: filters.actorEmail.toLowerCase() } } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: londonDayBounds(filters.from).start } : {}),
            ...(filters.to ? { lt: londonDayBounds(filters.to).end } : {}),
          },
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, at: true, actorEmail: true, action: true, entityType: true, entityId: true, ip: true },
      ...pageWindow(page),
    }),
    db.auditEvent.count({ where }),
  ]);
  return toPage(items, total, page);
}
