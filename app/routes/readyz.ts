import { readiness } from "~/utils/readiness.server";

// For a load balancer or orchestrator: 503 while this server should not take traffic (ADR 021). /healthz (is the
// process alive and the database answering) is unchanged.
export async function loader() {
  const { ready, ...detail } = await readiness();
  return Response.json(
    { status: ready ? "ok" : "unavailable", ...detail },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
