import { Form } from "@remix-run/react";
import { Table } from "~/components/govuk";
import type { PlanDayView } from "~/models/tour-planner/plan-view";
import type { RejectedPin } from "~/models/tour-planner/types";
import type { BookingFailure } from "~/models/tour-plans.server";
import { formatShortDate } from "~/utils/time";
import { PlanStatusTag } from "./PlanStatusTag";

const small = "govuk-button govuk-button--secondary govuk-!-margin-bottom-1 govuk-!-margin-right-1";

/** Pin or remove each session of a day, or leave the whole date out: each makes a new version. */
export function StopActions({ day, versionId }: { day: PlanDayView; versionId: string }) {
  return (
    <>
      {day.stops.map((s) => (
        <Form key={`${s.venueId}-${s.startTime}`} method="post" noValidate>
          <input type="hidden" name="versionId" value={versionId} />
          <input type="hidden" name="venueId" value={s.venueId} />
          <input type="hidden" name="teamId" value={day.teamId} />
          <input type="hidden" name="date" value={day.date} />
          <input type="hidden" name="startTime" value={s.startTime} />
          {s.pinned ? null : (
            <button type="submit" name="intent" value="pin" className={small} data-module="govuk-button">
              Pin
              <span className="govuk-visually-hidden">
                {" "}
                {s.name} at {s.startTime} on {formatShortDate(day.date)}
              </span>
            </button>
          )}
          <button type="submit" name="intent" value="remove" className={small} data-module="govuk-button">
            Remove
            <span className="govuk-visually-hidden">
              {" "}
              {s.name} on {formatShortDate(day.date)}
            </span>
          </button>
        </Form>
      ))}
      <Form method="post" noValidate>
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="date" value={day.date} />
        <button type="submit" name="intent" value="leave-out" className={small} data-module="govuk-button">
          Leave out this date<span className="govuk-visually-hidden">, {formatShortDate(day.date)}, for every team</span>
        </button>
      </Form>
    </>
  );
}

export function PlanChangesSummary({
  pinned,
  removed,
  excludedDates,
  rejected,
}: {
  pinned: { name: string; date: string; startTime: string }[];
  removed: { name: string; date: string }[];
  excludedDates: string[];
  rejected: RejectedPin[];
}) {
  if (!pinned.length && !removed.length && !rejected.length) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Your changes</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="plan-changes">
        {pinned.map((p) => (
          <li key={`pin-${p.name}-${p.date}-${p.startTime}`}>
            Pinned: {p.name}, {formatShortDate(p.date)} at {p.startTime}
          </li>
        ))}
        {removed.map((r) => (
          <li key={`removed-${r.name}-${r.date}`}>
            Removed: {r.name} on {formatShortDate(r.date)}
          </li>
        ))}
        {rejected.map((r) => (
          <li key={`rejected-${r.pin.venueId}-${r.pin.date}`}>
            A pin could not be kept ({formatShortDate(r.pin.date)} at {r.pin.startTime}): {r.rules.join("; ")}
          </li>
        ))}
      </ul>
      {excludedDates.length ? <p className="govuk-body">{excludedDates.length} dates are left out of this version.</p> : null}
    </>
  );
}

/** Booking stopped: every session that failed, with each rule it breaks. Nothing was created. */
export function PlanBookingFailures({ failures }: { failures: BookingFailure[] }) {
  return (
    <Table
      caption="Sessions that cannot be booked (nothing was booked)"
      captionClassName="govuk-table__caption--m"
      head={[{ text: "School" }, { text: "Date" }, { text: "Start" }, { text: "Rule broken" }]}
      firstCellIsHeader
      rows={failures.map((f) => ({
        key: `${f.venueId}-${f.date}-${f.startTime}`,
        cells: [
          { text: f.venueName },
          { text: formatShortDate(f.date) },
          { text: f.startTime },
          {
            text: (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {f.rules.map((r) => (
                  <li key={r.rule}>{r.message}</li>
                ))}
              </ul>
            ),
          },
        ],
      }))}
    />
  );
}

export function PlanVersions({
  planId,
  current,
  versions,
}: {
  planId: string;
  current: string;
  versions: { id: string; number: number; status: string; createdAt: string | Date; bookedAt: string | Date | null }[];
}) {
  return (
    <Table
      caption="Versions"
      captionClassName="govuk-table__caption--m"
      head={[{ text: "Version" }, { text: "Made" }]}
      rows={versions.map((v) => ({
        key: v.id,
        cells: [
          {
            text:
              v.id === current ? (
                <strong>
                  <PlanStatusTag number={v.number} status={v.status} booked={!!v.bookedAt} /> (shown)
                </strong>
              ) : (
                <a className="govuk-link" href={`/plans/${planId}?version=${v.id}`}>
                  <PlanStatusTag number={v.number} status={v.status} booked={!!v.bookedAt} />
                </a>
              ),
          },
          { text: formatShortDate(new Date(v.createdAt)) },
        ],
      }))}
    />
  );
}
