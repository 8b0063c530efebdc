// Every route module of the app, read from Remix's own route manifest (the same one the build uses), so a route
// added by anyone is enumerated by the security tests without being listed by hand.
import path from "node:path";
import { pathToFileURL } from "node:url";

export type RouteModule = { loader?: unknown; action?: unknown; default?: unknown; headers?: unknown };
export type AppRoute = {
  /** The route id without "routes/", e.g. "venues.$venueId.edit": the key of the expectation table. */
  key: string;
  file: string;
  /** The URL pattern, e.g. "/venues/:venueId/edit" ("*" for the splat route). */
  pattern: string;
  load: () => Promise<RouteModule>;
};

type ManifestRoute = { id: string; path?: string; file: string; parentId?: string };

export async function appRoutes(): Promise<AppRoute[]> {
  // @remix-run/dev's readConfig applies remix.config.js (flat routes, ignored files) exactly as `remix build` does.
  const { readConfig } = (await import("@remix-run/dev/dist/config.js")) as unknown as {
    readConfig: (root: string) => Promise<{ appDirectory: string; routes: Record<string, ManifestRoute> }>;
  };
  const config = await readConfig(process.cwd());
  const fullPath = (route: ManifestRoute): string => {
    const parent = route.parentId ? config.routes[route.parentId] : undefined;
    const own = route.path ?? "";
    const base = parent ? fullPath(parent) : "";
    return [base, own].filter(Boolean).join("/");
  };
  // root is included: its loader runs on every page, so it is held to the same rules.
  return Object.values(config.routes)
    .map((r) => ({
      key: r.id.replace(/^routes\//, ""),
      file: r.file,
      pattern: `/${fullPath(r)}`,
      load: () => import(pathToFileURL(path.join(config.appDirectory, r.file)).href) as Promise<RouteModule>,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Fill a URL pattern with params; a splat becomes a path no route has. */
export function urlFor(pattern: string, params: Record<string, string>, search = ""): string {
  const filled = pattern
    .replace(/:(\w+)\??/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined)
        throw new Error(
          `URL param "${name}" of ${pattern} has no value: add it to the route's params in tests/integration/route-access.ts`,
        );
      return encodeURIComponent(value);
    })
    .replace(/\*$/, params["*"] ?? "no-such-page-for-tests");
  return `${filled.replace(/\/+$/, "") || "/"}${search}`;
}
