import type { LoaderFunctionArgs } from "@remix-run/node";
import { metricsExposition } from "~/models/metrics.server";
import { requestMeta } from "~/utils/audit.server";
import { mayReadMetrics } from "~/utils/metrics.server";

// Prometheus metrics (ADR 021): only from METRICS_ALLOW addresses or with the METRICS_TOKEN bearer token; anyone
// else gets a bare 404 that says nothing about metrics.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!mayReadMetrics({ ip: requestMeta(request).ip, authorization: request.headers.get("authorization") }))
    throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const { contentType, body } = await metricsExposition();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
