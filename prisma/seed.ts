// Demo data for a fictional borough ("Northfield"). Runs only when the database has no users,
// so `npm run demo` twice keeps whatever was added in between.
import { sendInvitation } from "~/models/invitations.server";
import { enrolWithKnownSecret } from "~/models/two-factor.server";
import { db } from "~/utils/db.server";
import { issueCertificate } from "~/models/certificates.server";
import { currentAcademicYear, SCHOOLS_IN_AREA } from "~/models/reach.server";
import { createTarget } from "~/models/targets.server";
import { saveQuestionnaireVersion, setQuestionnaireRun, submitQuestionnaire } from "~/models/questionnaires.server";
import { requestPlan, waitForPlanVersion } from "~/models/tour-plans.server";
import { bookSession, cancelSession, rescheduleSession, type BookingInput } from "~/models/sessions/changes.server";
import {
  ClashError,
  NonWorkingDayError,
  NotYetDeliveredError,
  PastBookingError,
  TeamDayFullError,
  UnavailableDateError,
} from "~/models/sessions/errors";
import { addDays, addMonths, isoWeekday, londonDate, londonToInstant } from "~/utils/time";
import { makeDisclosure, makeProgramme, makeTeam, makeUser, makeVenue } from "../tests/factories";

import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./demo-credentials";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };
export const DEMO_USERS = [
  { email: "coordinator@demo.outreach.test", name: "Priya Shah", roles: ["COORDINATOR"] },
  { email: "facilitator@demo.outreach.test", name: "Tom Okafor", roles: ["FACILITATOR"] },
  { email: "manager@demo.outreach.test", name: "Helen Price", roles: ["MANAGER"] },
  { email: "lead@demo.outreach.test", name: "Grace Mensah", roles: ["LEAD"] },
  { email: "admin@demo.outreach.test", name: "Sam Clarke", roles: ["ADMIN"] },
] as const;

// ~20 secondary schools and colleges: [name, kind, postcode, roll, urn, phase]
const SCHOOLS: [string, "SECONDARY_SCHOOL" | "COLLEGE" | "SPECIAL_SCHOOL", string, number, string][] = [
  ["Northfield Academy", "SECONDARY_SCHOOL", "NF1 3QA", 1420, "990101"],
  ["St Anne's Catholic High School", "SECONDARY_SCHOOL", "NF1 7HD", 1105, "990102"],
  ["Ashgrove School", "SECONDARY_SCHOOL", "NF2 4LB", 980, "990103"],
  ["Riverside Community College", "SECONDARY_SCHOOL", "NF2 8PW", 1260, "990104"],
  ["Hollins Park High School", "SECONDARY_SCHOOL", "NF3 1RT", 1530, "990105"],
  ["Castle Mead Academy", "SECONDARY_SCHOOL", "NF3 6JN", 870, "990106"],
  ["Brookside School", "SECONDARY_SCHOOL", "NF4 2EX", 1190, "990107"],
  ["Kingsway Girls' School", "SECONDARY_SCHOOL", "NF4 9AZ", 1010, "990108"],
  ["Oakfield Church of England Academy", "SECONDARY_SCHOOL", "NF5 5DG", 1340, "990109"],
  ["Moorside High School", "SECONDARY_SCHOOL", "NF5 8UL", 760, "990110"],
  ["Westgate Free School", "SECONDARY_SCHOOL", "NF6 3BS", 640, "990111"],
  ["Elmwood Academy", "SECONDARY_SCHOOL", "NF6 7QR", 1480, "990112"],
  ["Harbour View School", "SECONDARY_SCHOOL", "NF7 2HF", 1150, "990113"],
  ["Greenhill Academy", "SECONDARY_SCHOOL", "NF7 6NP", 920, "990114"],
  ["Thornbury High School", "SECONDARY_SCHOOL", "NF8 1WD", 1700, "990115"],
  ["Northfield Sixth Form College", "COLLEGE", "NF1 5TX", 1800, "990116"],
  ["Northfield College of Further Education", "COLLEGE", "NF2 1YB", 4200, "990117"],
  ["Meadowbank Special School", "SPECIAL_SCHOOL", "NF3 9GE", 140, "990118"],
  ["Southgate University Technical College", "COLLEGE", "NF8 4KA", 520, "990119"],
  ["Bridgewater Studio School", "SECONDARY_SCHOOL", "NF9 2LS", 310, "990120"],
];

// British National Grid (Easting, Northing) of each school above, in the same order: a borough about 12 km across
// (Northfield is fictional; the grid square is a real metropolitan borough's, so distances and maps are realistic).
const SCHOOL_GRID: [number, number][] = [
  [389850, 390650],
  [390900, 391800],
  [386400, 392300],
  [387200, 389100],
  [392800, 393400],
  [393900, 390200],
  [385100, 387600],
  [388300, 386900],
  [391600, 387800],
  [394700, 388100],
  [383900, 390900],
  [386900, 394600],
  [390200, 395300],
  [395600, 392600],
  [392100, 385200],
  [389300, 391400],
  [388700, 390100],
  [391200, 389600],
  [384600, 385400],
  [396300, 386700],
];
/** Where the demo touring company sets out from each day (NF1 1AA). */
const TEAM_BASE = { baseEasting: 389600, baseNorthing: 390300 };

