// Shared set-up for the disclosure tests: a delivered session yesterday with a named venue contact.
import { db, usingPostgres } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { signedInAs } from "../setup/requests";

export const MARKER = "ZEBRA-MARKER-7741";
export const YESTERDAY = () => addDays(todayInLondon(), -1);

export async function disclosureWorld() {
  const team = await makeTeam(db);
  const programme = await makeProgramme(db);
  const venue = await makeVenue(db, { contact: { name: "Alison Reid", role: "DSL", email: "dsl@venue.example.test" } });
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date: YESTERDAY(),
    start: "09:30",
    end: "11:00",
    status: "DELIVERED",
  });
  const facilitator = await signedInAs(["FACILITATOR"], { teamId: team.id });
  const coordinator = await signedInAs(["COORDINATOR"]);
  const manager = await signedInAs(["MANAGER"]);
  const admin = await signedInAs(["ADMIN"]);
  const lead = await signedInAs(["LEAD"]);
  return { team, programme, venue, session, facilitator, coordinator, manager, admin, lead };
}

export function logForm(sessionId: string, overrides: Record<string, string | string[]> = {}, categoryIds: string[] = ["concern_cse"]) {
  const [year, month, day] = YESTERDAY().split("-");
  return {
    where: sessionId,
    disclosedDay: day,
    disclosedMonth: month,
    disclosedYear: year,
    disclosedTime: "14:30",
    yearGroup: "Y10",
    sex: "GIRL",
    attendsVenueSchool: "YES",
    categoryIds,
    risk: "HIGH",
    account: `They said an older man gives them lifts and vapes. ${MARKER}`,
    immediateAction: `Spoke to the school DSL. ${MARKER}-ACTION`,
    referralTo: "NONE",
    ...overrides,
  };
}

/** Make the database refuse to insert audit rows for one action, to prove a failed audit write fails the request. */
export async function refuseAuditInserts(action: string) {
  if (usingPostgres()) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action = '${action}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()`,
    );
  } else {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON "AuditEvent" WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
  }
}

export async function allowAuditInserts() {
  await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_audit${usingPostgres() ? ` ON "AuditEvent"` : ""}`);
  if (usingPostgres()) await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_audit()`);
}
