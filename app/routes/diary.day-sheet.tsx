import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, InsetText, SummaryList } from "~/components/govuk";
import { StatusTag } from "~/components/sessions/StatusTag";
import { teamDaySheet } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { dateParam, diaryHref } from "~/utils/diary-filters";
import { invariantResponse } from "~/utils/http.server";
import { formatDate } from "~/utils/time";

export const handle = {
  title: (data: { sheet: { team: { name: string } } } | undefined) => (data ? `Day sheet: ${data.sheet.team.name}` : "Day sheet"),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const url = new URL(request.url);
  const date = dateParam(url, "date");
  const teamId = url.searchParams.get("team") ?? "";
  invariantResponse(date && teamId, "Day sheet not found");
  const sheet = await teamDaySheet(user, teamId, date);
  invariantResponse(sheet, "Day sheet not found");
  return { sheet };
}

export default function DaySheet() {
  const { sheet } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={diaryHref("/diary", { team: sheet.team.id }, { week: sheet.date })}>Back to the diary</BackLink>
      <span className="govuk-caption-l">{sheet.team.name}</span>
      <h1 className="govuk-heading-l">Day sheet: {formatDate(sheet.date)}</h1>
      {sheet.sessions.length === 0 ? <p className="govuk-body">No sessions booked for this day.</p> : null}
      {sheet.sessions.map((s, i) => (
        <section key={s.id} className="app-day-sheet-item" aria-labelledby={`session-${s.id}`}>
          {s.travelMinutesBefore !== null ? (
            <InsetText>
              {s.travelMinutesBefore} minutes to pack up, travel to {s.venue.name} and be ready for the get-in.
            </InsetText>
          ) : null}
          <h2 className="govuk-heading-m" id={`session-${s.id}`}>
            {i + 1}. {s.startTime}–{s.endTime} {s.programme.name} <StatusTag status={s.status} />
          </h2>
          <SummaryList
            rows={[
              { key: "Get in from", value: `${s.getInTime} (out by ${s.getOutTime})` },
              {
                key: "Venue",
                value: (
                  <>
                    {s.venue.name}
                    <br />
                    {[s.venue.addressLine1, s.venue.addressLine2, s.venue.town, s.venue.postcode].filter(Boolean).join(", ")}
                  </>
                ),
              },
              {
                key: "Contact",
                value: s.contact
                  ? [s.contact.name, s.contact.role, s.contact.phone ?? s.venue.phone, s.contact.email].filter(Boolean).join(", ")
                  : (s.venue.phone ?? "None recorded"),
              },
              {
                key: "Audience",
                value:
                  [
                    s.yearGroups ? `Year ${s.yearGroups.split(",").join(", ")}` : null,
                    s.expectedPupils ? `${s.expectedPupils} pupils` : null,
                    s.expectedAdults ? `${s.expectedAdults} adults` : null,
                  ]
                    .filter(Boolean)
                    .join(", ") || "Not given",
              },
              { key: "Notes", value: [s.venueNotes, s.venue.accessibilityNotes].filter(Boolean).join(" ") || "None" },
              {
                key: "Session",
                value: (
                  <a className="govuk-link" href={`/sessions/${s.id}`}>
                    Session details
                    <span className="govuk-visually-hidden">
                      {" "}
                      for {s.programme.name} at {s.startTime}
                    </span>
                  </a>
                ),
              },
            ]}
          />
        </section>
      ))}
      <p className="govuk-body app-no-print">Print this page to take it with you: the header and links are left out.</p>
    </>
  );
}