const STREETS = ["School Lane", "Park Road", "Church Street", "Mill Lane", "Station Road", "Victoria Road", "Queensway", "Manor Road"];
const CONTACT_NAMES = [
  "Alison Reid",
  "David Kaur",
  "Fiona Walsh",
  "Imran Hussain",
  "Joanne Clarke",
  "Mark Ellis",
  "Nadia Rahman",
  "Owen Price",
];

const TERMS = [
  {
    year: "2025/26",
    start: "2025-09-01",
    end: "2026-08-31",
    terms: [
      ["Autumn", "2025-09-03", "2025-12-19", "2025-10-27", "2025-10-31"],
      ["Spring", "2026-01-05", "2026-03-27", "2026-02-16", "2026-02-20"],
      ["Summer", "2026-04-13", "2026-07-21", "2026-05-25", "2026-05-29"],
    ],
  },
  {
    year: "2026/27",
    start: "2026-09-01",
    end: "2027-08-31",
    terms: [
      ["Autumn", "2026-09-03", "2026-12-18", "2026-10-26", "2026-10-30"],
      ["Spring", "2027-01-05", "2027-03-25", "2027-02-15", "2027-02-19"],
      ["Summer", "2027-04-12", "2027-07-21", "2027-05-31", "2027-06-04"],
    ],
  },
] as const;

/** The nearest weekday (Mon–Fri) on or after a date (step 1), or on or before it (step -1). */
function nearestWeekday(date: string, step: 1 | -1 = 1): string {
  let d = date;
  while (isoWeekday(d) > 5) d = addDays(d, step);
  return d;
}

const SEED_META = { ip: null, userAgent: "seed" };
// The reasons a date can be refused; any other refusal (capacity, a missing programme) is a mistake in the seed.
const DATE_RULES = [ClashError, TeamDayFullError, NonWorkingDayError, UnavailableDateError, PastBookingError, NotYetDeliveredError];

type DemoBooking = Omit<BookingInput, "date" | "alreadyDelivered"> & {
  /** The preferred date: later weekdays are tried for sessions to come, earlier ones for past sessions. */
  date: string;
  /** For a past session: DELIVERED is recorded as delivered; anything else was booked a month before it took place. */
  status?: "DELIVERED" | "PROVISIONAL" | "INVITED" | "CONFIRMED";
  /** A fixed id, for sessions the demo and the end-to-end journeys open directly. */
  id?: string;
};

/**
 * Books a demo session through the booking rules (term dates, closures, clashes with turnaround and travel, the team's
 * day), so the demo diary obeys them. Returns null if no weekday within three weeks of the preferred one is free.
 */
async function bookDemoSession({ date, status = "PROVISIONAL", id, ...input }: DemoBooking) {
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: "coordinator@demo.outreach.test" },
    select: { id: true, email: true },
  });
  const actor = { ...coordinator, roles: ["COORDINATOR"] };
  const today = londonDate(new Date());
  const step = date < today ? -1 : 1;
  for (let d = nearestWeekday(date, step), tries = 0; tries < 15; d = nearestWeekday(addDays(d, step), step), tries++) {
    const past = d < today;
    const delivered = past && status === "DELIVERED";
    // A past session that was not delivered (awaiting its counts, or its invitation) was booked before it took place.
    const bookedAt = past && !delivered ? londonToInstant(addDays(d, -30), "12:00") : new Date();
    try {
      const booked = await bookSession(actor, { ...input, date: d, alreadyDelivered: delivered }, SEED_META, bookedAt);
      if ((status === "PROVISIONAL" || status === "DELIVERED") && !id) return booked;
      // Only the status or id changes here: the dates and times the rules accepted stay as they are. (The booking's
      // audit row, which cannot be changed, keeps the id the session was booked under.)
      return db.session.update({
        where: { id: booked.id },
        data: { status, ...(id ? { id } : {}) },
        select: { id: true, startsAt: true, endsAt: true, status: true },
      });
    } catch (error) {
      if (!DATE_RULES.some((rule) => error instanceof rule)) throw error;
    }
  }
  return null;
}

async function bookRequiredDemoSession(booking: DemoBooking) {
  const session = await bookDemoSession(booking);
  if (!session) throw new Error(`The demo has no free date near ${booking.date} for a session at venue ${booking.venueId}`);
  return session;
}

