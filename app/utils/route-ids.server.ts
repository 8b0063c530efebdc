// Which Remix route a URL belongs to, for log lines and metrics: the route id ("routes/respond.$token"), never the
// URL, whose path and query can hold secret tokens. Matched with React Router's own matcher on the build's routes.
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type RouteObject } from "react-router";

/** Requests for files (public/, the build's assets) rather than a route. */
export const STATIC_ROUTE = "static";
/** A path no route matches (the app's splat route normally catches these). */
export const UNMATCHED_ROUTE = "unmatched";

type BuildRoute = ServerBuild["routes"][string];

export function routeIdResolver(routes: ServerBuild["routes"]): (pathname: string) => string {
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    Object.values(routes)
      .filter((r): r is BuildRoute => r !== undefined && r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, path: r.path, index: true, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: childrenOf(r.id) },
      );
  const tree = childrenOf(undefined);
  return (pathname) => {
    // Single-fetch data requests: /_root.data is "/", /venues/abc.data is /venues/abc.
    const path = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
    const matches = matchRoutes(tree, path);
    return matches?.at(-1)?.route.id ?? UNMATCHED_ROUTE;
  };
}
