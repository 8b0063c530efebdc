import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, ButtonLink, SummaryList, Table } from "~/components/govuk";
import { InvitationsTable, MultilineText } from "~/components/invitations/InvitationsTable";
import { StatusTag } from "~/components/sessions/StatusTag";
import { sessionPage } from "~/models/sessions/page.server";
import { requireUserWith } from "~/utils/auth.server";
import { can } from "~/utils/permissions";
import { idParam, invariantResponse } from "~/utils/http.server";
import type { SessionStatus } from "~/utils/session-status";
import { formatDate, formatDateTime, formatTime } from "~/utils/time";

export const handle = {
  title: (data: { session: { programme: { name: string } } } | undefined) => data?.session.programme.name ?? "Session",
};

// Where the session is in its lifecycle: provisional → invited → confirmed / declined → delivered / cancelled.
const STAGE: Record<SessionStatus, string> = {
  PROVISIONAL: "A hold in the diary. The venue has not been sent an invitation yet.",
  INVITED: "The venue has been invited and has not replied yet.",
  CONFIRMED: "The venue has confirmed. Attendance is recorded after the session.",
  DECLINED: "The venue declined. Move the session to another date or cancel it.",
  DELIVERED: "The session took place.",
  CANCELLED: "The session will not take place. It no longer blocks the team or the venue.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "diary:read");
  const page = await sessionPage(user, idParam(params.sessionId));
  invariantResponse(page, "Session not found");
  return { ...page, canRunQuestionnaire: can(user.roles, "questionnaire:run") };
}