export async function seedDemo(): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };

  const users: Record<string, { id: string }> = {};
  for (const u of DEMO_USERS) users[u.roles[0]] = await makeUser(db, { ...u, roles: [...u.roles], password: DEMO_PASSWORD });

  const play = await makeProgramme(db, {
    name: "Somebody's Daughter",
    kind: "SCHOOL_PLAY",
    provider: "Open Door Theatre Company",
    audienceType: "PUPILS",
    yearGroups: "10",
    description: "A 50-minute play about grooming and child sexual exploitation, followed by a 40-minute workshop.",
    defaultDurationMinutes: 90,
    capacity: 240,
    getInMinutes: 60,
    getOutMinutes: 45,
  });
  await makeProgramme(db, {
    name: "Spotting exploitation: briefing for council staff",
    kind: "STAFF_BRIEFING",
    provider: "Northfield Safeguarding Partnership",
    audienceType: "STAFF",
    yearGroups: "",
    defaultDurationMinutes: 120,
    capacity: 40,
    getInMinutes: 15,
    getOutMinutes: 15,
    refresherMonths: 12,
  });
  await makeProgramme(db, {
    name: "Safeguarding for taxi and private-hire drivers",
    kind: "DRIVER_TRAINING",
    provider: "Northfield Licensing",
    audienceType: "DRIVERS",
    yearGroups: "",
    defaultDurationMinutes: 180,
    capacity: 30,
    getInMinutes: 15,
    getOutMinutes: 15,
    refresherMonths: 36,
  });
  await makeProgramme(db, {
    name: "Somebody's Daughter: community performance",
    kind: "COMMUNITY_PERFORMANCE",
    provider: "Open Door Theatre Company",
    audienceType: "PUBLIC",
    yearGroups: "",
    defaultDurationMinutes: 120,
    capacity: 150,
    getInMinutes: 90,
    getOutMinutes: 60,
  });

  const team = await makeTeam(db, {
    name: "Open Door touring company",
    provider: "Open Door Theatre Company",
    sessionsPerDay: 2,
    basePostcode: "NF1 1AA",
  });
  await db.teamMember.create({ data: { teamId: team.id, userId: users.FACILITATOR.id } });

  const schools = [];
  for (const [i, [name, kind, postcode, roll, urn]] of SCHOOLS.entries()) {
    schools.push(
      await makeVenue(db, {
        kind,
        name,
        postcode,
        urn,
        numberOnRoll: roll,
        addressLine1: `${10 + i * 7} ${STREETS[i % STREETS.length]}`,
        town: "Northfield",
        phase: kind === "COLLEGE" ? "16 plus" : kind === "SPECIAL_SCHOOL" ? "Not applicable" : "Secondary",
        statutoryLowAge: kind === "COLLEGE" ? 16 : 11,
        statutoryHighAge: kind === "COLLEGE" ? 19 : kind === "SPECIAL_SCHOOL" ? 19 : 18,
        year10Count: kind === "SECONDARY_SCHOOL" ? Math.round(roll / 6) : undefined,
        laCode: "999",
        hallCapacity: kind === "SPECIAL_SCHOOL" ? 60 : 220 + (i % 4) * 40,
        phone: `01632 96${String(1000 + i).slice(-4)}`,
        contact: {
          name: CONTACT_NAMES[i % CONTACT_NAMES.length],
          role: "Designated safeguarding lead",
          email: `dsl@${name
            .toLowerCase()
            .replace(/[^a-z]+/g, "-")
            .replace(/^-|-$/g, "")}.example.sch.uk`,
        },
      }),
    );
  }
  for (const [name, postcode, capacity] of [
    ["Northfield Community Centre", "NF1 4DJ", 150],
    ["Ashgrove Youth Hub", "NF2 6RF", 80],
    ["Castle Mead Library", "NF3 2PQ", 60],
  ] as const) {
    await makeVenue(db, {
      kind: "COMMUNITY_VENUE",
      name,
      postcode,
      hallCapacity: capacity,
      contact: { name: "Venue manager", role: "Bookings", email: `bookings@${name.toLowerCase().replace(/[^a-z]+/g, "-")}.example.org.uk` },
    });
  }
  for (const [name, postcode] of [
    ["Northfield Cars Ltd", "NF4 3TT"],
    ["A1 Private Hire", "NF5 1XE"],
  ] as const) {
    await makeVenue(db, {
      kind: "TAXI_OPERATOR",
      name,
      postcode,
      hallCapacity: 20,
      contact: {
        name: "Operations manager",
        role: "Operator",
        email: `office@${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example.co.uk`,
      },
    });
  }

  for (const y of TERMS) {
    await db.academicYear.create({
      data: {
        name: y.year,
        startDate: y.start,
        endDate: y.end,
        terms: {
          create: y.terms.map(([name, startDate, endDate, halfTermStart, halfTermEnd]) => ({
            name,
            startDate,
            endDate,
            halfTermStart,
            halfTermEnd,
          })),
        },
      },
    });
  }
  await db.closure.create({ data: { startDate: "2026-11-27", endDate: "2026-11-27", reason: "INSET", note: "Borough-wide INSET day" } });

  await seedCalendarExceptions(schools);

  // A few sessions: delivered ones with counts (so reports have figures) and some to come.
  const today = londonDate(new Date());
  const plan: { school: number; offsetDays: number; status: "DELIVERED" | "CONFIRMED" | "INVITED" | "PROVISIONAL"; pupils: number }[] = [
    { school: 0, offsetDays: -40, status: "DELIVERED", pupils: 232 },
    { school: 1, offsetDays: -33, status: "DELIVERED", pupils: 181 },
    { school: 2, offsetDays: -26, status: "DELIVERED", pupils: 158 },
    { school: 3, offsetDays: -19, status: "DELIVERED", pupils: 205 },
    { school: 4, offsetDays: 8, status: "CONFIRMED", pupils: 240 },
    { school: 5, offsetDays: 15, status: "INVITED", pupils: 140 },
    { school: 6, offsetDays: 22, status: "PROVISIONAL", pupils: 190 },
  ];
  const deliveredPlays: { id: string; date: string }[] = [];
  for (const p of plan) {
    const session = await bookRequiredDemoSession({
      programmeId: play.id,
      venueId: schools[p.school].id,
      teamId: team.id,
      date: addDays(today, p.offsetDays),
      startTime: "09:30",
      endTime: "11:00",
      status: p.status,
      expectedPupils: p.pupils,
      yearGroups: ["10"],
      capacityOverrideReason: "The school seats the year group in the hall and its gallery",
    });
    if (p.status === "DELIVERED") {
      deliveredPlays.push({ id: session.id, date: addDays(today, p.offsetDays) });
      await db.attendanceCount.createMany({
        data: [
          { sessionId: session.id, yearGroup: "Y10", sex: "GIRL", count: Math.floor(p.pupils / 2) },
          { sessionId: session.id, yearGroup: "Y10", sex: "BOY", count: Math.ceil(p.pupils / 2) - 3 },
          { sessionId: session.id, yearGroup: "Y10", sex: "OTHER", count: 3 },
        ],
      });
    }
  }
  await enrolDemoTwoFactor([users.LEAD.id, users.ADMIN.id]);
  await seedBookingDiary();
  await seedDemoDisclosures(today);
  await seedInvitationDemo({ coordinator: users.COORDINATOR, programmeId: play.id, teamId: team.id, schools, today });
  await seedAttendanceDemo({ coordinatorId: users.COORDINATOR.id, teamId: team.id, schoolId: schools[7].id });
  await seedReachDemo();
  await seedDemoTargets({ managerId: users.MANAGER.id, playId: play.id, today });
  await seedTourPlanDemo({ coordinator: users.COORDINATOR, playId: play.id, teamId: team.id, schools });
  const coordinator = DEMO_USERS.find((u) => u.roles[0] === "COORDINATOR")!;
  await seedQuestionnaireDemo({
    coordinator: { ...users.COORDINATOR, email: coordinator.email, roles: coordinator.roles },
    playId: play.id,
    sessions: deliveredPlays,
    today,
  });
  return { seeded: true };
}

