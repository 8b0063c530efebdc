// A subscribable calendar (.ics) behind a secret link. Calendar apps poll it: answer 304 when nothing changed.
// server.ts answers this path itself (same function, without Remix's overhead); this route serves it elsewhere.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedHttpResponse } from "~/models/feeds.server";
import { requestMeta } from "~/utils/audit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const answer = await feedHttpResponse(params.token ?? "", request.headers.get("If-None-Match"), requestMeta(request).ip);
  return new Response(answer.body && new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
}
