// Recovery for what triggers keep for the reach reports beside the pupil columns: each session's disclosures by risk
// level and referrals, DeliveredDay, what the sessions delivered on each London day add up to for each programme
// (docs/decisions/029-delivered-days.md), and TrainedDay, each day a person attended a delivered session of a programme
// linked to the day before (docs/decisions/030-trained-days.md). After rows written with the triggers off, or to prove
// nothing drifted. Part of `npm run reports:rebuild`.
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

const TRAINED_DAY_COLUMNS = `"personId", "programmeId", "day", "kind", "previousDay", "previousDayOfKind", "previousDayInProgramme"`;

/**
 * TrainedDay as the migration's triggers keep it, from the registers: each person's days of attendance at delivered
 * sessions of each programme, each with the day before it at any programme, at programmes of the kind, and in the
 * programme (ties on a day ordered by programme, so each day has one first row).
 */
function freshTrainedDaysSql() {
  return `SELECT "personId", "programmeId", "day", "kind",
      LAG("day") OVER (PARTITION BY "personId" ORDER BY "day", "programmeId") AS "previousDay",
      LAG("day") OVER (PARTITION BY "personId", "kind" ORDER BY "day", "programmeId") AS "previousDayOfKind",
      LAG("day") OVER (PARTITION BY "personId", "programmeId" ORDER BY "day") AS "previousDayInProgramme"
    FROM (SELECT DISTINCT r."personId", s."programmeId", ${londonDaySql(`s."startsAt"`)} AS "day", p."kind"
      FROM "RegisterEntry" r JOIN "Session" s ON s."id" = r."sessionId" JOIN "Programme" p ON p."id" = s."programmeId"
      WHERE r."status" = 'ATTENDED' AND s."status" = 'DELIVERED') x`;
}

/**
 * Recounts TrainedDay from the registers when it differs, and says how many rows were wrong, missing or invented
 * (normally none). Registers, sessions and programmes are locked against writes meanwhile.
 */
export async function rebuildTrainedDays(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      if (usingPostgres()) await tx.$executeRawUnsafe(`LOCK TABLE "RegisterEntry", "Session", "Programme" IN SHARE ROW EXCLUSIVE MODE`);
      // A kept row that differs from its fresh one counts once: rows are compared by key, in the database.
      const kept = `SELECT ${TRAINED_DAY_COLUMNS} FROM "TrainedDay"`;
      const [{ wrong }] = await tx.$queryRawUnsafe<{ wrong: bigint | number }[]>(
        `WITH "fresh" AS (${freshTrainedDaysSql()}),
           "differing" AS (SELECT * FROM (SELECT * FROM (${kept}) k EXCEPT SELECT * FROM "fresh") a
                           UNION ALL SELECT * FROM (SELECT * FROM "fresh" EXCEPT SELECT * FROM (${kept}) k) b)
         SELECT COUNT(DISTINCT "personId" || '|' || "programmeId" || '|' || "day") AS "wrong" FROM "differing"`,
      );
      if (Number(wrong) === 0) return 0;
      await tx.$executeRawUnsafe(`DELETE FROM "TrainedDay"`);
      await tx.$executeRawUnsafe(`INSERT INTO "TrainedDay" (${TRAINED_DAY_COLUMNS}) ${freshTrainedDaysSql()}`);
      return Number(wrong);
    },
    { timeout: 600_000 },
  );
}