/** The demo lead and admin use two-factor with DEMO_TOTP_SECRET (printed by `npm run demo`; `npm run demo:code` gives a code). */
async function enrolDemoTwoFactor(userIds: string[]) {
  for (const id of userIds) await enrolWithKnownSecret(db, id, DEMO_TOTP_SECRET);
}

/** A recent session for the touring team and three disclosures (no names: invented, generic accounts). */
async function seedDemoDisclosures(today: string) {
  const [team, play, venue, facilitator, lead] = await Promise.all([
    db.team.findFirstOrThrow({ where: { name: "Open Door touring company" } }),
    db.programme.findFirstOrThrow({ where: { name: "Somebody's Daughter" } }),
    db.venue.findFirstOrThrow({ where: { name: "Castle Mead Academy" } }),
    db.user.findUniqueOrThrow({ where: { email: "facilitator@demo.outreach.test" } }),
    db.user.findUniqueOrThrow({ where: { email: "lead@demo.outreach.test" } }),
  ]);
  await bookRequiredDemoSession({
    programmeId: play.id,
    venueId: venue.id,
    teamId: team.id,
    date: addDays(today, -4),
    startTime: "09:30",
    endTime: "11:00",
    status: "DELIVERED",
    expectedPupils: 150,
    yearGroups: ["10"],
  });
  const at = (days: number, hour: number) => new Date(`${addDays(today, days)}T${String(hour).padStart(2, "0")}:00:00Z`);
  const high = await makeDisclosure(db, {
    receivedById: facilitator.id,
    disclosedAt: at(-30, 11),
    risk: "HIGH",
    referralTo: "MASH",
    referralAt: at(-30, 15),
    categoryCodes: ["CSE", "ONLINE"],
    account: "Said an older man they met online buys them things and wants to meet alone.",
    immediateAction: "Stayed with them and phoned MASH with the school DSL.",
    retainUntil: addMonths(addDays(today, -30), 25 * 12),
  });
  await db.disclosureAction.create({
    data: {
      disclosureId: high.id,
      description: "Check the strategy meeting has been held",
      ownerId: lead.id,
      createdById: lead.id,
      dueDate: addDays(today, -5),
    },
  });
  await makeDisclosure(db, {
    receivedById: facilitator.id,
    disclosedAt: at(-12, 12),
    risk: "MEDIUM",
    categoryCodes: ["PEER_ON_PEER"],
    account: "Said pictures of them are being shared around their year.",
    retainUntil: addMonths(addDays(today, -12), 6 * 12),
  });
  await makeDisclosure(db, {
    receivedById: facilitator.id,
    disclosedAt: at(-60, 10),
    risk: "LOW",
    status: "CLOSED",
    categoryCodes: ["SELF_HARM_MENTAL_HEALTH"],
    account: "Asked where to get help with feeling low.",
    retainUntil: addMonths(addDays(today, -60), 6 * 12),
  });
}

/**
 * Invitations demo (issue 7): provisional sessions ready to invite at three schools, and one school whose
 * invitation link has expired (its email is in the development mailbox, as if sent three weeks ago).
 */
async function seedInvitationDemo(input: {
  coordinator: { id: string };
  programmeId: string;
  teamId: string;
  schools: { id: string }[];
  today: string;
}) {
  const base = {
    programmeId: input.programmeId,
    teamId: input.teamId,
    startTime: "13:00",
    endTime: "14:30",
    expectedPupils: 180,
    yearGroups: ["10"],
  };
  for (const [school, offsetDays] of [
    [9, 29],
    [10, 30],
    [11, 31],
  ] as const) {
    await bookRequiredDemoSession({ ...base, venueId: input.schools[school].id, date: addDays(input.today, offsetDays) });
  }
  const past = await bookRequiredDemoSession({ ...base, venueId: input.schools[12].id, date: addDays(input.today, -10) });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: input.schools[12].id }, select: { id: true } });
  const threeWeeksAgo = new Date(past.startsAt.getTime() - 21 * 24 * 60 * 60_000);
  const actor = await db.user.findUniqueOrThrow({ where: { id: input.coordinator.id }, select: { id: true, email: true } });
  await sendInvitation(
    { ...actor, roles: ["COORDINATOR"] },
    { sessionId: past.id, contactIds: [contact.id] },
    { ip: null, userAgent: "seed" },
    threeWeeksAgo,
  );
}

