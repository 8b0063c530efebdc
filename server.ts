// Production HTTP server: Express in front of the Remix build. Adds a request id, logs and times every request
// (by route id, never the URL), adds a CSP nonce and security headers, refuses cross-site form posts and oversized
// bodies, and serves the built assets. Run with `npm start` (after
// `npm run build`); `npm run dev` runs it under `remix dev`, which restarts it after each rebuild.
// See docs/decisions/005-express-server-in-front-of-remix.md, 008-request-security.md and 021-logs-and-metrics.md.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { env } from "./app/utils/env.server";
import { log, logError, withRequestScope, type RequestScope } from "./app/utils/log.server";
import { methodLabel, metrics, statusClass } from "./app/utils/metrics.server";
import {
  bodyLimitFor,
  bodySizeProblem,
  crossSiteReason,
  DEFAULT_REFERRER_POLICY,
  securityHeaders,
} from "./app/utils/request-security.server";
import { routeIdResolver, STATIC_ROUTE } from "./app/utils/route-ids.server";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const config = env();
const trustedOrigins = [new URL(config.APP_URL).origin];
const limits = { defaultBytes: config.BODY_LIMIT_BYTES, uploadBytes: config.UPLOAD_BODY_LIMIT_BYTES };
// Under `remix dev` (NODE_ENV=development) the page's live-reload script connects to the dev server's websocket.
const devSocket = process.env.NODE_ENV === "development" && process.env.REMIX_DEV_ORIGIN ? new URL(process.env.REMIX_DEV_ORIGIN) : null;

const routeIdOf = routeIdResolver(build.routes);
// A request id from the load balancer is kept when it is a plain token; anything else is replaced.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{6,64}$/;

const app = express();
app.disable("x-powered-by");
// A number is a count of proxies; anything else (e.g. "loopback", an address list) is passed to Express as is.
const trustProxy = process.env.TRUST_PROXY ?? "";
app.set("trust proxy", /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy || false);

/** A plain page for answers given before Remix runs (no user, no layout). */
function refuse(res: express.Response, status: number, title: string, body: string) {
  res
    .status(status)
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Outreach</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>${title}</h1><p>${body}</p>` +
        `<p>Reference: ${res.locals.requestId}</p><p><a href="/">Go to the home page</a></p></main></body></html>`,
    );
}

// First: the request id (the reference on error pages), and one log line and one histogram sample per request,
// by route id, status and duration, with the signed-in user's id when there is one (app/utils/auth.server.ts).
app.use((req, res, next) => {
  const started = performance.now();
  const incoming = req.get("x-request-id");
  const scope: RequestScope = {
    requestId: incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID().slice(0, 8).toUpperCase(),
  };
  res.locals.requestId = scope.requestId;
  res.setHeader("X-Request-Id", scope.requestId);
  res.once("close", () => {
    const route = (res.locals.routeId as string | undefined) ?? routeIdOf(req.path);
    const seconds = (performance.now() - started) / 1000;
    const status = res.statusCode;
    metrics.httpDuration.observe({ route, method: methodLabel(req.method), status_class: statusClass(status) }, seconds);
    const line = {
      method: req.method,
      route,
      status,
      ms: Math.round(seconds * 1000),
      requestId: scope.requestId,
      userId: scope.userId ?? null,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (status >= 500) log.error(line, "request");
    else if (route === STATIC_ROUTE) log.debug(line, "request");
    else log.info(line, "request");
  });
  withRequestScope(scope, next);
});

// Calendar feeds are polled by calendar apps and must be cheap: answered first, without the Remix round trip or
// the page headers below (a text/calendar body needs none of them); app/routes/feeds.$token[.ics].ts gives the
// same answer where this server is not used.
const { feedHttpResponse, warmFeedBuilder } = await import("./app/models/feeds.server");
// The id of the route this path stands in for, so the request's log line and metrics need not match the URL against
// every route (React Router's matcher ranks the whole route tree on each call: a third of a cached feed's time).
const FEED_ROUTE_ID = "routes/feeds.$token[.ics]";
if (!build.routes[FEED_ROUTE_ID]) throw new Error(`The build has no route ${FEED_ROUTE_ID}: update server.ts's feed path`);
app.get("/feeds/:file", async (req, res, next) => {
  const token = req.params.file.match(/^(.+)\.ics$/)?.[1];
  if (!token) return next();
  res.locals.routeId = FEED_ROUTE_ID;
  try {
    const answer = await feedHttpResponse(token, req.headers["if-none-match"], req.ip ?? req.socket.remoteAddress ?? null);
    res
      .status(answer.status)
      .set({ ...answer.headers, "X-Content-Type-Options": "nosniff" })
      .end(answer.body ?? undefined);
  } catch (error) {
    next(error);
  }
});

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // The app reads the client address from this header only; never trust one sent by the client.
  req.headers["x-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
  for (const [name, value] of Object.entries(securityHeaders(res.locals.cspNonce, { secure: req.secure }))) {
    const allowDevSocket = devSocket && name === "Content-Security-Policy";
    res.setHeader(name, allowDevSocket ? value.replace("connect-src 'self'", `connect-src 'self' ws://${devSocket.host}`) : value);
  }
  // Routes may choose their own Referrer-Policy (token pages: no-referrer); otherwise the default is added last.
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    if (!this.hasHeader("Referrer-Policy")) this.setHeader("Referrer-Policy", DEFAULT_REFERRER_POLICY);
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
});

