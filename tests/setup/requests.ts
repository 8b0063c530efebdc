// Build real Requests for route loaders/actions, signed in as a real user with a real database session.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startAuthSession } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";
import { makeUser } from "../factories";

const BASE = "http://localhost";

export async function cookieFor(user: { id: string }, roles: readonly Role[]): Promise<string> {
  const setCookie = await startAuthSession(user.id, roles, { ip: "127.0.0.1", userAgent: "vitest" });
  return setCookie.split(";")[0];
}

/** A new user with these roles, and the Cookie header of a signed-in browser. */
export async function signedInAs(roles: Role[], extra: { teamId?: string } = {}) {
  const user = await makeUser(db, { roles, ...extra });
  return { user, cookie: await cookieFor(user, roles) };
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/** Run a loader or action; thrown Responses (redirects, 403, 404) are returned, not thrown. */
export async function run(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; data: unknown }> {
  try {
    const result = await (handler as Handler)({ request, params, context: { requestId: "TEST", cspNonce: "" } });
    return unwrap(result);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: null };
    const unwrapped = unwrap(thrown);
    if (unwrapped.status !== 200) return unwrapped;
    throw thrown;
  }
}

function unwrap(result: unknown): { status: number; headers: Headers; data: unknown } {
  if (result instanceof Response) return { status: result.status, headers: result.headers, data: null };
  // Remix's data() wraps the value with its ResponseInit.
  if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
    const r = result as unknown as { data: unknown; init?: ResponseInit };
    return { status: r.init?.status ?? 200, headers: new Headers(r.init?.headers), data: r.data };
  }
  return { status: 200, headers: new Headers(), data: result };
}
