import { db } from "~/utils/db.server";
import { pageWindow, toPage } from "~/utils/pagination";

export type AuditFilters = { action?: string; actorEmail?: string; entityId?: string };

/** The audit log, newest first. Disclosure events are only listed for those who may read disclosures. */
export async function listAuditEvents({ page, filters, includeDisclosures }: { page: number; filters: AuditFilters; includeDisclosures: boolean }) {
  const where = {
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.actorEmail ? { actorEmail: { contains: filters.actorEmail.toLowerCase() } } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(includeDisclosures ? {} : { NOT: { action: { startsWith: "disclosure." } } }),
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
