// What a plan's page shows, worked out from a saved version's input and result: each team's days with their
// sessions in order, and the maps (server-rendered SVG, with the same stops as a table). Pure, so it is tested
// without a database and a page never computes anything itself.
import { mapOfDays, renderMapSvg } from "./svg-map";
import type { PlanInput, PlanResult } from "./types";

export type PlanStop = {
  venueId: string;
  name: string;
  urn: string | null;
  startTime: string;
  endTime: string;
  expectedPupils: number | null;
  pinned: boolean;
};
export type PlanDayView = {
  id: string;
  teamId: string;
  teamName: string;
  date: string;
  travelKm: number;
  travelMinutes: number;
  stops: PlanStop[];
};
export type PlanMapView = { id: string; title: string; description: string; svg: string; days: PlanDayView[] };

const km = (n: number) => `${n.toLocaleString("en-GB", { maximumFractionDigits: 1 })} km`;

export function planView(input: PlanInput, result: PlanResult) {
  const schoolById = new Map(input.schools.map((s) => [s.venueId, s]));
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  const days: PlanDayView[] = [...result.days]
    .sort((a, b) => a.date.localeCompare(b.date) || (teamName.get(a.teamId) ?? "").localeCompare(teamName.get(b.teamId) ?? ""))
    .map((d) => ({
      id: `${d.teamId}-${d.date}`,
      teamId: d.teamId,
      teamName: teamName.get(d.teamId) ?? d.teamId,
      date: d.date,
      travelKm: d.travelKm,
      travelMinutes: d.travelMinutes,
      stops: result.sessions
        .filter((s) => s.teamId === d.teamId && s.date === d.date)
        .sort((a, b) => a.startTime.localeCompare(b.startTime))
        .map((s) => ({
          venueId: s.venueId,
          name: schoolById.get(s.venueId)?.name ?? s.venueId,
          urn: s.urn,
          startTime: s.startTime,
          endTime: s.endTime,
          expectedPupils: s.expectedPupils,
          pinned: s.pinned,
        })),
    }));
  const dayMap = (day: PlanDayView, index: number): PlanMapView => {
    const id = `map-day-${index + 1}`;
    const title = `${day.teamName}, ${day.date}: route`;
    const places = [...new Set(day.stops.map((s) => s.name))].join(", ");
    const description = `${day.stops.length} ${day.stops.length === 1 ? "session" : "sessions"} at ${places}; ${km(day.travelKm)} of travel`;
    const shapes = mapOfDays(
      result.days.filter((d) => d.teamId === day.teamId && d.date === day.date),
      input.schools,
      input.teams,
    );
    return { id, title, description, svg: renderMapSvg(shapes, { id, title, description }), days: [day] };
  };
  const schoolsVisited = new Set(result.sessions.map((s) => s.venueId)).size;
  const tourDescription = `${days.length} ${days.length === 1 ? "team-day" : "team-days"} visiting ${schoolsVisited} ${schoolsVisited === 1 ? "school" : "schools"}; ${km(result.figures.travelKm)} of travel`;
  const tour: PlanMapView = {
    id: "map-tour",
    title: "The whole tour",
    description: tourDescription,
    svg: renderMapSvg(mapOfDays(result.days, input.schools, input.teams), {
      id: "map-tour",
      title: "The whole tour",
      description: tourDescription,
    }),
    days,
  };
  return { days, tour, dayMaps: days.map(dayMap) };
}
