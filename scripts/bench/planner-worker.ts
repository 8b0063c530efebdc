// One generated planning instance, planned once in this process: prints the figures as one JSON line, with the
// process's peak resident memory (so each size is measured on its own).
import { generateInstance, type InstanceSize } from "../../app/models/tour-planner/generate";
import { planTour } from "../../app/models/tour-planner/solve";

const size = process.argv[2] as InstanceSize;
const input = generateInstance({ seed: 2026, size });
const started = performance.now();
const result = planTour(input);
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    size,
    schools: input.schools.length,
    teams: input.teams.length,
    seconds,
    teamDays: result.figures.teamDaysUsed,
    bound: result.figures.lowerBoundTeamDays,
    travelKm: result.figures.travelKm,
    sessions: result.figures.sessionsPlanned,
    unplaced: result.unplaced.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
