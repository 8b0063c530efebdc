import { can, type Permission } from "./permissions";

export type NavItem = { href: string; text: string };

// Service navigation, in order. Each item shows only to roles holding its permission.
const ITEMS: (NavItem & { permission: Permission })[] = [
  { href: "/", text: "Home", permission: "home:view" },
  { href: "/diary", text: "Diary", permission: "diary:read" },
  { href: "/sessions/new", text: "Book a session", permission: "session:book" },
  { href: "/admin/users", text: "Users", permission: "user:manage" },
  { href: "/admin/audit", text: "Audit log", permission: "audit:read" },
];

export function navigationFor(roles: readonly string[]): NavItem[] {
  return ITEMS.filter((i) => can(roles, i.permission)).map(({ href, text }) => ({ href, text }));
}
