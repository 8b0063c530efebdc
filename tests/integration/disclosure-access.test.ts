// Access is checked inside the models, not only in routes: every function that reads, lists, exports or changes
// disclosures (or reports their figures) refuses a user without the permission before it touches a record, so a
// route that forgets `requireUserWith` still shows nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { disclosureCounts } from "~/models/disclosure-counts.server";
import { disclosureOutcomes, disclosureOutcomesPage } from "~/models/disclosure-outcomes.server";
import { deleteAfterRetention, listPastRetention } from "~/models/disclosure-retention.server";
import {
  addConcernCategory,
  disclosureSettings,
  saveDisclosureSettings,
  setConcernCategoryArchived,
} from "~/models/disclosure-settings.server";
import {
  addAddendum,
  addFollowUpAction,
  completeFollowUpAction,
  disclosureAuditTrail,
  disclosureDashboard,
  disclosureListPage,
  disclosureRecordPage,
  exportDisclosures,
  getDisclosure,
  listDisclosures,
  updateDisclosure,
} from "~/models/disclosures.server";
import type { Actor } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { ForbiddenError } from "~/utils/errors";
import { can, ROLES, type Permission, type Role } from "~/utils/permissions";
import { addDays, todayInLondon } from "~/utils/time";
import { makeDisclosure, makeUser } from "../factories";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const today = () => todayInLondon();

type World = {
  lead: Actor;
  disclosure: { id: string; reference: string };
  expired: { reference: string };
  categoryId: string;
  actionId: string;
};
let w: World;
const actors = new Map<Role, Actor>();

async function actorWith(roles: Role[]): Promise<Actor> {
  const user = await makeUser(db, { roles });
  return { id: user.id, email: user.email, roles };
}

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await actorWith([role]));
  const lead = actors.get("LEAD")!;
  const disclosure = await makeDisclosure(db, { receivedById: lead.id });
  const expired = await makeDisclosure(db, { receivedById: lead.id, retainUntil: addDays(today(), -1) });
  const action = await db.disclosureAction.create({
    data: { disclosureId: disclosure.id, description: "Call the DSL", ownerId: lead.id, createdById: lead.id, dueDate: today() },
  });
  const category = await db.concernCategory.findFirstOrThrow({ where: { archivedAt: null }, select: { id: true } });
  w = { lead, disclosure, expired, categoryId: category.id, actionId: action.id };
});

/** Each guarded model function, the permission it needs, and a call that succeeds for a lead. */
const GUARDED: { name: string; needs: Permission; call: (actor: Actor) => Promise<unknown> }[] = [
  { name: "listDisclosures", needs: "disclosure:read", call: (a) => listDisclosures(a, { page: 1, filters: {} }, meta) },
  { name: "disclosureListPage", needs: "disclosure:read", call: (a) => disclosureListPage(a, { page: 1, filters: {} }, meta) },
  { name: "exportDisclosures", needs: "disclosure:read", call: (a) => exportDisclosures(a, {}, meta) },
  { name: "getDisclosure", needs: "disclosure:read", call: (a) => getDisclosure(a, w.disclosure.id, meta) },
  { name: "disclosureRecordPage", needs: "disclosure:read", call: (a) => disclosureRecordPage(a, w.disclosure.id, meta) },
  { name: "disclosureAuditTrail", needs: "disclosure:read", call: (a) => disclosureAuditTrail(a, w.disclosure.id, 1, meta) },
  { name: "disclosureDashboard", needs: "disclosure:read", call: (a) => disclosureDashboard(a, meta) },
  {
    name: "addAddendum",
    needs: "disclosure:read",
    call: (a) => addAddendum(a, w.disclosure.id, { text: "More was said later.", reason: "Follow-up" }, meta),
  },
  {
    name: "updateDisclosure",
    needs: "disclosure:read",
    call: (a) =>
      updateDisclosure(
        a,
        w.disclosure.id,
        { risk: "HIGH", status: "MONITORING", categoryIds: [w.categoryId], legalHold: false, referral: null },
        meta,
      ),
  },
  {
    name: "addFollowUpAction",
    needs: "disclosure:read",
    call: (a) => addFollowUpAction(a, w.disclosure.id, { description: "Review", ownerId: w.lead.id, dueDate: today() }, meta),
  },
  {
    name: "completeFollowUpAction",
    needs: "disclosure:read",
    call: (a) => completeFollowUpAction(a, w.disclosure.id, { actionId: w.actionId, doneDate: today(), outcome: "Called" }, meta),
  },
  { name: "listPastRetention", needs: "disclosure:read", call: (a) => listPastRetention(a, { page: 1 }, meta) },
  { name: "deleteAfterRetention", needs: "disclosure:read", call: (a) => deleteAfterRetention(a, w.expired.reference, meta) },
  { name: "disclosureSettings", needs: "disclosure:read", call: (a) => disclosureSettings(a) },
  {
    name: "saveDisclosureSettings",
    needs: "disclosure:read",
    call: (a) => saveDisclosureSettings(a, { patterns: [], retention: { socialCareYears: 25, otherYears: 6 } }, meta),
  },
  { name: "addConcernCategory", needs: "disclosure:read", call: (a) => addConcernCategory(a, { label: "Access test category" }, meta) },
  { name: "setConcernCategoryArchived", needs: "disclosure:read", call: (a) => setConcernCategoryArchived(a, w.categoryId, false, meta) },
  {
    name: "disclosureCounts",
    needs: "report:read",
    call: (a) => disclosureCounts({ viewer: a, from: addDays(today(), -30), to: today(), groupBy: "risk" }),
  },
  { name: "disclosureOutcomes", needs: "report:read", call: (a) => disclosureOutcomes({ viewer: a, startYear: 2026 }) },
  { name: "disclosureOutcomesPage", needs: "report:read", call: (a) => disclosureOutcomesPage({ viewer: a, year: "2026" }) },
];

describe("disclosure access inside the models", () => {
  for (const { name, needs, call } of GUARDED) {
    const refused = ROLES.filter((role) => !can([role], needs));
    it(`${name} refuses ${refused.join(", ")} (no ${needs}) before reading or writing anything`, async () => {
      expect(refused.length).toBeGreaterThan(0);
      const before = {
        audit: await db.auditEvent.count(),
        addenda: await db.disclosureAddendum.count(),
        disclosures: await db.disclosure.count(),
      };
      for (const role of refused) {
        await expect(call(actors.get(role)!), role).rejects.toBeInstanceOf(ForbiddenError);
      }
      expect({
        audit: await db.auditEvent.count(),
        addenda: await db.disclosureAddendum.count(),
        disclosures: await db.disclosure.count(),
      }).toEqual(before);
    });
  }

  it("lets a safeguarding lead do each of them", async () => {
    for (const { name, call } of GUARDED) {
      await expect(call(w.lead), name).resolves.not.toBeInstanceOf(Error);
    }
    expect(await db.disclosure.count({ where: { reference: w.expired.reference } })).toBe(0);
    expect(await db.disclosureAddendum.count({ where: { disclosureId: w.disclosure.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "disclosure.read", entityId: w.disclosure.id } })).toBe(2);
  });

  it("refuses an admin who is not also a lead, and accepts one who is", async () => {
    const admin = actors.get("ADMIN")!;
    await expect(getDisclosure(admin, w.disclosure.id, meta)).rejects.toMatchObject({ permission: "disclosure:read" });
    const adminLead = await actorWith(["ADMIN", "LEAD"]);
    const record = await getDisclosure(adminLead, w.disclosure.id, meta);
    expect(record.reference).toBe(w.disclosure.reference);
  });
});
