import { databaseIsUp } from "~/utils/db.server";

export async function loader() {
  const up = await databaseIsUp();
  return Response.json(
    { status: up ? "ok" : "unavailable", database: up ? "ok" : "unreachable" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
