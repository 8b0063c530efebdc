import type { ReactNode } from "react";
import { Details, SummaryList, Table, WarningText } from "~/components/govuk";
import type { PlanDayView, PlanMapView } from "~/models/tour-planner/plan-view";
import type { PlanFigures, UnplacedReason, UnplacedSchool } from "~/models/tour-planner/types";
import { formatShortDate } from "~/utils/time";

const n = (v: number) => v.toLocaleString("en-GB", { maximumFractionDigits: 1 });

export const UNPLACED_REASON_LABELS: Record<UnplacedReason, string> = {
  OUTSIDE_DATE_RANGE: "Outside the date range",
  NO_TERM_DAY_LEFT: "No term day left",
  CLOSED_ON_EVERY_FREE_DAY: "Closed on every free day",
  CAPACITY: "Capacity",
  NO_LOCATION: "No coordinates",
  TARGET_MET: "Not needed: the target is met",
};

/** Pupils and team-days against the target and the lower bound, the gap, and what would close a shortfall. */
export function PlanFiguresList({ figures }: { figures: PlanFigures }) {
  const expected = figures.pupilsPlanned + figures.pupilsExisting;
  const gap = figures.teamDaysUsed - figures.lowerBoundTeamDays;
  return (
    <>
      <SummaryList
        rows={[
          { key: "Sessions planned", value: n(figures.sessionsPlanned) },
          {
            key: "Pupils expected",
            value: `${n(expected)} (${n(figures.pupilsPlanned)} planned, ${n(figures.pupilsExisting)} already booked)${
              figures.targetPupils !== null ? ` against a target of ${n(figures.targetPupils)}` : ""
            }`,
          },
          {
            key: "Team-days",
            value: `${n(figures.teamDaysUsed)}; no plan can use fewer than ${n(figures.lowerBoundTeamDays)} (${gap === 0 ? "this plan meets the bound" : `${n(gap)} over the bound`})`,
          },
          ...(figures.lowerBoundReasons.length
            ? [{ key: "Why the bound is what it is", value: <ListOf items={figures.lowerBoundReasons} /> }]
            : []),
          { key: "Travel", value: `${n(figures.travelKm)} km, about ${n(Math.round(figures.travelMinutes / 60))} hours` },
        ]}
      />
      {figures.shortfallPupils > 0 ? (
        <>
          <WarningText>{`The plan falls short of the target by ${n(figures.shortfallPupils)} pupils.`}</WarningText>
          {figures.suggestions.length ? (
            <>
              <p className="govuk-body">What would reach it:</p>
              <ListOf items={figures.suggestions} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function ListOf({ items }: { items: string[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Day by day: one table per team, each row a day with its sessions in visiting order. */
export function PlanDaysTables({ days, actions }: { days: PlanDayView[]; actions?: (day: PlanDayView) => ReactNode }) {
  const teams = [...new Map(days.map((d) => [d.teamId, d.teamName])).entries()];
  if (!days.length) return <p className="govuk-body">This plan has no sessions.</p>;
  return (
    <>
      {teams.map(([teamId, teamName]) => {
        const teamDays = days.filter((d) => d.teamId === teamId);
        return (
          <Table
            key={teamId}
            caption={`${teamName}: ${teamDays.length} ${teamDays.length === 1 ? "day" : "days"}`}
            captionClassName="govuk-table__caption--m"
            head={[{ text: "Date" }, { text: "Sessions" }, { text: "Travel", format: "numeric" }, ...(actions ? [{ text: "Change" }] : [])]}
            firstCellIsHeader
            rows={teamDays.map((d) => ({
              key: d.id,
              cells: [
                { text: formatShortDate(d.date) },
                {
                  text: (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {d.stops.map((s) => (
                        <li key={`${s.venueId}-${s.startTime}`}>
                          {s.startTime}–{s.endTime} {s.name}
                          {s.expectedPupils !== null ? `, ${n(s.expectedPupils)} pupils` : ""}
                          {s.pinned ? " (pinned)" : ""}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { text: `${n(d.travelKm)} km`, format: "numeric" as const },
                ...(actions ? [{ text: actions(d) }] : []),
              ],
            }))}
          />
        );
      })}
    </>
  );
}

/** A server-rendered map and, with it, the same stops as a table. */
export function PlanMap({ map }: { map: PlanMapView }) {
  return (
    <figure className="app-chart-figure govuk-!-margin-0 govuk-!-margin-bottom-6">
      {/* renderMapSvg (app/models/tour-planner/svg-map.ts) escapes every name it draws. */}
      <div className="app-map" dangerouslySetInnerHTML={{ __html: map.svg }} />
      <Table
        caption={`${map.title}: the stops`}
        captionClassName="govuk-table__caption--s"
        head={[{ text: "Date" }, { text: "Team" }, { text: "Stops in order" }, { text: "Travel", format: "numeric" }]}
        rows={map.days.map((d) => ({
          key: d.id,
          cells: [
            { text: formatShortDate(d.date) },
            { text: d.teamName },
            { text: [...new Set(d.stops.map((s) => s.name))].join(", then ") },
            { text: `${n(d.travelKm)} km`, format: "numeric" as const },
          ],
        }))}
      />
    </figure>
  );
}

export function PlanMaps({ tour, dayMaps }: { tour: PlanMapView; dayMaps: PlanMapView[] }) {
  return (
    <>
      <PlanMap map={tour} />
      {dayMaps.map((m) => (
        <Details key={m.id} summary={`Map: ${m.title}`}>
          <PlanMap map={m} />
        </Details>
      ))}
    </>
  );
}

export function UnplacedTable({ unplaced }: { unplaced: UnplacedSchool[] }) {
  if (!unplaced.length) return <p className="govuk-body">Every school in the plan has its sessions.</p>;
  return (
    <Table
      caption={`${unplaced.length} ${unplaced.length === 1 ? "school" : "schools"} not placed`}
      captionClassName="govuk-table__caption--m"
      head={[{ text: "School" }, { text: "URN" }, { text: "Reason" }, { text: "Detail" }]}
      firstCellIsHeader
      rows={unplaced.map((u) => ({
        key: u.venueId,
        cells: [{ text: u.name }, { text: u.urn ?? "" }, { text: UNPLACED_REASON_LABELS[u.reason] }, { text: u.detail }],
      }))}
    />
  );
}
