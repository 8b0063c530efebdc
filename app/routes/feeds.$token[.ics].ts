// A subscribable calendar (.ics) behind a secret link. Calendar apps poll it: answer 304 when nothing changed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderFeed } from "~/models/feeds.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = await renderFeed(params.token ?? "");
  if (!feed) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    ETag: feed.etag,
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
  };
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === feed.etag)) return new Response(null, { status: 304, headers });
  return new Response(feed.body, { headers });
}
