import { describe, expect, it, vi } from "vitest";
import * as notFound from "~/routes/$";
import { get, run } from "../setup/requests";

describe("/healthz", () => {
  it("is 200 with the database answering", async () => {
    const { loader } = await import("~/routes/healthz");
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("is 503 when the database does not answer", async () => {
    const saved = { url: process.env.DATABASE_URL, db: globalThis.__outreachDb };
    try {
      vi.resetModules();
      globalThis.__outreachDb = undefined;
      process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none?connect_timeout=1";
      const { loader } = await import("~/routes/healthz");
      const res = await loader();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", database: "unreachable" });
      const replaced = globalThis.__outreachDb as { $disconnect(): Promise<void> } | undefined;
      await replaced?.$disconnect().catch(() => {});
    } finally {
      process.env.DATABASE_URL = saved.url;
      globalThis.__outreachDb = saved.db;
      vi.resetModules();
    }
  });
});

describe("unknown pages", () => {
  it("answer 404", async () => {
    expect((await run(notFound.loader, get("/no/such/page"))).status).toBe(404);
  });
});
