import { can, type Permission } from "./permissions";

export type NavItem = { href: string; text: string };

// Service navigation, in order. Each item shows only to roles holding its permission.
const ITEMS: (NavItem & { permission: Permission })[] = [
  { href: "/", text: "Home", permission: "home:view" },
  { href: "/diary", text: "Diary", permission: "diary:read" },
  { href: "/sessions/new", text: "Book a session", permission: "session:book" },
  { href: "/plans", text: "Tour plans", permission: "plan:read" },
  { href: "/venues", text: "Venues", permission: "venue:read" },
  { href: "/programmes", text: "Programmes", permission: "programme:read" },
  { href: "/teams", text: "Teams", permission: "team:manage" },
  { href: "/calendar", text: "Calendar", permission: "calendar:manage" },
  { href: "/people", text: "People", permission: "person:read" },
  { href: "/refreshers", text: "Refreshers", permission: "person:read" },
  { href: "/reports", text: "Reports", permission: "report:read" },
  { href: "/outbox", text: "Outbox", permission: "outbox:manage" },
  { href: "/admin/users", text: "Users", permission: "user:manage" },
  { href: "/admin/audit", text: "Audit log", permission: "audit:read" },
  { href: "/disclosures", text: "Disclosures", permission: "disclosure:read" },
  { href: "/disclosures/new", text: "Log a disclosure", permission: "disclosure:log" },
];

export function navigationFor(roles: readonly string[]): NavItem[] {
  return ITEMS.filter((i) => can(roles, i.permission)).map(({ href, text }) => ({ href, text }));
}
