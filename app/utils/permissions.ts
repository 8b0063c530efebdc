// The single table of who may do what. The server always decides; the UI only hides what a role can't do.
// Role names appear only in this file: everything else asks by permission.
import { ForbiddenError } from "./errors";

export const ROLES = ["COORDINATOR", "FACILITATOR", "MANAGER", "LEAD", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  COORDINATOR: "Coordinator",
  FACILITATOR: "Facilitator",
  MANAGER: "Manager",
  LEAD: "Safeguarding lead",
  ADMIN: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  COORDINATOR: "Books, invites and records sessions; logs disclosures but cannot read them",
  FACILITATOR: "Sees their team's diary; records attendance; logs disclosures but cannot read them",
  MANAGER: "Reads reports and the diary; disclosure figures are suppressed below 5",
  LEAD: "Reads and manages disclosures and their audit trail",
  ADMIN: "Manages users, roles, settings and the audit log; cannot read disclosures",
};

const ALL: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ["COORDINATOR", "ADMIN"];

export const PERMISSIONS = {
  "home:view": ALL,
  "account:manage": ALL,
  "user:manage": ["ADMIN"],
  "audit:read": ["ADMIN", "LEAD"],
  "settings:manage": ["ADMIN"],
  "programme:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "programme:manage": STAFF,
  "team:manage": STAFF,
  "venue:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "venue:manage": STAFF,
  "calendar:manage": STAFF,
  "session:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  "session:read-own-team": ["FACILITATOR"],
  "session:book": STAFF,
  // Diary, list and day sheets: everyone who sees sessions; facilitators are scoped to their own team in the model.
  "diary:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "invitation:send": STAFF,
  "outbox:manage": STAFF,
  "attendance:record": ["COORDINATOR", "FACILITATOR", "ADMIN"],
  "register:manage": STAFF,
  // Attendance totals (read-only for managers) and the people trained, with their refreshers.
  "attendance:read": ["COORDINATOR", "FACILITATOR", "MANAGER", "ADMIN"],
  "person:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  "disclosure:log": ["FACILITATOR", "COORDINATOR", "LEAD"],
  // Log against any team's recent sessions; other loggers see only their own team's.
  "disclosure:log-any-team": ["COORDINATOR", "LEAD"],
  "disclosure:read": ["LEAD"],
  "report:read": ["MANAGER", "COORDINATOR", "LEAD", "ADMIN"],
  // The reach panel on the home page.
  "report:home-summary": ["MANAGER"],
  "target:manage": ["MANAGER", "ADMIN"],
  // Tour plans (issue 15): coordinators and admins plan, re-plan, cancel and book; managers may view them.
  "plan:create": STAFF,
  "plan:read": ["COORDINATOR", "MANAGER", "ADMIN"],
  // Evaluation questionnaires (issue 18): coordinators set the questions; facilitators and coordinators run them at
  // sessions (code, window, paper tallies). Results are report:read; free text is disclosure:read.
  "questionnaire:manage": STAFF,
  "questionnaire:run": ["COORDINATOR", "FACILITATOR", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** Every role that holds a permission: for database queries such as "active users who may read disclosures". */
export function rolesWith(permission: Permission): Role[] {
  return [...PERMISSIONS[permission]];
}

/** Refuse (ForbiddenError, a 403) unless the acting user holds the permission. Models call it before a sensitive read. */
export function assertCan(actor: { roles: readonly string[] }, permission: Permission): void {
  if (!can(actor.roles, permission)) throw new ForbiddenError(permission);
}

/** The public version of a report is read as a manager reads reports: disclosure figures suppressed, no details. */
export const PUBLIC_REPORT_READER: { roles: readonly Role[] } = { roles: ["MANAGER"] };

// Those who can reach disclosures or manage the system: two-factor sign-in is mandatory and the idle timeout shorter.
const PRIVILEGED: readonly Role[] = ["LEAD", "ADMIN"];
export const isPrivileged = (roles: readonly string[]) => roles.some((r) => (PRIVILEGED as readonly string[]).includes(r));
