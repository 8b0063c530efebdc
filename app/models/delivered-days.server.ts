// Recovery for what triggers keep for the reach reports beside the pupil columns (docs/decisions/029-delivered-days.md):
// each session's disclosures by risk level and referrals, and DeliveredDay, what the sessions delivered on each London
// day add up to for each programme. After rows written with the triggers off, or to prove nothing drifted. Part of
// `npm run reports:rebuild`.
import { SEXES, YEAR_GROUPS } from "~/utils/attendance";
import { db, usingPostgres } from "~/utils/db.server";
import { SEX_COLUMNS } from "./reach.server";

// The summed figures, with Session's column of the same name; the four Session columns that may be null count as 0.
const FIGURES = [
  "pupilCount",
  ...YEAR_GROUPS.map((group) => `pupils${group}`),
  "pupilsOtherYear",
  ...SEXES.map((sex) => SEX_COLUMNS[sex]),
  "headcount",
  "conversations",
  "leafletsGiven",
  "adultsPresent",
  "disclosuresLow",
  "disclosuresMedium",
  "disclosuresHigh",
  "referrals",
];

/**
 * The London date a session starts on, in SQL, as the migration's triggers compute it: PostgreSQL from its time zone
 * tables; SQLite, which has none, by the rule British Summer Time has followed since 1996 (from 01:00 UTC on the last
 * Sunday of March, the first Sunday on or after the 25th, to 01:00 UTC on the last Sunday of October).
 */
function londonDaySql(instant: string) {
  if (usingPostgres()) return `to_char((${instant} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;
  const summerTime = (month: string) => `datetime(date(strftime('%Y', ${instant}) || '-${month}-31', '-6 days', 'weekday 0'), '+1 hour')`;
  return `date(${instant}, CASE WHEN datetime(${instant}) >= ${summerTime("03")} AND datetime(${instant}) < ${summerTime("10")} THEN '+1 hour' ELSE '+0 hours' END)`;
}

const RISKS = { disclosuresLow: "LOW", disclosuresMedium: "MEDIUM", disclosuresHigh: "HIGH" } as const;

type DayRow = Record<string, string | number>;
const keyed = (rows: DayRow[]) =>
  new Map(
    rows
      .filter((r) => Object.entries(r).some(([name, value]) => name !== "day" && name !== "programmeId" && Number(value) !== 0))
      .map((r) => [`${r.day}|${r.programmeId}`, JSON.stringify(Object.entries(r).map(([name, value]) => [name, Number(value)]))]),
  );

/**
 * Recounts each session's disclosure columns from Disclosure, then DeliveredDay from the sessions, and says how many
 * sessions and days were wrong (normally none). Sessions are locked against writes while the days are recounted.
 */
export async function rebuildDeliveredDays(): Promise<{ sessions: number; days: number }> {
  return db.$transaction(async (tx) => {
    if (usingPostgres()) await tx.$executeRawUnsafe(`LOCK TABLE "Session", "Disclosure" IN SHARE ROW EXCLUSIVE MODE`);
    const fresh = (where: string) => `(SELECT COUNT(*) FROM "Disclosure" d WHERE d."sessionId" = "Session"."id" AND ${where})`;
    const columns: [string, string][] = [
      ...Object.entries(RISKS).map(([column, risk]): [string, string] => [column, fresh(`d."risk" = '${risk}'`)]),
      ["referrals", fresh(`d."referralTo" IS NOT NULL`)],
    ];
    // Every name and value in these statements is a constant of this module: nothing from a request reaches them.
    const sessions = await tx.$executeRawUnsafe(
      `UPDATE "Session" SET ${columns.map(([column, value]) => `"${column}" = ${value}`).join(", ")}
       WHERE ${columns.map(([column, value]) => `"${column}" <> ${value}`).join(" OR ")}`,
    );
    const all = `SELECT * FROM "DeliveredDay" ORDER BY "day", "programmeId"`;
    const before = keyed(await tx.$queryRawUnsafe<DayRow[]>(all));
    await tx.$executeRawUnsafe(`DELETE FROM "DeliveredDay"`);
    await tx.$executeRawUnsafe(
      `INSERT INTO "DeliveredDay" ("day", "programmeId", "sessions", ${FIGURES.map((f) => `"${f}"`).join(", ")})
       SELECT ${londonDaySql(`s."startsAt"`)}, s."programmeId", COUNT(*), ${FIGURES.map((f) => `SUM(COALESCE(s."${f}", 0))`).join(", ")}
       FROM "Session" s WHERE s."status" = 'DELIVERED' GROUP BY 1, 2`,
    );
    const after = keyed(await tx.$queryRawUnsafe<DayRow[]>(all));
    const keys = new Set([...before.keys(), ...after.keys()]);
    return { sessions, days: [...keys].filter((k) => before.get(k) !== after.get(k)).length };
  });
}
