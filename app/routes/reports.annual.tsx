import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/govuk";
import { ReportBlocks } from "~/components/reports/ReportBlocks";
import { annualReviewPage } from "~/models/annual-review.server";
import { requireUserWith } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { annualQuerySchema } from "~/forms/reports.server";

export const handle = { title: "Annual review" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "report:read");
  const query = annualQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await annualReviewPage({ viewer: user, query });
  invariantResponse(page, "There is no review for that year");
  return page;
}

export default function AnnualReview() {
  const { kind, startYear, audience, document } = useLoaderData<typeof loader>();
  const link = (changes: Partial<{ kind: string; year: number; version: string }>, path = "/reports/annual") => {
    const params = new URLSearchParams({ kind, year: String(startYear), version: audience });
    for (const [key, value] of Object.entries(changes)) params.set(key, String(value));
    return `${path}?${params.toString()}`;
  };
  const other =
    kind === "academic" ? { kind: "financial", text: "Financial year instead" } : { kind: "academic", text: "Academic year instead" };
  return (
    <>
      <BackLink href="/reports">Back to reach</BackLink>
      <span className="govuk-caption-l">{document.councilName}</span>
      <h1 className="govuk-heading-l">{document.title}</h1>
      <p className="govuk-body">{document.period}. Sessions count in the year they started in, in UK time.</p>
      <nav className="govuk-body app-no-print" aria-label="Other years, versions and downloads">
        <a className="govuk-link" href={link({ year: startYear - 1 })}>
          Previous year
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={link({ year: startYear + 1 })}>
          Next year
        </a>{" "}
        ·{" "}
        <a className="govuk-link" href={link({ kind: other.kind })}>
          {other.text}
        </a>{" "}
        ·{" "}
        {audience === "staff" ? (
          <a className="govuk-link" href={link({ version: "public" })}>
            Public version
          </a>
        ) : (
          <a className="govuk-link" href={link({ version: "staff" })}>
            Version for staff
          </a>
        )}
      </nav>
      <ul className="govuk-list app-no-print">
        <li>
          <a className="govuk-link" href={link({}, "/reports/annual.pdf")} download>
            Download this review as a PDF
          </a>
        </li>
        <li>
          <a className="govuk-link" href={link({}, "/reports/annual.csv")} download>
            Download this review as CSV
          </a>
        </li>
      </ul>
      <p className="govuk-body">{document.note}</p>
      {audience === "public" ? <p className="govuk-body">The public version leaves out disclosure figures for each school.</p> : null}
      <ReportBlocks blocks={document.blocks} />
    </>
  );
}
