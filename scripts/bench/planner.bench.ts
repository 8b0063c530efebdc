// The tour planner on three generated instances (app/models/tour-planner/generate.ts, seed 2026): a borough, a region
// and a national tour. Each runs in its own process (planner-worker.ts) so its peak memory is its own. No database.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchRow } from "./run";

const MEMORY_MB = 500;
const TARGETS = {
  borough: {
    label: "Borough: 30 schools, 1 team, one term",
    seconds: 0.5,
    overBound: (bound: number) => bound + 1,
    gap: "≤ 1 team-day over the bound",
  },
  region: {
    label: "Region: 400 schools, 3 teams, a year",
    seconds: 5,
    overBound: (bound: number) => Math.floor(bound * 1.05),
    gap: "≤ 5 % over the bound",
  },
  national: { label: "National: 3,000 schools, 12 teams, a year", seconds: 60, overBound: () => Infinity, gap: "" },
} as const;

type Run = { seconds: number; teamDays: number; bound: number; travelKm: number; sessions: number; unplaced: number; peakRssMb: number };

export default async function plannerBench(): Promise<BenchRow[]> {
  const here = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname);
  return (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((size) => {
    const target = TARGETS[size];
    const out = execFileSync(process.execPath, ["--import", "tsx", path.join(here, "planner-worker.ts"), size], {
      env: { ...process.env, TZ: "UTC" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as Run;
    const gapPercent = r.bound ? ((r.teamDays - r.bound) / r.bound) * 100 : 0;
    return {
      benchmark: `Tour planner. ${target.label}`,
      database: "none",
      figures:
        `${r.seconds.toFixed(2)} s; ${r.teamDays} team-days, bound ${r.bound} (+${gapPercent.toFixed(1)} %); ` +
        `${Math.round(r.travelKm).toLocaleString("en-GB")} km; ${r.sessions} sessions, ${r.unplaced} unplaced; peak RSS ${Math.round(r.peakRssMb)} MB`,
      target: `< ${target.seconds} s${target.gap ? `, ${target.gap}` : ""}, RSS < ${MEMORY_MB} MB`,
      met: r.seconds < target.seconds && r.teamDays <= target.overBound(r.bound) && r.peakRssMb < MEMORY_MB,
    };
  });
}