/** Fixed ids so the demo and the attendance journey can open these sessions directly. */
export const DEMO_ATTENDANCE_SESSIONS = {
  schoolAwaitingCounts: "demo-school-play-awaiting-attendance",
  driverTrainingToRegister: "demo-driver-training-recent",
  driverTrainingUpcoming: "demo-driver-training-upcoming",
} as const;

/**
 * Attendance demo: a school session waiting for its counts, a recent driver training with no register yet,
 * one to come (for refresher invitations), and past registers whose people are due or overdue a refresher.
 */
async function seedAttendanceDemo(ids: { coordinatorId: string; teamId: string; schoolId: string }) {
  const [drivers, staff, play] = await Promise.all(
    (["DRIVER_TRAINING", "STAFF_BRIEFING", "SCHOOL_PLAY"] as const).map((kind) =>
      db.programme.findFirstOrThrow({ where: { kind }, select: { id: true, refresherMonths: true } }),
    ),
  );
  const centre = await db.venue.findFirstOrThrow({ where: { name: "Northfield Community Centre" }, select: { id: true } });
  const [cars, a1] = await Promise.all(
    ["Northfield Cars Ltd", "A1 Private Hire"].map((name) =>
      db.venue.findFirstOrThrow({ where: { name, kind: "TAXI_OPERATOR" }, select: { id: true } }),
    ),
  );
  const today = londonDate(new Date());
  const session = (id: string, programmeId: string, venueId: string, date: string, startTime: string, endTime: string) =>
    bookRequiredDemoSession({ id, programmeId, venueId, teamId: ids.teamId, date, startTime, endTime, status: "CONFIRMED" });
  await session(DEMO_ATTENDANCE_SESSIONS.schoolAwaitingCounts, play.id, ids.schoolId, addDays(today, -1), "09:30", "11:00");
  await session(DEMO_ATTENDANCE_SESSIONS.driverTrainingToRegister, drivers.id, centre.id, addDays(today, -1), "18:00", "21:00");
  await session(DEMO_ATTENDANCE_SESSIONS.driverTrainingUpcoming, drivers.id, centre.id, addDays(today, 21), "18:00", "21:00");

  // Past registers: [programme, months ago, people]. Driver refreshers are every 36 months, staff every 12.
  const past: [
    typeof drivers,
    number,
    { name: string; email?: string; organisation?: string; jobRole?: string; licence?: string; operatorId?: string }[],
  ][] = [
    [
      drivers,
      37,
      [
        { name: "Imran Qureshi", licence: "NB-10231", operatorId: cars.id, organisation: "Northfield Cars Ltd" },
        { name: "Gary Holt", licence: "NB-10567", operatorId: a1.id, organisation: "A1 Private Hire", email: "gary.holt@example.test" },
      ],
    ],
    [
      drivers,
      35,
      [
        {
          name: "Sandra Lewis",
          licence: "NB-11002",
          operatorId: cars.id,
          organisation: "Northfield Cars Ltd",
          email: "sandra.lewis@example.test",
        },
        { name: "Tariq Mahmood", licence: "NB-11045", operatorId: a1.id, organisation: "A1 Private Hire" },
      ],
    ],
    [
      staff,
      11,
      [
        {
          name: "Rachel Adams",
          email: "rachel.adams@northfield.example.gov.uk",
          organisation: "Northfield Borough Council",
          jobRole: "Housing officer",
        },
        {
          name: "Dev Patel",
          email: "dev.patel@northfield.example.gov.uk",
          organisation: "Northfield Borough Council",
          jobRole: "Licensing enforcement officer",
        },
      ],
    ],
    [
      staff,
      2,
      [
        {
          name: "Hannah Brooks",
          email: "hannah.brooks@northfield.example.gov.uk",
          organisation: "Northfield Borough Council",
          jobRole: "Youth worker",
        },
      ],
    ],
  ];
  for (const [programme, monthsAgo, people] of past) {
    const created = await bookRequiredDemoSession({
      programmeId: programme.id,
      venueId: centre.id,
      teamId: ids.teamId,
      date: addMonths(today, -monthsAgo),
      startTime: "18:00",
      endTime: "21:00",
      status: "DELIVERED",
    });
    for (const p of people) {
      const person = await db.person.create({
        data: {
          name: p.name,
          email: p.email ?? null,
          organisation: p.organisation ?? null,
          jobRole: p.jobRole ?? (p.licence ? "Private-hire driver" : null),
          licenceNumber: p.licence ?? null,
          licensingAuthority: p.licence ? "Northfield Borough Council" : null,
          operatorId: p.operatorId ?? null,
        },
      });
      await db.registerEntry.create({ data: { sessionId: created.id, personId: person.id, status: "ATTENDED", markedAt: created.endsAt } });
      await issueCertificate(db, {
        sessionId: created.id,
        personId: person.id,
        startsAt: created.startsAt,
        refresherMonths: programme.refresherMonths,
      });
    }
  }
}

