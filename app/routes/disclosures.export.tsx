import type { LoaderFunctionArgs } from "@remix-run/node";
import { listFiltersSchema } from "~/forms/disclosures.server";
import { exportDisclosures } from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { throwHttpError } from "~/web/errors.server";
import { csvResponse, toCsv } from "~/utils/csv.server";

// CSV of the filtered list (no free text). Audited: an export is a read of every record in it.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  const raw = listFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { header, rows } = await exportDisclosures(user, { ...raw, overdue: raw.overdue === "yes" }, requestMeta(request)).catch(
    throwHttpError,
  );
  return csvResponse("disclosures.csv", toCsv(header, rows));
}
