// A small world for the attendance tests: a team with its facilitator, another team, and sessions of each kind.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { db } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";

export const meta = { ip: "127.0.0.1", userAgent: "vitest" };
export const yesterday = () => addDays(todayInLondon(), -1);
export const nextWeek = () => addDays(todayInLondon(), 7);

export async function attendanceWorld() {
  const team = await makeTeam(db);
  const otherTeam = await makeTeam(db);
  const facilitator = await makeUser(db, { roles: ["FACILITATOR"], teamId: team.id });
  const outsider = await makeUser(db, { roles: ["FACILITATOR"], teamId: otherTeam.id });
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const manager = await makeUser(db, { roles: ["MANAGER"] });
  const play = await makeProgramme(db, { kind: "SCHOOL_PLAY", name: "Somebody's Daughter" });
  const stall = await makeProgramme(db, { kind: "AWARENESS_STALL", audienceType: "PUBLIC", name: "Market stall" });
  const performance = await makeProgramme(db, { kind: "COMMUNITY_PERFORMANCE", audienceType: "PUBLIC", name: "Community performance" });
  const drivers = await makeProgramme(db, {
    kind: "DRIVER_TRAINING",
    audienceType: "DRIVERS",
    name: "Driver safeguarding",
    refresherMonths: 36,
  });
  const staff = await makeProgramme(db, { kind: "STAFF_BRIEFING", audienceType: "STAFF", name: "Staff briefing", refresherMonths: 12 });
  const school = await makeVenue(db, { kind: "SECONDARY_SCHOOL", hallCapacity: 200 });
  const hall = await makeVenue(db, { kind: "COUNCIL_SITE", hallCapacity: 40 });
  const operator = await makeVenue(db, { kind: "TAXI_OPERATOR", name: `Northfield Cars ${Date.now()}` });
  const session = (
    programmeId: string,
    venueId: string,
    date = yesterday(),
    extra: { teamId?: string; status?: "CONFIRMED" | "CANCELLED" | "DELIVERED" } = {},
  ) =>
    makeSession(db, {
      programmeId,
      venueId,
      teamId: extra.teamId ?? team.id,
      date,
      start: "09:30",
      end: "11:00",
      status: extra.status ?? "CONFIRMED",
    });
  const actor = (user: { id: string; email: string }, roles: string[]) => ({ id: user.id, email: user.email, roles });
  return {
    team,
    otherTeam,
    play,
    stall,
    performance,
    drivers,
    staff,
    school,
    hall,
    operator,
    session,
    users: { facilitator, outsider, coordinator, manager },
    as: {
      facilitator: actor(facilitator, ["FACILITATOR"]),
      outsider: actor(outsider, ["FACILITATOR"]),
      coordinator: actor(coordinator, ["COORDINATOR"]),
      manager: actor(manager, ["MANAGER"]),
    },
  };
}

/** Every text run of a PDF, page by page, as pdf.js extracts it. */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: string[]; title: unknown; language: unknown }> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: "node_modules/pdfjs-dist/standard_fonts/",
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  const metadata = await doc.getMetadata();
  const info = metadata.info as { Title?: string; Language?: string };
  return { pages, title: info.Title, language: info.Language };
}
