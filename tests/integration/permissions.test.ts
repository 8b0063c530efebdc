import { describe, expect, it } from "vitest";
import * as home from "~/routes/_index";
import { requireUserWith } from "~/utils/auth.server";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "~/utils/permissions";
import { navigationFor } from "~/utils/navigation";
import { get, run, signedInAs } from "../setup/requests";

// The expected answer for every permission and role, written out so a change to the table is deliberate.
const EXPECTED: Record<Permission, Role[]> = {
  "home:view": ["COORDINATOR", "FACILITATOR", "MANAGER", "LEAD", "ADMIN"],
  "account:manage": ["COORDINATOR", "FACILITATOR", "MANAGER", "LEAD", "ADMIN"],
  "user:manage": ["ADMIN"],
  "audit:read": ["LEAD", "ADMIN"],
  "settings:manage": ["ADMIN"],
  "programme:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "programme:manage": ["COORDINATOR", "ADMIN"],
  "team:manage": ["COORDINATOR", "ADMIN"],
  "venue:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "venue:manage": ["COORDINATOR", "ADMIN"],
  "calendar:manage": ["COORDINATOR", "ADMIN"],
  "session:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  "session:read-own-team": ["FACILITATOR"],
  "session:book": ["COORDINATOR", "ADMIN"],
  "diary:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "invitation:send": ["COORDINATOR", "ADMIN"],
  "outbox:manage": ["COORDINATOR", "ADMIN"],
  "attendance:record": ["COORDINATOR", "FACILITATOR", "ADMIN"],
  "register:manage": ["COORDINATOR", "ADMIN"],
  "attendance:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "person:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  "disclosure:log": ["COORDINATOR", "FACILITATOR", "LEAD"],
  "disclosure:log-any-team": ["COORDINATOR", "LEAD"],
  "disclosure:read": ["LEAD"],
  "report:read": ["COORDINATOR", "MANAGER", "LEAD", "ADMIN"],
  "report:home-summary": ["MANAGER"],
  "target:manage": ["MANAGER", "ADMIN"],
  "plan:create": ["COORDINATOR", "ADMIN"],
  "plan:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  "questionnaire:manage": ["COORDINATOR", "ADMIN"],
  "questionnaire:run": ["COORDINATOR", "FACILITATOR", "ADMIN"],
};

describe("permission table", () => {
  it("lists exactly the expected permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can([role], permission)).toBe(allowed);
      });
    }
  }

  it("gives a user with several roles the union of their permissions", () => {
    expect(can(["FACILITATOR"], "disclosure:read")).toBe(false);
    expect(can(["FACILITATOR", "LEAD"], "disclosure:read")).toBe(true);
  });

  it("never lets an admin read disclosures unless also a lead", () => {
    expect(can(["ADMIN"], "disclosure:read")).toBe(false);
    expect(can(["ADMIN", "LEAD"], "disclosure:read")).toBe(true);
  });
});

describe("requireUserWith", () => {
  for (const role of ROLES) {
    it(`answers 403 or lets ${role} through according to the table`, async () => {
      const { cookie } = await signedInAs([role]);
      for (const permission of ["user:manage", "disclosure:read", "session:book", "report:read"] as Permission[]) {
        const request = get("/", cookie);
        if (can([role], permission)) {
          await expect(requireUserWith(request, permission)).resolves.toMatchObject({ roles: [role] });
        } else {
          const thrown = await requireUserWith(request, permission).catch((e: unknown) => e);
          expect(thrown).toBeInstanceOf(Response);
          expect((thrown as Response).status).toBe(403);
        }
      }
    });
  }

  it("redirects an anonymous request to sign in", async () => {
    const thrown = await requireUserWith(get("/admin/users"), "user:manage").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(302);
  });
});

describe("navigation", () => {
  it("shows each role only what it may open", () => {
    const texts = (role: Parameters<typeof navigationFor>[0][number]) => navigationFor([role]).map((i) => i.text);
    expect(texts("COORDINATOR")).toEqual([
      "Home",
      "Diary",
      "Book a session",
      "Tour plans",
      "Venues",
      "Programmes",
      "Teams",
      "Calendar",
      "People",
      "Refreshers",
      "Reports",
      "Outbox",
      "Log a disclosure",
    ]);
    expect(texts("FACILITATOR")).toEqual(["Home", "Diary", "Venues", "Programmes", "Log a disclosure"]);
    expect(texts("MANAGER")).toEqual(["Home", "Diary", "Tour plans", "Venues", "Programmes", "People", "Refreshers", "Reports"]);
    expect(texts("LEAD")).toEqual(["Home", "Reports", "Audit log", "Disclosures", "Log a disclosure"]);
    expect(texts("ADMIN")).toEqual([
      "Home",
      "Diary",
      "Book a session",
      "Tour plans",
      "Venues",
      "Programmes",
      "Teams",
      "Calendar",
      "People",
      "Refreshers",
      "Reports",
      "Outbox",
      "Users",
      "Audit log",
    ]);
  });

  it("gives each role a home page with real figures", async () => {
    for (const role of ROLES) {
      const { cookie } = await signedInAs([role]);
      const res = await run(home.loader, get("/", cookie));
      expect(res.status).toBe(200);
      const panels = (res.data as { panels: { figures: { value: number }[] }[] }).panels;
      expect(panels.length).toBeGreaterThan(0);
      for (const panel of panels) for (const f of panel.figures) expect(Number.isInteger(f.value)).toBe(true);
    }
  });
});
