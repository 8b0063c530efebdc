// The logger's configuration (app/utils/log.server.ts) and route ids (app/utils/route-ids.server.ts), which log lines
// and metrics name instead of URLs.
import { spawnSync } from "node:child_process";
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { routeIdResolver } from "~/utils/route-ids.server";

describe("route ids", () => {
  const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: {},
  });
  const routeIdOf = routeIdResolver({
    root: route("root", undefined, ""),
    "routes/_index": route("routes/_index", "root", undefined, true),
    "routes/respond.$token": route("routes/respond.$token", "root", "respond/:token"),
    "routes/feeds.$token[.ics]": route("routes/feeds.$token[.ics]", "root", "feeds/:token.ics"),
    "routes/sessions.$sessionId": route("routes/sessions.$sessionId", "root", "sessions/:sessionId"),
    "routes/sessions.$sessionId._index": route("routes/sessions.$sessionId._index", "routes/sessions.$sessionId", undefined, true),
    "routes/sessions.$sessionId.move": route("routes/sessions.$sessionId.move", "routes/sessions.$sessionId", "move"),
    "routes/$": route("routes/$", "root", "*"),
  } as unknown as ServerBuild["routes"]);

  it("names the deepest matching route, whatever the params and query", () => {
    expect(routeIdOf("/")).toBe("routes/_index");
    expect(routeIdOf("/respond/abcDEF123")).toBe("routes/respond.$token");
    expect(routeIdOf("/feeds/abcDEF123.ics")).toBe("routes/feeds.$token[.ics]");
    expect(routeIdOf("/sessions/s1")).toBe("routes/sessions.$sessionId._index");
    expect(routeIdOf("/sessions/s1/move")).toBe("routes/sessions.$sessionId.move");
    expect(routeIdOf("/no/such/page")).toBe("routes/$");
  });

  it("maps single-fetch data requests to their route", () => {
    expect(routeIdOf("/_root.data")).toBe("routes/_index");
    expect(routeIdOf("/respond/abcDEF123.data")).toBe("routes/respond.$token");
    expect(routeIdOf("/sessions/s1/move.data")).toBe("routes/sessions.$sessionId.move");
  });

  it("says unmatched where no route (not even a splat) matches", () => {
    const bare = routeIdResolver({ root: route("root", undefined, "") } as unknown as ServerBuild["routes"]);
    expect(bare("/anything")).toBe("unmatched");
  });
});

describe("logging and metrics settings", () => {
  it("accept log levels and formats, and refuse others", () => {
    expect(parseEnv({ LOG_LEVEL: "debug", LOG_FORMAT: "json" })).toMatchObject({ LOG_LEVEL: "debug", LOG_FORMAT: "json" });
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
    expect(() => parseEnv({ LOG_FORMAT: "xml" })).toThrow(/LOG_FORMAT/);
  });

  it("let only loopback read /metrics by default, and check METRICS_ALLOW and METRICS_TOKEN", () => {
    expect(parseEnv({}).METRICS_ALLOW).toBe("127.0.0.1/32,::1/128");
    expect(parseEnv({ METRICS_ALLOW: "10.0.0.0/8, 192.0.2.4, fd00::/8" }).METRICS_ALLOW).toBe("10.0.0.0/8, 192.0.2.4, fd00::/8");
    expect(parseEnv({ METRICS_ALLOW: "" }).METRICS_ALLOW).toBe("");
    for (const bad of ["10.0.0.0/33", "example.org", "10.0.0/8", "::1/129", "10.0.0.1/8/1"]) {
      expect(() => parseEnv({ METRICS_ALLOW: bad }), bad).toThrow(/METRICS_ALLOW/);
    }
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 32/);
    expect(parseEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBe("");
  });
});

describe("the logger", () => {
  // Run in its own process, as the server runs it: JSON lines on stdout.
  const logged = (code: string, env: Record<string, string>) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      env: {
        ...process.env,
        DATABASE_URL: "file:./prisma/unused.db",
        NODE_ENV: "production",
        SESSION_SECRET: "s".repeat(40),
        DISCLOSURE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
        ...env,
      },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  const script = `
    const { log, logError, withRequestScope } = await import("./app/utils/log.server.ts");
    log.info({ email: "a@example.test", user: { name: "Ann Private", email: "ann@example.test" }, to: "b@example.test", token: "t0ps3cret", count: 2 }, "redaction");
    withRequestScope({ requestId: "REQ12345" }, () => logError(new Error("boom"), { source: "request" }));
    log.debug("not at info");
  `;

  it("writes JSON lines in production, redacting fields that name people, addresses or tokens", () => {
    const lines = logged(script, { LOG_LEVEL: "info" })
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "redaction",
      email: "[redacted]",
      to: "[redacted]",
      token: "[redacted]",
      user: { name: "[redacted]", email: "[redacted]" },
      count: 2,
    });
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: "unexpected error",
      source: "request",
      requestId: "REQ12345",
      err: { type: "Error", message: "boom" },
    });
    const text = JSON.stringify(lines);
    for (const secret of ["a@example.test", "Ann Private", "ann@example.test", "b@example.test", "t0ps3cret"])
      expect(text).not.toContain(secret);
  });

  it("writes one readable line an event in the demo, and honours LOG_LEVEL", () => {
    const out = logged(script, { DEMO_MODE: "true", LOG_LEVEL: "debug" });
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: redaction \{/);
    expect(out).toContain("not at info");
    expect(out).not.toContain("ann@example.test");
    expect(() => JSON.parse(lines[0])).toThrow();
  });
});
