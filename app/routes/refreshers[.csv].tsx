import type { LoaderFunctionArgs } from "@remix-run/node";
import { refreshersCsv } from "~/models/refreshers.server";
import { refresherFiltersSchema } from "~/forms/attendance.server";
import { requireUserWith } from "~/utils/auth.server";
import { csvResponse } from "~/utils/csv.server";
import { todayInLondon } from "~/utils/time";

// The refreshers list (same filters as /refreshers) as CSV for licensing officers.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "person:read");
  const f = refresherFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await refreshersCsv({
    filters: {
      withinDays: f.within,
      organisation: f.organisation || undefined,
      operatorId: f.operator || undefined,
      programmeId: f.programme || undefined,
    },
  });
  return csvResponse(`refreshers-due-${todayInLondon()}.csv`, csv);
}
