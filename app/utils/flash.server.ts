import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import { signedCookieOptions } from "./cookies.server";
import { env } from "./env.server";

// One-time success messages shown as a GOV.UK notification banner after a redirect.
const storage = () =>
  createCookieSessionStorage<Record<string, never>, { message: string }>({
    cookie: { name: "outreach_flash", ...signedCookieOptions() },
  });

export async function redirectWithMessage(to: string, message: string, headers: HeadersInit = {}): Promise<Response> {
  const session = await storage().getSession();
  session.flash("message", message);
  const h = new Headers(headers);
  h.append("Set-Cookie", await storage().commitSession(session));
  return redirect(to, { headers: h });
}

/** Read (and consume) the flash message; returns the Set-Cookie header that clears it. */
export async function takeFlashMessage(request: Request): Promise<{ message: string | null; setCookie: string | null }> {
  const session = await storage().getSession(request.headers.get("cookie"));
  const message = session.get("message") ?? null;
  return { message, setCookie: message ? await storage().commitSession(session) : null };
}

// A disclosure receipt: the reference is shown once, on the page after logging, and never again to a logger.
const receiptCookie = () =>
  createCookie("outreach_receipt", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/disclosures",
    maxAge: 600,
    secrets: [env().SESSION_SECRET],
  });

export async function redirectWithReceipt(to: string, receipt: { id: string; reference: string }): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await receiptCookie().serialize(receipt) } });
}

/** The receipt (or null) and the Set-Cookie header that consumes it. */
export async function takeReceipt(request: Request): Promise<{ receipt: { id: string; reference: string } | null; setCookie: string }> {
  const value: unknown = await receiptCookie().parse(request.headers.get("cookie"));
  const receipt =
    value &&
    typeof value === "object" &&
    "id" in value &&
    "reference" in value &&
    typeof value.id === "string" &&
    typeof value.reference === "string"
      ? { id: value.id, reference: value.reference }
      : null;
  return { receipt, setCookie: await receiptCookie().serialize("", { maxAge: 0 }) };
}
