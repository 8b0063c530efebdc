// Calling every route module the way the security tests do: GET → loader, POST → action, as each role.
import type { AccessRole } from "./route-fixture";
import { ALL_ROLES, type RouteFixture } from "./route-fixture";
import type { AppRoute, RouteModule } from "./route-manifest";
import { urlFor } from "./route-manifest";
import { cookieFor, get, post, run } from "./requests";
import type { RouteAccess } from "../integration/route-access";

/** "302 403 …" (or one status for all) → the status expected for each role. */
export function expectedStatuses(spec: string, routeKey: string): Record<AccessRole, number> {
  const parts = spec.trim().split(/\s+/).map(Number);
  if (!(parts.length === 1 || parts.length === ALL_ROLES.length) || parts.some((n) => !Number.isInteger(n))) {
    throw new Error(
      `route-access.ts "${routeKey}": "${spec}" must be one status or ${ALL_ROLES.length} (anonymous FACILITATOR COORDINATOR MANAGER LEAD ADMIN)`,
    );
  }
  return Object.fromEntries(ALL_ROLES.map((role, i) => [role, parts.length === 1 ? parts[0] : parts[i]])) as Record<AccessRole, number>;
}

/** A fresh signed-in browser for the role (so an action that signs out or revokes sessions can't affect the next call). */
export async function browserCookie(f: RouteFixture, role: AccessRole): Promise<string | undefined> {
  return role === "anonymous" ? undefined : cookieFor(f.users[role], [role]);
}

/** The query string of a GET (a function when it names fixture records, e.g. ?team=<id>). */
export function searchFor(access: RouteAccess, f: RouteFixture): string {
  return typeof access.search === "function" ? access.search(f) : (access.search ?? "");
}

export type Call = { status: number; data: unknown; headers: Headers; url: string };

export async function callRoute(
  route: AppRoute,
  mod: RouteModule,
  access: RouteAccess,
  f: RouteFixture,
  method: "GET" | "POST",
  cookie: string | undefined,
  form: Record<string, string | string[]> | FormData = access.form ?? {},
): Promise<Call> {
  const params = { ...(await access.params?.(f)) };
  const url = urlFor(route.pattern, params, method === "GET" ? searchFor(access, f) : "");
  const handler = method === "GET" ? mod.loader : mod.action;
  if (!handler) {
    // Remix renders a module with a component and no loader; it answers 405 when there is nothing to call.
    return { status: method === "GET" && mod.default ? 200 : 405, data: null, headers: new Headers(), url };
  }
  const request =
    form instanceof FormData ? postFormData(url, form, cookie) : method === "GET" ? get(url, cookie) : post(url, form, cookie);
  const routeParams = route.pattern.endsWith("*") ? { ...params, "*": url.split("/").pop() ?? "" } : params;
  return { ...(await run(handler, request, routeParams)), url };
}

function postFormData(path: string, form: FormData, cookie?: string): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: form,
    headers: { Origin: "http://localhost", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
