// Production HTTP server: Express in front of the Remix build. Adds a request id, a CSP nonce and
// security headers, and serves the built assets. Run with `npm start` (after `npm run build`).
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY ?? false);

// Calendar feeds are polled by calendar apps and must be cheap: answered first, without the Remix round trip or
// the page headers below (a text/calendar body needs none of them); app/routes/feeds.$token[.ics].ts gives the
// same answer where this server is not used.
const { feedHttpResponse } = await import("./app/models/feeds.server");
app.get("/feeds/:file", async (req, res, next) => {
  const token = req.params.file.match(/^(.+)\.ics$/)?.[1];
  if (!token) return next();
  try {
    const answer = await feedHttpResponse(token, req.headers["if-none-match"]);
    res.status(answer.status).set({ ...answer.headers, "X-Content-Type-Options": "nosniff" }).end(answer.body ?? undefined);
  } catch (error) {
    next(error);
  }
});

app.use((req, res, next) => {
  res.locals.requestId = randomUUID().slice(0, 8).toUpperCase();
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // The app reads the client address from this header only; never trust one sent by the client.
  req.headers["x-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
  res.setHeader("X-Request-Id", res.locals.requestId);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use("/assets", express.static("public/assets", { maxAge: "1d" }));
app.use(express.static("public", { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (_req, res) => ({ requestId: res.locals.requestId, cspNonce: res.locals.cspNonce }),
  }),
);

// The email outbox worker runs in the app server unless turned off (e.g. when `npm run worker` runs separately).
if (process.env.OUTBOX_WORKER !== "off") {
  const { startOutboxWorker } = await import("./app/models/worker.server");
  startOutboxWorker();
}

app.listen(port, host, () => {
  console.log(`Outreach is running at http://localhost:${port}`);
});