/** Issue 5: per-school calendar exceptions and second contacts, so availability has something to explain. */
async function seedCalendarExceptions(schools: { id: string; name: string }[]) {
  const [northfield, stAnnes, ashgrove, , hollins, castleMead] = schools;
  await db.closure.createMany({
    data: [
      { venueId: northfield.id, startDate: "2026-01-05", endDate: "2026-01-05", reason: "INSET", note: "Staff training day" },
      { venueId: northfield.id, startDate: "2027-01-04", endDate: "2027-01-04", reason: "INSET", note: "Staff training day" },
      { venueId: stAnnes.id, startDate: "2026-10-23", endDate: "2026-10-23", reason: "INSET" },
      {
        venueId: hollins.id,
        startDate: "2027-05-10",
        endDate: "2027-06-18",
        reason: "EXAMS",
        note: "GCSE and A level exams: no visits to Years 10 to 13",
      },
      { venueId: ashgrove.id, startDate: "2026-05-11", endDate: "2026-06-19", reason: "EXAMS", note: "GCSE exams" },
    ],
  });
  // Castle Mead Academy keeps its own term dates in 2026/27.
  const year = await db.academicYear.findUniqueOrThrow({ where: { name: "2026/27" }, select: { id: true } });
  await db.term.createMany({
    data: [
      {
        academicYearId: year.id,
        venueId: castleMead.id,
        name: "Autumn",
        startDate: "2026-09-07",
        endDate: "2026-12-17",
        halfTermStart: "2026-10-19",
        halfTermEnd: "2026-10-30",
      },
      {
        academicYearId: year.id,
        venueId: castleMead.id,
        name: "Spring",
        startDate: "2027-01-05",
        endDate: "2027-03-25",
        halfTermStart: "2027-02-15",
        halfTermEnd: "2027-02-19",
      },
      {
        academicYearId: year.id,
        venueId: castleMead.id,
        name: "Summer",
        startDate: "2027-04-12",
        endDate: "2027-07-16",
        halfTermStart: "2027-05-31",
        halfTermEnd: "2027-06-04",
      },
    ],
  });
  for (const [i, school] of schools.slice(0, 6).entries()) {
    await db.venueContact.create({
      data: {
        venueId: school.id,
        name: ["Rachel Green", "Tariq Aziz", "Louise Byrne", "Kwame Boateng", "Sian Evans", "Peter Novak"][i],
        role: "Head of Year 10",
        email: `year10@${school.name
          .toLowerCase()
          .replace(/[^a-z]+/g, "-")
          .replace(/^-|-$/g, "")}.example.sch.uk`,
        phone: `01632 96${String(2000 + i).slice(-4)}`,
      },
    });
  }
  const library = await db.venue.findFirstOrThrow({ where: { name: "Castle Mead Library" }, select: { id: true } });
  await db.closure.create({
    data: { venueId: library.id, startDate: "2027-02-01", endDate: "2027-02-12", reason: "CLOSURE", note: "Refurbishment" },
  });
}

