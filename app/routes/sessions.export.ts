import type { LoaderFunctionArgs } from "@remix-run/node";
import { sessionsForExport, toFilters } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv.server";
import { diaryQueryFrom } from "~/utils/diary-filters";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const { header, rows } = await sessionsForExport({ viewer: user, filters: toFilters(diaryQueryFrom(new URL(request.url))) });
  return csvResponse("sessions.csv", toCsv(header, rows));
}
