import { env } from "./env.server";

/** Options every cookie of ours shares: signed, HTTP-only, same-site lax, Secure when the service is on https. */
export const signedCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env().APP_URL.startsWith("https://"),
  path: "/",
  secrets: [env().SESSION_SECRET],
});