// ── Issue 6: a realistic term of bookings, made through the booking rules so the demo diary obeys them ──
async function seedBookingDiary() {
  const coordinator = await db.user.findUniqueOrThrow({
    where: { email: "coordinator@demo.outreach.test" },
    select: { id: true, email: true },
  });
  const actor = { ...coordinator, roles: ["COORDINATOR"] };
  const meta = SEED_META;
  const [play, briefing, drivers] = await Promise.all(
    ["Somebody's Daughter", "Spotting exploitation: briefing for council staff", "Safeguarding for taxi and private-hire drivers"].map(
      (name) => db.programme.findFirstOrThrow({ where: { name }, select: { id: true } }),
    ),
  );
  const touring = await db.team.findFirstOrThrow({ where: { name: "Open Door touring company" }, select: { id: true } });
  const second = await makeTeam(db, {
    name: "Open Door second company",
    provider: "Open Door Theatre Company",
    sessionsPerDay: 2,
    basePostcode: "NF5 2AA",
  });
  const schools = await db.venue.findMany({
    where: { kind: { in: ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL"] } },
    select: { id: true, hallCapacity: true },
    orderBy: { name: "asc" },
  });
  const community = await db.venue.findMany({ where: { kind: "COMMUNITY_VENUE" }, select: { id: true }, orderBy: { name: "asc" } });
  const operators = await db.venue.findMany({ where: { kind: "TAXI_OPERATOR" }, select: { id: true }, orderBy: { name: "asc" } });
  const today = londonDate(new Date());
  // Past bookings are recorded as delivered; provisional ones are to come.
  const book = (offsetDays: number, input: Omit<DemoBooking, "date" | "status">) =>
    bookDemoSession({ ...input, date: addDays(today, offsetDays), status: offsetDays < 0 ? "DELIVERED" : "PROVISIONAL" });

  // The second company tours schools twice a week across the term: delivered before today, provisional after.
  for (let week = -6; week <= 6; week++) {
    for (const [i, dayOffset] of [1, 3].entries()) {
      const school = schools[((week + 6) * 2 + i + 7) % schools.length];
      await book(week * 7 + dayOffset, {
        programmeId: play.id,
        venueId: school.id,
        teamId: second.id,
        startTime: "09:30",
        endTime: "11:00",
        yearGroups: ["10"],
        // A special school's small hall takes fewer pupils at a time.
        expectedPupils: Math.min(150 + ((week + 12) % 5) * 15, school.hallCapacity ?? Infinity),
        venueNotes: "Main hall; staging needs the stage blocks out",
        internalNotes: week % 4 === 0 ? "Head of year asked for a follow-up assembly" : undefined,
      });
    }
  }
  // An afternoon at a second school for the touring company: its day sheet shows the travel gap.
  await book(8, {
    programmeId: play.id,
    venueId: schools[10].id,
    teamId: touring.id,
    startTime: "13:30",
    endTime: "15:00",
    yearGroups: ["9"],
    expectedPupils: 120,
  });
  // Adult sessions: council staff briefings and driver training.
  for (const offset of [-21, -7, 12, 26]) {
    await book(offset, {
      programmeId: briefing.id,
      venueId: community[0].id,
      teamId: second.id,
      startTime: "14:00",
      endTime: "16:00",
      expectedAdults: 30,
    });
  }
  for (const [i, offset] of [-14, 19].entries()) {
    await book(offset, {
      programmeId: drivers.id,
      venueId: operators[i % operators.length].id,
      teamId: second.id,
      startTime: "18:00",
      endTime: "21:00",
      expectedAdults: 20,
    });
  }
  // History on the session pages: one booking moved, one cancelled.
  const moved = await book(30, {
    programmeId: play.id,
    venueId: schools[12].id,
    teamId: touring.id,
    startTime: "09:30",
    endTime: "11:00",
    yearGroups: ["10"],
    expectedPupils: 200,
  });
  if (moved) {
    const date = londonDate(moved.startsAt);
    await rescheduleSession(
      actor,
      {
        sessionId: moved.id,
        date,
        startTime: "10:30",
        endTime: "12:00",
        venueId: schools[12].id,
        teamId: touring.id,
        reason: "School moved its assembly",
      },
      meta,
    );
  }
  const cancelled = await book(36, {
    programmeId: play.id,
    venueId: schools[13].id,
    teamId: touring.id,
    startTime: "09:30",
    endTime: "11:00",
    yearGroups: ["10"],
    expectedPupils: 180,
  });
  if (cancelled) await cancelSession(actor, { sessionId: cancelled.id, reason: "School closed for building works" }, meta);
}

/**
 * Reach reports demo: pupils counted at every delivered school play that has no counts yet, and a few disclosures
 * made after some of them, so /reports shows figures (and a manager sees small disclosure counts suppressed).
 */
async function seedReachDemo() {
  const facilitator = await db.user.findUniqueOrThrow({ where: { email: "facilitator@demo.outreach.test" }, select: { id: true } });
  const plays = await db.session.findMany({
    where: { status: "DELIVERED", programme: { kind: "SCHOOL_PLAY" }, attendance: { none: {} } },
    orderBy: { startsAt: "asc" },
    select: { id: true, expectedPupils: true, endsAt: true },
  });
  for (const [i, play] of plays.entries()) {
    const present = (play.expectedPupils ?? 150) - (i % 4) * 3; // a few pupils absent on the day
    await db.attendanceCount.createMany({
      data: [
        { sessionId: play.id, yearGroup: "Y10", sex: "GIRL", count: Math.floor(present * 0.48) },
        { sessionId: play.id, yearGroup: "Y10", sex: "BOY", count: Math.floor(present * 0.47) },
        {
          sessionId: play.id,
          yearGroup: "Y10",
          sex: "NOT_RECORDED",
          count: present - Math.floor(present * 0.48) - Math.floor(present * 0.47),
        },
      ],
    });
  }
  // [session, risk, referred]: disclosures made to the facilitators after a performance. Invented, generic accounts.
  const made: [number, "LOW" | "MEDIUM" | "HIGH", boolean][] = [
    [0, "MEDIUM", true],
    [0, "LOW", false],
    [1, "HIGH", true],
    [2, "MEDIUM", false],
    [2, "MEDIUM", true],
    [3, "LOW", false],
    [3, "MEDIUM", false],
  ];
  for (const [index, risk, referred] of made) {
    const play = plays[index];
    if (!play) continue;
    const disclosedAt = new Date(play.endsAt.getTime() + 30 * 60_000);
    await makeDisclosure(db, {
      receivedById: facilitator.id,
      sessionId: play.id,
      disclosedAt,
      risk,
      categoryCodes: ["CSE"],
      account: "Spoke to the facilitator after the performance about pressure from older young people.",
      ...(referred ? { referralTo: "MASH", referralAt: new Date(disclosedAt.getTime() + 3 * 3600_000) } : {}),
      retainUntil: addMonths(londonDate(disclosedAt), 6 * 12),
    });
  }
}

// Run directly: `tsx prisma/seed.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { seeded } = await seedDemo();
  console.log(seeded ? "Demo data added." : "The database already has data: demo data not added.");
  await db.$disconnect();
}

/**
 * The council's targets for this year: Year 10 pupils reached by the end of the summer term, every secondary school and
 * college covered this academic year, and drivers trained this financial year (1 April to 31 March).
 */
async function seedDemoTargets({ managerId, playId, today }: { managerId: string; playId: string; today: string }) {
  const manager = await db.user.findUniqueOrThrow({ where: { id: managerId }, select: { id: true, email: true } });
  const actor = { ...manager, roles: ["MANAGER"] };
  const meta = { ip: null, userAgent: null };
  const year = await currentAcademicYear(today);
  const summer = await db.term.findFirst({
    where: { venueId: null, name: "Summer", startDate: { gte: year.startDate }, endDate: { lte: year.endDate } },
    select: { endDate: true },
  });
  const drivers = await db.programme.findFirstOrThrow({ where: { kind: "DRIVER_TRAINING" }, select: { id: true } });
  const financialYearStart = `${Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 1 : 0)}-04-01`;
  await createTarget(
    actor,
    {
      metric: "PUPILS_REACHED",
      programmeId: playId,
      value: 4000,
      fromDate: year.startDate,
      toDate: summer?.endDate ?? year.endDate,
      note: "Year 10 pupils across the borough, as commissioned by the council",
    },
    meta,
  );
  await createTarget(
    actor,
    {
      metric: "SCHOOLS_COVERED",
      programmeId: null,
      value: await db.venue.count({ where: SCHOOLS_IN_AREA }),
      fromDate: year.startDate,
      toDate: year.endDate,
      note: "Every open secondary school and college",
    },
    meta,
  );
  await createTarget(
    actor,
    {
      metric: "PEOPLE_TRAINED",
      programmeId: drivers.id,
      value: 300,
      fromDate: financialYearStart,
      toDate: addDays(addMonths(financialYearStart, 12), -1),
      note: "Licensed taxi and private-hire drivers, a condition of licence renewal",
    },
    meta,
  );
}

/**
 * The tour planner's demo: grid coordinates for the schools, a base for the touring company, and one saved plan of
 * the summer term 2027 (DONE, not booked), planned by the coordinator through the model like any other.
 */
async function seedTourPlanDemo(input: { coordinator: { id: string }; playId: string; teamId: string; schools: { id: string }[] }) {
  for (const [i, school] of input.schools.entries()) {
    const [easting, northing] = SCHOOL_GRID[i];
    await db.venue.update({ where: { id: school.id }, data: { easting, northing } });
  }
  await db.team.update({ where: { id: input.teamId }, data: TEAM_BASE });
  const coordinator = await db.user.findUniqueOrThrow({ where: { id: input.coordinator.id }, select: { id: true, email: true } });
  const { versionId } = await requestPlan(
    { ...coordinator, roles: ["COORDINATOR"] },
    { programmeId: input.playId, teamIds: [input.teamId], from: "2027-04-12", to: "2027-07-21", target: { kind: "EVERY_SCHOOL" } },
    SEED_META,
  );
  const status = await waitForPlanVersion(versionId);
  if (status !== "DONE") throw new Error(`The demo tour plan ended ${status}`);
}

/**
 * The play's evaluation questionnaire ("before today … / now …" in one sitting) and answers from the delivered
 * performances, submitted through the same model pupils' phones use. The latest performance's questionnaire is left
 * open until a week from today, so the demo's pupil page can be tried with its code.
 */
async function seedQuestionnaireDemo(input: {
  coordinator: { id: string; email: string; roles: readonly string[] };
  playId: string;
  sessions: { id: string; date: string }[];
  today: string;
}) {
  await saveQuestionnaireVersion(
    input.coordinator,
    input.playId,
    {
      design: "RETROSPECTIVE",
      pairing: false,
      questions: [
        { kind: "AGREE_SCALE", text: "I know what grooming and exploitation can look like", options: [], measured: true },
        { kind: "AGREE_SCALE", text: "If a young person is exploited, it is never their fault", options: [], measured: true },
        { kind: "YES_NO", text: "I know who to tell if I am worried about myself or a friend", options: [], measured: true },
        {
          kind: "CHOICE",
          text: "Which local service helps young people who are worried about exploitation?",
          options: ["Northfield Safe Steps team", "The school nurse", "I do not know"],
          measured: false,
        },
        { kind: "AGREE_SCALE", text: "I would feel able to tell someone if something was worrying me", options: [], measured: true },
        { kind: "YES_NO", text: "I know where to get help online", options: [], measured: true },
        { kind: "FREE_TEXT", text: "Is there anything else you want to tell us?", options: [], measured: false },
      ],
    },
    SEED_META,
  );
  const comments = [
    "The play was really good and made me think about my friends",
    "I did not know that it is never the victim's fault",
    "Someone older keeps messaging me and asking me to meet up and not tell anyone",
  ];
  // A fixed pattern, not randomness: the demo's figures are the same every time.
  let k = 0;
  for (const [index, session] of input.sessions.entries()) {
    const latest = index === input.sessions.length - 1;
    await setQuestionnaireRun(
      input.coordinator,
      session.id,
      { opensOn: session.date, closesOn: latest ? addDays(input.today, 7) : addDays(session.date, 7), collecting: "AFTER" },
      SEED_META,
    );
    const { code } = await db.questionnaireRun.findUniqueOrThrow({ where: { sessionId: session.id }, select: { code: true } });
    for (let pupil = 0; pupil < 40 + index * 10; pupil++, k++) {
      const before = (q: number) => String(1 + ((k * 7 + q * 3) % 4)); // 1–4: many unsure or disagreeing before
      const now = (q: number) => String(Math.min(5, 3 + ((k + q) % 3))); // 3–5: mostly agreeing after
      const yesNoBefore = (q: number) => String(1 + ((k + q) % 3)); // yes, no, not sure in turn
      const yesNoNow = (q: number) => ((k + q) % 5 === 0 ? "3" : "1");
      await submitQuestionnaire(
        code,
        {
          "q1-before": before(1),
          "q1-now": now(1),
          "q2-before": before(2),
          "q2-now": now(2),
          "q3-before": yesNoBefore(3),
          "q3-now": yesNoNow(3),
          q4: String(1 + (k % 3 === 2 ? 2 : 0)),
          "q5-before": before(5),
          "q5-now": now(5),
          "q6-before": yesNoBefore(6),
          "q6-now": yesNoNow(6),
          q7: pupil < comments.length && index >= 2 ? comments[pupil] : "",
        },
        londonToInstant(session.date, "11:15"),
      );
    }
  }
}