app.use((req, res, next) => {
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  if (crossSiteReason(req.method, url, { get: (name) => req.get(name) }, trustedOrigins)) {
    return refuse(
      res,
      403,
      "This form was sent from another website",
      "For your security it has not been accepted. Go back to the page on this service and try again.",
    );
  }
  // Decided above, more precisely than Remix's own check, which answers 500 to "Origin: null" (sent by pages with
  // Referrer-Policy no-referrer, i.e. our token pages) and to APP_URL behind a proxy that rewrites Host.
  delete req.headers.origin;
  const problem = bodySizeProblem(req.method, { get: (name) => req.get(name) }, bodyLimitFor(req.path, limits));
  // The unread body would otherwise be taken for the next request on this connection.
  if (problem) res.setHeader("Connection", "close");
  if (problem === 413)
    return refuse(res, 413, "The file or form is too large", "Nothing has been saved. Make the file smaller or split it, then try again.");
  if (problem === 411)
    return refuse(res, 411, "The request did not say how large it is", "Nothing has been saved. Try again from the page on this service.");
  next();
});

// A file served is logged and timed as "static", not as the route its path would match.
const markStatic = (res: express.Response) => void (res.locals.routeId = STATIC_ROUTE);
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", setHeaders: markStatic }));
app.use("/assets", express.static("public/assets", { maxAge: "1d", setHeaders: markStatic }));
app.use(express.static("public", { maxAge: "1h", setHeaders: markStatic }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (_req, res) => ({ requestId: res.locals.requestId, cspNonce: res.locals.cspNonce }),
  }),
);

// Errors outside Remix (which answers its own): the feeds fast path, static files. Logged once, with the request id.
app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logError(error, { source: "request", requestId: res.locals.requestId as string });
  if (res.headersSent) return void res.destroy();
  refuse(res, 500, "Sorry, there is a problem with the service", "Try again later. Nothing you had already saved has been lost.");
});

// The email outbox worker runs in the app server unless turned off (e.g. when `npm run worker` runs separately).
if (process.env.OUTBOX_WORKER !== "off") {
  const { startOutboxWorker } = await import("./app/models/worker.server");
  startOutboxWorker();
}

// Tour plans left queued or running by a server that stopped are resumed by one of the servers still running.
const { resumeAbandonedPlans } = await import("./app/models/tour-plans.server");
const resumePlans = () => resumeAbandonedPlans().catch((error: unknown) => console.error("Could not resume abandoned tour plans", error));
void resumePlans();
setInterval(resumePlans, 60_000).unref();

// Feeds are built by compiled code from the first request (a few hundred milliseconds here; a failure, such as the
// database not answering yet, only leaves the first feeds slower).
await warmFeedBuilder().catch((error: unknown) => log.warn({ err: error }, "Could not warm the feed builder"));

app.listen(port, host, () => {
  log.info({ port, host }, `Outreach is running at http://localhost:${port}`);
  // Tells `remix dev` this build is being served, so it can reload the browser.
  if (devSocket) void broadcastDevReady(build);
});