export default function SessionPage() {
  const { session: s, invitations, proposals, held, emailAnswers, actions, canRunQuestionnaire } = useLoaderData<typeof loader>();
  const startsAt = new Date(s.startsAt);
  const endsAt = new Date(s.endsAt);
  const address = [s.venue.addressLine1, s.venue.addressLine2, s.venue.town, s.venue.postcode].filter(Boolean).join(", ");
  const audience = [
    s.yearGroups ? `Year ${s.yearGroups.split(",").join(", ")}` : null,
    s.expectedPupils ? `${s.expectedPupils} pupils expected` : null,
    s.expectedAdults ? `${s.expectedAdults} adults expected` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <BackLink href="/diary">Back to the diary</BackLink>
      <span className="govuk-caption-l">{s.venue.name}</span>
      <h1 className="govuk-heading-l">{s.programme.name}</h1>
      <p className="govuk-body">
        <StatusTag status={s.status} /> {STAGE[s.status]}
      </p>
      <SummaryList
        rows={[
          { key: "Date", value: formatDate(s.date) },
          { key: "Time", value: `${formatTime(startsAt)} to ${formatTime(endsAt)} (UK time)` },
          { key: "Get-in and get-out", value: `${s.programme.getInMinutes} minutes before, ${s.programme.getOutMinutes} minutes after` },
          {
            key: "Venue",
            value: (
              <>
                {s.venue.name}
                <br />
                {address}
                {s.venue.phone ? (
                  <>
                    <br />
                    {s.venue.phone}
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: "Venue contacts",
            value: s.venue.contacts.length ? (
              <ul className="govuk-list">
                {s.venue.contacts.map((c) => (
                  <li key={`${c.name}-${c.email}`}>{[c.name, c.role, c.email, c.phone].filter(Boolean).join(", ")}</li>
                ))}
              </ul>
            ) : (
              "None recorded"
            ),
          },
          {
            key: "Team",
            value: (
              <>
                {s.team.name} (
                <a className="govuk-link" href={`/diary/day-sheet?team=${s.team.id}&date=${s.date}`}>
                  day sheet<span className="govuk-visually-hidden"> for {formatDate(s.date)}</span>
                </a>
                )
              </>
            ),
          },
          { key: "Audience", value: audience || "Not given" },
          ...(s.capacityOverrideReason ? [{ key: "Capacity exceeded because", value: s.capacityOverrideReason }] : []),
          { key: "Notes for the venue", value: s.venueNotes ?? "None" },
          ...(s.internalNotes !== null ? [{ key: "Internal notes", value: s.internalNotes }] : []),
          ...(s.status === "CANCELLED"
            ? [{ key: "Cancelled", value: `${s.cancelledAt ? formatDateTime(new Date(s.cancelledAt)) : ""}: ${s.cancelReason ?? ""}` }]
            : []),
          { key: "Booked", value: `${formatDateTime(new Date(s.createdAt))}${s.createdBy ? ` by ${s.createdBy.name}` : ""}` },
          {
            key: "Calendar",
            value: (
              <>
                UID {s.icalUid}, version {s.icalSequence}
              </>
            ),
          },
        ]}
      />
      {canRunQuestionnaire ||
      actions.invite ||
      actions.attendance ||
      actions.register ||
      actions.certificates ||
      actions.edit ||
      actions.move ||
      actions.cancel ? (
        <div className="govuk-button-group">
          {actions.invite ? <ButtonLink href={`/sessions/${s.id}/invite`}>Invite the venue</ButtonLink> : null}
          {actions.attendance ? (
            <ButtonLink href={`/sessions/${s.id}/attendance`} variant={actions.attendance === "record" ? undefined : "secondary"}>
              {actions.attendance === "record" ? "Record attendance" : "Attendance"}
            </ButtonLink>
          ) : null}
          {actions.register ? (
            <ButtonLink href={`/sessions/${s.id}/register`} variant="secondary">
              Register
            </ButtonLink>
          ) : null}
          {canRunQuestionnaire ? (
            <ButtonLink href={`/sessions/${s.id}/questionnaire`} variant="secondary">
              Questionnaire
            </ButtonLink>
          ) : null}
          {actions.certificates ? (
            <ButtonLink href={`/sessions/${s.id}/certificates`} variant="secondary">
              Download all certificates
            </ButtonLink>
          ) : null}
          {actions.edit ? (
            <ButtonLink href={`/sessions/${s.id}/edit`} variant="secondary">
              Change details
            </ButtonLink>
          ) : null}
          {actions.move ? (
            <ButtonLink href={`/sessions/${s.id}/move`} variant="secondary">
              Move session
            </ButtonLink>
          ) : null}
          {actions.cancel ? (
            <ButtonLink href={`/sessions/${s.id}/cancel`} variant="warning">
              Cancel session
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      {actions.logDisclosure ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/disclosures/new?sessionId=${s.id}`}>
            Log a disclosure<span className="govuk-visually-hidden"> made at this session</span>
          </a>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Invitations</h2>
      <InvitationsTable invitations={invitations.items} total={invitations.total} />
      {proposals.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Asked for another date</h2>
          <ul className="govuk-list">
            {proposals.map((p) => (
              <li key={p.id}>
                {p.attendee ?? "The venue"} proposed {formatDateTime(new Date(p.proposedStart!))}
                {p.proposedEnd ? ` to ${formatTime(new Date(p.proposedEnd))}` : ""} in their calendar.{" "}
                <a className="govuk-link" href={`/sessions/${s.id}/proposals/${p.id}`}>
                  Accept or decline<span className="govuk-visually-hidden"> the proposed time</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {held.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Answers from a forwarded invitation</h2>
          <ul className="govuk-list">
            {held.map((h) => (
              <li key={h.id}>
                {h.attendee ?? "Someone"}, who was not invited, pressed &ldquo;{h.answer}&rdquo; in their calendar on{" "}
                {formatDateTime(new Date(h.receivedAt))}.{" "}
                <a className="govuk-link" href={`/sessions/${s.id}/held/${h.id}`}>
                  Approve or reject<span className="govuk-visually-hidden"> the answer from {h.attendee ?? "someone"}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {emailAnswers.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Email answers</h2>
          {emailAnswers.map((e) => (
            <div key={e.id} className="govuk-inset-text">
              <p className="govuk-body-s">
                From {e.fromAddress ?? "an unknown address"}, {formatDateTime(new Date(e.receivedAt))}
                {e.subject ? `: ${e.subject}` : ""}
              </p>
              <MultilineText text={e.comment ?? ""} />
            </div>
          ))}
        </>
      ) : null}
      <h2 className="govuk-heading-m">History</h2>
      <Table
        caption="Changes to this session, newest first"
        captionClassName="govuk-visually-hidden"
        head={[{ text: "When" }, { text: "Who" }, { text: "What" }, { text: "Changed" }]}
        rows={s.changes.map((c) => ({
          key: c.id,
          cells: [
            { text: formatDateTime(new Date(c.at)) },
            { text: c.actor?.name ?? "System" },
            { text: c.summary },
            {
              text: c.fieldChanges.length ? (
                <ul className="govuk-list">
                  {c.fieldChanges.map((f) => (
                    <li key={f.field}>
                      {f.field[0].toUpperCase() + f.field.slice(1)}: {f.from} → {f.to}
                    </li>
                  ))}
                </ul>
              ) : (
                ""
              ),
            },
          ],
        }))}
      />
    </>
  );
}
