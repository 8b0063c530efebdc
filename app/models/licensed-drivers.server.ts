// The council's register of licensed taxi and private-hire drivers (badge number, licence expiry), imported as CSV
// and replaced whole each time, so the reports can say how many licensed drivers are trained, and who renews soon
// without training. A driver is trained when a person with the same licence number attended delivered driver training.
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { CsvSyntaxError, decodeCsvBytes, parseCsvWithHeader } from "~/utils/csv.server";
import { db } from "~/utils/db.server";
import { addDays, dateFromParts, isDateOnly, todayInLondon } from "~/utils/time";
import { CsvFileError } from "./calendars.server";
import { normaliseLicenceNumber } from "./people.server";

export const LICENSED_DRIVER_COLUMNS = ["badge_number", "licence_expiry"] as const;
const MAX_LICENSED_DRIVERS = 50_000;
/** A licence renewing within this many days, held by an untrained driver, is worth a training invitation. */
const RENEWS_SOON_DAYS = 90;

/** "2027-03-31" or "31/03/2027" as a date, else null. */
function expiryDate(value: string): string | null {
  const text = value.trim();
  if (isDateOnly(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return uk ? dateFromParts(uk[1], uk[2], uk[3]) : null;
}

/** Replace the register with the drivers in a CSV upload. Every row is checked first; one bad row and nothing changes. */
export async function importLicensedDrivers(actor: Actor, bytes: Uint8Array, meta: RequestMeta) {
  let parsed: ReturnType<typeof parseCsvWithHeader>;
  try {
    parsed = parseCsvWithHeader(decodeCsvBytes(bytes).text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CsvFileError(error.message);
    throw error;
  }
  const header = parsed.header.map((h) => h.trim().toLowerCase());
  const missing = LICENSED_DRIVER_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    throw new CsvFileError(`The file is missing ${missing.join(" and ")}. The first row must be: ${LICENSED_DRIVER_COLUMNS.join(",")}`);
  if (!parsed.rows.length) throw new CsvFileError("The file has no drivers under its header row");
  if (parsed.rows.length > MAX_LICENSED_DRIVERS)
    throw new CsvFileError(`The file has ${parsed.rows.length} drivers: ${MAX_LICENSED_DRIVERS} at most`);
  const column = (values: Record<string, string>, name: string) => values[parsed.header[header.indexOf(name)]] ?? "";
  const problems: { line: number; message: string }[] = [];
  const drivers = new Map<string, { badgeNumber: string; licenceExpiry: string }>();
  for (const { line, values } of parsed.rows) {
    const badgeNumber = normaliseLicenceNumber(column(values, "badge_number"));
    const licenceExpiry = expiryDate(column(values, "licence_expiry"));
    const messages: string[] = [];
    if (!badgeNumber) messages.push("badge_number is empty");
    else if (badgeNumber.length > 40) messages.push("badge_number must be 40 characters or fewer");
    else if (drivers.has(badgeNumber)) messages.push(`badge number ${badgeNumber} is on an earlier row too`);
    if (!licenceExpiry) messages.push("licence_expiry must be a date such as 2027-03-31 or 31/03/2027");
    if (messages.length) problems.push({ line, message: messages.join("; ") });
    else drivers.set(badgeNumber, { badgeNumber, licenceExpiry: licenceExpiry! });
  }
  if (problems.length)
    throw new CsvFileError(
      `${problems.length} ${problems.length === 1 ? "row has a problem" : "rows have problems"}, so nothing was imported`,
      problems.slice(0, 50),
    );
  const rows = [...drivers.values()];
  await db.$transaction(async (tx) => {
    await tx.licensedDriver.deleteMany({});
    for (let i = 0; i < rows.length; i += 1000) await tx.licensedDriver.createMany({ data: rows.slice(i, i + 1000) });
    await writeAudit(
      tx,
      { actor, meta },
      { action: "licensed_drivers.import", entityType: "LicensedDriver", details: { v: 1, drivers: rows.length } },
    );
  });
  return { drivers: rows.length };
}

export type LicensedDriverFigures = { licensed: number; trained: number; untrained: number; renewingUntrained: number; renewsBy: string };

/** Licensed drivers on the register today, how many are trained, and the untrained whose licence renews within 90 days. */
export async function licensedDriverFigures(now: Date = new Date()): Promise<LicensedDriverFigures> {
  const today = todayInLondon(now);
  const renewsBy = addDays(today, RENEWS_SOON_DAYS);
  const [row] = await db.$queryRaw<{ licensed: bigint | number; trained: bigint | number | null; renewing: bigint | number | null }[]>`
    SELECT COUNT(*) AS "licensed",
      SUM(CASE WHEN t."trained" = 1 THEN 1 ELSE 0 END) AS "trained",
      SUM(CASE WHEN t."trained" = 0 AND t."licenceExpiry" >= ${today} AND t."licenceExpiry" <= ${renewsBy} THEN 1 ELSE 0 END) AS "renewing"
    FROM (
      SELECT d."licenceExpiry",
        CASE WHEN EXISTS (
          SELECT 1 FROM "Person" p
          JOIN "RegisterEntry" r ON r."personId" = p."id"
          JOIN "Session" s ON s."id" = r."sessionId"
          JOIN "Programme" g ON g."id" = s."programmeId"
          WHERE p."licenceNumber" = d."badgeNumber" AND r."status" = 'ATTENDED' AND s."status" = 'DELIVERED' AND g."kind" = 'DRIVER_TRAINING'
        ) THEN 1 ELSE 0 END AS "trained"
      FROM "LicensedDriver" d
    ) t`;
  const licensed = Number(row?.licensed ?? 0);
  const trained = Number(row?.trained ?? 0);
  return { licensed, trained, untrained: licensed - trained, renewingUntrained: Number(row?.renewing ?? 0), renewsBy };
}
