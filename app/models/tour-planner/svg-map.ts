// Maps of a day's route and of a whole tour, drawn from British National Grid coordinates: no tiles, no requests.
// mapOfDays gives the shapes (a React component can render them); renderMapSvg gives a finished, accessible SVG.
import type { GridPoint, PlannedDay, PlanSchool, PlanTeam } from "./types";

/** Colour-blind-safe colours (Okabe and Ito), with a dash pattern each so teams differ in greyscale too. */
const TEAM_STYLES = [
  { colour: "#0072B2", dash: "" },
  { colour: "#D55E00", dash: "8 4" },
  { colour: "#009E73", dash: "2 3" },
  { colour: "#CC79A7", dash: "12 4 2 4" },
  { colour: "#000000", dash: "6 2 2 2 2 2" },
  { colour: "#E69F00", dash: "16 6" },
];

export type MapPoint = { x: number; y: number; label: string; kind: "school" | "base"; venueId?: string; teamId?: string };
export type MapRoute = { teamId: string; teamName: string; date: string; path: string; colour: string; dash: string };
export type TourMapData = { viewBox: string; width: number; height: number; points: MapPoint[]; routes: MapRoute[] };

const WIDTH = 640;
const PAD = 24;

/** Shapes for the given days: the schools they visit, the teams' bases, and each day's route in visiting order. */
export function mapOfDays(days: readonly PlannedDay[], schools: readonly PlanSchool[], teams: readonly PlanTeam[]): TourMapData {
  const schoolById = new Map(schools.map((s) => [s.venueId, s]));
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const used = new Set(days.flatMap((d) => d.venueIds));
  const usedTeams = teams.filter((t) => days.some((d) => d.teamId === t.id));
  const located = [...used].map((id) => schoolById.get(id)).filter((s): s is PlanSchool & { location: GridPoint } => !!s?.location);
  const all: GridPoint[] = [...located.map((s) => s.location), ...usedTeams.flatMap((t) => (t.base ? [t.base] : []))];
  if (!all.length) return { viewBox: `0 0 ${WIDTH} ${WIDTH / 2}`, width: WIDTH, height: WIDTH / 2, points: [], routes: [] };

  const minE = Math.min(...all.map((p) => p.easting));
  const maxE = Math.max(...all.map((p) => p.easting));
  const minN = Math.min(...all.map((p) => p.northing));
  const maxN = Math.max(...all.map((p) => p.northing));
  const span = Math.max(maxE - minE, maxN - minN, 1000);
  const scale = (WIDTH - 2 * PAD) / span;
  const height = Math.round((maxN - minN) * scale + 2 * PAD);
  // Grid north is up: northing grows upwards, SVG y downwards.
  const at = (p: GridPoint) => ({ x: round(PAD + (p.easting - minE) * scale), y: round(height - PAD - (p.northing - minN) * scale) });

  const points: MapPoint[] = [
    ...usedTeams.flatMap((t) => (t.base ? [{ ...at(t.base), label: `${t.name} base`, kind: "base" as const, teamId: t.id }] : [])),
    ...located.map((s) => ({ ...at(s.location), label: s.name, kind: "school" as const, venueId: s.venueId })),
  ];
  const routes: MapRoute[] = days.flatMap((d) => {
    const team = teams[teamIndex.get(d.teamId) ?? -1];
    const stops = [team?.base, ...d.venueIds.map((id) => schoolById.get(id)?.location ?? null), team?.base].filter(
      (p): p is GridPoint => !!p,
    );
    if (stops.length < 2) return [];
    const style = TEAM_STYLES[(teamIndex.get(d.teamId) ?? 0) % TEAM_STYLES.length];
    const path = stops.map((p, i) => `${i ? "L" : "M"}${at(p).x} ${at(p).y}`).join(" ");
    return [{ teamId: d.teamId, teamName: team?.name ?? d.teamId, date: d.date, path, colour: style.colour, dash: style.dash }];
  });
  return { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, points, routes };
}

const round = (v: number) => Math.round(v * 10) / 10;
const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * An accessible SVG: role="img" named by its <title> and described by its <desc> (pages put the same data in a
 * table beside it). Bases are squares, schools circles; each team has its own colour and dash pattern.
 */
export function renderMapSvg(map: TourMapData, text: { id: string; title: string; description: string }): string {
  const titleId = `${text.id}-title`;
  const descId = `${text.id}-desc`;
  const routes = map.routes
    .map(
      (r) =>
        `<path d="${r.path}" fill="none" stroke="${r.colour}" stroke-width="2"${r.dash ? ` stroke-dasharray="${r.dash}"` : ""}>` +
        `<title>${escapeXml(`${r.teamName}, ${r.date}`)}</title></path>`,
    )
    .join("");
  const points = map.points
    .map((p) =>
      p.kind === "base"
        ? `<rect x="${p.x - 6}" y="${p.y - 6}" width="12" height="12" fill="#0b0c0c"><title>${escapeXml(p.label)}</title></rect>`
        : `<circle cx="${p.x}" cy="${p.y}" r="4" fill="#ffffff" stroke="#0b0c0c" stroke-width="2"><title>${escapeXml(p.label)}</title></circle>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox}" width="${map.width}" height="${map.height}" role="img" ` +
    `aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(text.title)}</title>` +
    `<desc id="${descId}">${escapeXml(text.description)}</desc>${routes}${points}</svg>`
  );
}
