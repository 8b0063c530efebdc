// Request-level defences shared by server.ts (every request) and the route helpers (requireUser), so the same rule
// holds in production and in tests that call loaders and actions directly. See docs/decisions/008-request-security.md.
// No "~/" imports: server.ts loads this file directly.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type HeaderSource = { get(name: string): string | null | undefined };

/**
 * Why a state-changing request is cross-site (a CSRF attempt), or null when it is fine.
 * The order follows Go 1.25's CrossOriginProtection:
 *  1. GET/HEAD/OPTIONS never change state (a rule every route keeps), so they pass.
 *  2. Sec-Fetch-Site, sent by every current browser, is authoritative: only "same-origin" (our own pages) and "none"
 *     (typed in / bookmarked) pass. It is still sent when Referrer-Policy is no-referrer, where Origin is "null".
 *  3. Without it, Origin (or, failing that, Referer) must name this host or one of `trustedOrigins` (APP_URL).
 *  4. A request with none of these headers did not come from a browser page, so it carries no ambient cookie risk.
 */
export function crossSiteReason(
  method: string,
  requestUrl: string,
  headers: HeaderSource,
  trustedOrigins: readonly string[] = [],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none" ? null : `Sec-Fetch-Site is ${fetchSite}`;
  const source = headers.get("origin") ?? headers.get("referer");
  if (!source) return null;
  if (source === "null") return "Origin is null";
  let from: URL;
  try {
    from = new URL(source);
  } catch {
    return "Origin is malformed";
  }
  if (from.host === new URL(requestUrl).host || trustedOrigins.includes(from.origin)) return null;
  return `Origin ${from.origin} is not this site`;
}

/** Throw 403 for a cross-site state-changing request (route helpers; server.ts answers it before Remix). */
export function assertSameOrigin(request: Request, trustedOrigins: readonly string[] = []): void {
  const reason = crossSiteReason(request.method, request.url, request.headers, trustedOrigins);
  if (reason) throw new Response("Cross-site request refused", { status: 403, statusText: "Forbidden" });
}

// ─── Request body size ───

/**
 * Paths that accept file uploads and so get UPLOAD_BODY_LIMIT_BYTES (env.server.ts) instead of BODY_LIMIT_BYTES. Add a route's path
 * here when it takes a file (the GIAS school list is ~100 MB as CSV). ".data" is Remix's single-fetch form post.
 */
export const UPLOAD_PATHS: readonly RegExp[] = [/^\/venues\/import(\/|\.data$|$)/];

export type BodyLimits = { defaultBytes: number; uploadBytes: number };

export function bodyLimitFor(pathname: string, limits: BodyLimits): number {
  return UPLOAD_PATHS.some((p) => p.test(pathname)) ? limits.uploadBytes : limits.defaultBytes;
}

/**
 * Decide on a request body from its headers alone: 413 when its declared length is over the limit; 411 when a
 * state-changing request streams a body without declaring a length (browsers always declare it). Node's HTTP parser
 * never delivers more bytes than Content-Length says, so checking the header bounds the body.
 */
export function bodySizeProblem(method: string, headers: HeaderSource, limit: number): 411 | 413 | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const declared = headers.get("content-length");
  if (declared == null) return headers.get("transfer-encoding") ? 411 : null;
  const bytes = Number(declared);
  return Number.isFinite(bytes) && bytes <= limit ? null : 413;
}

// ─── Security headers ───

/** Headers on every response. The CSP needs the per-request nonce that Remix's inline scripts carry. */
export function securityHeaders(nonce: string, { secure }: { secure: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(secure ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Used unless a route sets its own (token pages send no-referrer: see tokenPageHeaders in app/utils/http.server.ts). */
export const DEFAULT_REFERRER_POLICY = "same-origin";
