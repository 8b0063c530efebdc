// npm run plan -- --programme NAME --from YYYY-MM-DD --to YYYY-MM-DD [--team NAME]… [--target-pupils N] [--out plan.json] [--book]
// Plans a tour against DATABASE_URL (the same model as the /plans pages), prints a summary and, with --out, writes the
// plan as JSON (docs/plan-format.md). --book books it as provisional sessions, all or nothing.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  bookPlanVersion,
  getPlanVersion,
  PlanBookingError,
  planDocument,
  PlanRequestError,
  requestPlan,
  waitForPlanVersion,
  type PlanDocument,
} from "~/models/tour-plans.server";
import { db } from "~/utils/db.server";
import { isDateOnly } from "~/utils/time";
import { runAsScript, type CliIo } from "./cli";

const USAGE =
  "Usage: npm run plan -- --programme NAME --from YYYY-MM-DD --to YYYY-MM-DD [--team NAME]… [--target-pupils N] [--out plan.json] [--book]";
const META = { ip: null, userAgent: "plan CLI" };
// The model's field names, as the command line's arguments.
const ARGUMENT_OF: Record<string, string> = {
  programmeId: "--programme",
  teamIds: "--team",
  from: "--from",
  to: "--to",
  targetPupils: "--target-pupils",
  venueIds: "--programme",
};

class ArgumentError extends Error {}

async function byName<T extends { id: string; name: string }>(rows: T[], name: string, argument: string, what: string): Promise<T> {
  const matches = rows.filter((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ArgumentError(`${argument}: more than one ${what} is called "${name}"`);
  throw new ArgumentError(`${argument}: there is no active ${what} called "${name}" (${rows.map((r) => r.name).join(", ") || "none"})`);
}

async function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      programme: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      team: { type: "string", multiple: true },
      "target-pupils": { type: "string" },
      out: { type: "string" },
      book: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.programme) throw new ArgumentError("--programme: give the programme's name");
  for (const argument of ["from", "to"] as const)
    if (!values[argument] || !isDateOnly(values[argument])) throw new ArgumentError(`--${argument}: give a date as YYYY-MM-DD`);
  let targetPupils: number | null = null;
  if (values["target-pupils"] !== undefined) {
    targetPupils = Number(values["target-pupils"]);
    if (!/^\d+$/.test(values["target-pupils"]) || targetPupils < 1) throw new ArgumentError("--target-pupils: give a whole number above 0");
  }
  const programmes = await db.programme.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const programme = await byName(programmes, values.programme, "--programme", "programme");
  const teams = await db.team.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const chosen = values.team?.length ? await Promise.all(values.team.map((t) => byName(teams, t, "--team", "team"))) : teams;
  if (!chosen.length) throw new ArgumentError("--team: there are no active teams");
  return { programme, teams: chosen, from: values.from!, to: values.to!, targetPupils, out: values.out, book: values.book ?? false };
}

function summary(doc: PlanDocument): string[] {
  const f = doc.figures;
  const schools = new Set(doc.sessions.map((s) => s.venueId)).size;
  return [
    `${doc.programme.name}: plan ${doc.planId} version ${doc.version}, ${doc.from} to ${doc.to}, ${doc.teams.map((t) => t.name).join(", ")}`,
    `  sessions planned: ${f.sessionsPlanned} at ${schools} ${schools === 1 ? "school" : "schools"}`,
    `  team-days:        ${f.teamDaysUsed} (lower bound ${f.lowerBoundTeamDays}${f.teamDaysUsed > f.lowerBoundTeamDays ? `, ${f.teamDaysUsed - f.lowerBoundTeamDays} over` : ""})`,
    `  travel:           ${f.travelKm.toFixed(1)} km, ${Math.round(f.travelMinutes)} min`,
    `  pupils expected:  ${f.pupilsPlanned} planned + ${f.pupilsExisting} already booked${f.targetPupils != null ? `, target ${f.targetPupils}` : ""}${f.shortfallPupils > 0 ? `, short by ${f.shortfallPupils}` : ""}`,
    ...f.lowerBoundReasons.map((r) => `  bound: ${r}`),
    ...f.suggestions.map((s) => `  to reach the target: ${s}`),
    `  not placed:       ${doc.unplaced.length}`,
    ...doc.unplaced.map((u) => `    ${u.urn ?? u.venueId} ${u.name}: ${u.reason} (${u.detail})`),
  ];
}

/** Runs the command; returns the exit code (0 done, 1 planning or booking failed, 2 bad arguments). */
export async function main(argv: string[], io: CliIo, _env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<number> {
  const say = (line: string) => io.stdout(`${line}\n`);
  const complain = (line: string) => io.stderr(`${line}\n`);
  let args;
  try {
    args = await parse(argv);
  } catch (error) {
    if (error instanceof ArgumentError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      complain(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  let versionId: string;
  try {
    ({ versionId } = await requestPlan(
      null,
      {
        programmeId: args.programme.id,
        teamIds: args.teams.map((t) => t.id),
        from: args.from,
        to: args.to,
        target: args.targetPupils ? { kind: "PUPILS", pupils: args.targetPupils } : { kind: "EVERY_SCHOOL" },
      },
      META,
      now,
    ));
  } catch (error) {
    if (error instanceof PlanRequestError) {
      complain(`${ARGUMENT_OF[error.field ?? ""] ?? "plan"}: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const status = await waitForPlanVersion(versionId);
  if (status !== "DONE") {
    const { error } = await getPlanVersion(versionId);
    complain(`Planning ${status.toLowerCase()}${error ? `: ${error}` : ""}`);
    return 1;
  }
  let code = 0;
  if (args.book) {
    try {
      const { sessionIds } = await bookPlanVersion(null, versionId, META, now);
      say(`Booked ${sessionIds.length} provisional sessions.`);
    } catch (error) {
      if (!(error instanceof PlanBookingError)) throw error;
      complain(`Nothing was booked: ${error.failures.length} of the plan's sessions break a booking rule`);
      for (const f of error.failures)
        complain(`  ${f.venueName}, ${f.date} ${f.startTime}: ${f.rules.map((r) => `${r.rule}: ${r.message}`).join("; ")}`);
      code = 1;
    }
  }
  const doc = planDocument(await getPlanVersion(versionId));
  for (const line of summary(doc)) say(line);
  if (args.out) {
    writeFileSync(args.out, `${JSON.stringify(doc, null, 2)}\n`);
    say(`Written to ${args.out}`);
  }
  return code;
}

await runAsScript(import.meta.url, main, () => db.$disconnect());
