// The expected answer of EVERY route module for every role, for GET (its loader) and POST (its action).
// tests/integration/route-matrix.test.ts checks it; tests/integration/no-get-changes-state.test.ts and
// tests/integration/fuzz-actions.test.ts reuse it. A route module missing here fails those tests.
//
// How to read an entry
//   key       the route file without "routes/" and extension: app/routes/venues.$venueId.edit.tsx → "venues.$venueId.edit"
//   get/post  six statuses in the column order   anonymous FACILITATOR COORDINATOR MANAGER LEAD ADMIN
//             or ONE status for every role (e.g. "405" for a route without an action).
//   params    (f) => URL params from the fixture made once per test file (tests/setup/route-fixture.ts: f.venue,
//             f.session, f.tokens.invitation, f.users.FACILITATOR, …); may be async. An action that SUCCEEDS with an
//             empty form (a one-button action: cancel, send, revoke) must get a record of its own, or it changes the
//             shared fixture for every other route: async (f) => ({ sessionId: (await f.freshSession()).id }).
//   search    optional query string for GET, e.g. "?page=2", or (f) => a query string naming fixture records.
//   form      optional fields for POST (default: none).
//   valid     optional: (f) => a form the action ACCEPTS. The fuzz test then also changes one field at a time from
//             it, which reaches the model (without it, random forms rarely get past validation).
//
// The same table drives three tests: route-matrix (statuses), no-get-changes-state (every GET with 200/302/… leaves
// the database as it was) and fuzz-actions (the right-most role whose POST is 400/422 gets hostile forms).
//
// What the statuses mean (each request is a fresh signed-in browser of a user holding just that role):
//   200  the loader answers (a page or a download); a page with no loader is 200 too
//   302  anonymous → redirect to /sign-in; or the route redirects (e.g. sign-out, signed-in user on /sign-in)
//   400  POST by a user who MAY use the action: the empty/minimal form fails validation BEFORE anything changes.
//        This is the point of the matrix: the permission check (403) comes before validation (400).
//   403  signed in but the role may not do this (requireUserWith)
//   404  the record doesn't exist or is out of the user's scope (e.g. another team's session for a facilitator)
//   405  no loader (GET) / no action (POST) in the module
//   422  a domain rule refused the minimal form
import { TEST_PASSWORD } from "../factories";

const ALL_ROLES_200 = "302 200 200 200 200 200";
const ADMIN_ONLY = "302 403 403 403 403 200";
const ALL_ROLES_400 = "302 400 400 400 400 400";
// COORDINATOR and ADMIN (programme/team/venue/calendar/session:book/invitation/outbox/register:manage).
const STAFF = "302 403 200 403 403 200";
const STAFF_400 = "302 403 400 403 403 400";
// Everyone who sees programmes, venues and the diary (programme:read, venue:read, diary:read): not the lead.
const READERS = "302 200 200 200 403 200";
// person:read: coordinators, managers, admins.
const PEOPLE_READERS = "302 403 200 200 403 200";
// disclosure:read: the safeguarding lead only.
const LEAD_ONLY = "302 403 403 403 200 403";
const LEAD_400 = "302 403 403 403 400 403";

// Dates for valid forms, as GOV.UK date inputs (`${prefix}Day` …). Bookings need a working day: the next
// Monday to Friday at least `days` ahead (inside the fixture's autumn term, which runs to 30 days ahead).
const DAY_MS = 86_400_000;
const dateIn = (days: number, weekday = false) => {
  let d = new Date(Date.now() + days * DAY_MS);
  while (weekday && (d.getUTCDay() === 0 || d.getUTCDay() === 6)) d = new Date(d.getTime() + DAY_MS);
  return d.toISOString().slice(0, 10);
};
const dateFields = (prefix: string, date: string) => {
  const [year, month, day] = date.split("-");
  return { [`${prefix}Day`]: String(Number(day)), [`${prefix}Month`]: String(Number(month)), [`${prefix}Year`]: year };
};
const NEW_PASSWORD = "a-brand-new-passphrase-for-2026";

export type RouteAccess = {
  params?: (f: import("../setup/route-fixture").RouteFixture) => Record<string, string> | Promise<Record<string, string>>;
  search?: string | ((f: import("../setup/route-fixture").RouteFixture) => string);
  form?: Record<string, string | string[]>;
  valid?: (f: import("../setup/route-fixture").RouteFixture) => Record<string, string | string[]>;
  get: string;
  post: string;
};

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  root: { get: "200", post: "405" },
  $: { get: "404", post: "405" },
  _index: { get: ALL_ROLES_200, post: "405" },
  accessibility: { get: "200", post: "405" },
  privacy: { get: "200", post: "405" },
  healthz: { get: "200", post: "405" },
  // Database up and migrations current in every test database.
  readyz: { get: "200", post: "405" },
  // Not by role: by address or bearer token (tests/integration/observability.test.ts). These calls carry no client
  // address (server.ts adds it) and no token, so everyone gets 404.
  metrics: { get: "404", post: "405" },
  "sign-in": { get: "200 302 302 302 302 302", post: "400" },
  "sign-out": { get: "302", post: "302" },
  "admin._index": { get: ADMIN_ONLY, post: "405" },
  "admin.audit": { get: "302 403 403 403 200 200", post: "405" },
  "admin.replies": { get: ADMIN_ONLY, post: "405", search: "?page=2" },
  "admin.users._index": { get: ADMIN_ONLY, post: "405" },
  "admin.users.new": {
    get: ADMIN_ONLY,
    post: "302 403 403 403 403 400",
    valid: () => ({ name: "Nia Newuser", email: "nia@example.test", roles: ["COORDINATOR"], password: "a-long-enough-password" }),
  },
  "admin.users.$userId": {
    params: (f) => ({ userId: f.users.FACILITATOR.id }),
    get: ADMIN_ONLY,
    post: "302 403 403 403 403 400",
    valid: () => ({ intent: "update", name: "Fran Facilitator", roles: ["FACILITATOR"] }),
  },
  // ── Account, password reset, two-factor sign-in (issue 4a) ──
  "account._index": { get: ALL_ROLES_200, post: "405" },
  "account.feed": { get: ALL_ROLES_200, post: ALL_ROLES_400, valid: () => ({ intent: "create" }) },
  "account.password": {
    get: ALL_ROLES_200,
    post: ALL_ROLES_400,
    valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  },
  "account.sessions": { get: ALL_ROLES_200, post: ALL_ROLES_400 },
  "account.two-factor": { get: ALL_ROLES_200, post: ALL_ROLES_400 },
  "forgot-password": { get: "200", post: "400", valid: (f) => ({ email: f.users.FACILITATOR.email }) },
  "reset-password.$token": {
    params: (f) => ({ token: f.tokens.passwordReset }),
    get: "200",
    post: "400",
    valid: () => ({ newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  },
  // Only a half-done sign-in (password accepted, code still needed) may use these; a signed-in browser has none.
  "sign-in_.two-factor": { get: "302", post: "302" },
  "sign-in_.set-up-two-factor": { get: "302 200 200 200 200 200", post: "302" },

  // ── Programmes, teams, venues, school calendar (issue 5) ──
  "programmes._index": { get: READERS, post: "405" },
  "programmes.new": {
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      name: "Chelsea's Choice",
      kind: "SCHOOL_PLAY",
      audienceType: "PUPILS",
      yearGroups: ["9", "10"],
      defaultDurationMinutes: "90",
      capacity: "240",
    }),
  },
  "programmes.$programmeId._index": {
    params: async (f) => ({ programmeId: (await f.freshProgramme()).id }),
    get: READERS,
    post: STAFF_400,
    valid: () => ({ intent: "archive" }),
  },
  "programmes.$programmeId.edit": {
    params: (f) => ({ programmeId: f.programme.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      name: "Chelsea's Choice",
      kind: "SCHOOL_PLAY",
      audienceType: "PUPILS",
      yearGroups: "10",
      defaultDurationMinutes: "90",
      capacity: "240",
      refresherMonths: "24",
    }),
  },
  "teams._index": { get: STAFF, post: "405" },
  "teams.new": {
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ name: "South team", sessionsPerDay: "2", workingWeekdays: ["1", "2", "3", "4", "5"], basePostcode: "NF1 1AA" }),
  },
  "teams.$teamId.edit": {
    params: (f) => ({ teamId: f.team.id }),
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({
      name: "North team",
      sessionsPerDay: "2",
      workingWeekdays: ["1", "2", "3", "4", "5"],
      memberIds: f.users.FACILITATOR.id,
    }),
  },
  "teams.$teamId.feed": { params: (f) => ({ teamId: f.team.id }), get: STAFF, post: STAFF_400, valid: () => ({ intent: "create" }) },
  // A private address is refused without a network call (EXTERNAL_CALENDARS_ALLOW_PRIVATE is off here).
  "teams.$teamId.calendars": {
    params: (f) => ({ teamId: f.team.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ intent: "add", label: "Company diary", secretUrl: "https://127.0.0.1/calendar.ics" }),
  },
  "venues._index": { get: READERS, post: "405" },
  "venues.new": {
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ kind: "COMMUNITY_VENUE", name: "Northfield Community Centre", postcode: "NF1 2AB", hallCapacity: "200" }),
  },
  "venues.import": { get: STAFF, post: STAFF_400 },
  "venues.$venueId._index": {
    params: async (f) => ({ venueId: (await f.freshVenue()).id }),
    get: READERS,
    post: STAFF_400,
    valid: () => ({ intent: "remove" }),
  },
  "venues.$venueId.edit": {
    params: (f) => ({ venueId: f.venue.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      kind: "SECONDARY_SCHOOL",
      name: "Northfield Academy",
      postcode: "NF1 2AB",
      laCode: "999",
      statutoryLowAge: "11",
      statutoryHighAge: "16",
      hallCapacity: "250",
    }),
  },
  "venues.$venueId.feed": { params: (f) => ({ venueId: f.venue.id }), get: STAFF, post: STAFF_400, valid: () => ({ intent: "create" }) },
  "venues.$venueId.calendars": {
    params: (f) => ({ venueId: f.venue.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ intent: "add", label: "Hall bookings", secretUrl: "https://127.0.0.1/calendar.ics" }),
  },
  "venues.$venueId.terms": {
    params: (f) => ({ venueId: f.venue.id }),
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({
      academicYearId: f.academicYear.id,
      name: "Summer",
      ...dateFields("start", dateIn(200)),
      ...dateFields("end", dateIn(260)),
    }),
  },
  "venues.$venueId.closures.new": {
    params: (f) => ({ venueId: f.venue.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ reason: "INSET", note: "Training day", ...dateFields("start", dateIn(60)) }),
  },
  "venues.$venueId.contacts.new": {
    params: (f) => ({ venueId: f.venue.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ name: "Ada Office", role: "Office manager", email: "ada@school.example.test" }),
  },
  "venues.$venueId.contacts.$contactId": {
    params: async (f) => ({ venueId: f.venue.id, contactId: (await f.freshContact()).id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ intent: "update", name: "Ada Office", role: "Office manager", phone: "01632 960001" }),
  },
  "calendar._index": { get: STAFF, post: "405" },
  "calendar.import": { get: STAFF, post: STAFF_400 },
  "calendar.closures.new": {
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ reason: "CLOSURE", ...dateFields("start", dateIn(70)), ...dateFields("end", dateIn(71)) }),
  },
  "calendar.closures.$closureId": {
    params: async (f) => ({ closureId: (await f.freshClosure()).id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ intent: "remove" }),
  },
  "calendar.years.new": {
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ name: "2031/32", ...dateFields("start", "2031-09-01"), ...dateFields("end", "2032-08-31") }),
  },
  "calendar.years.$yearId._index": {
    params: (f) => ({ yearId: f.academicYear.id }),
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({ name: "2030/31", ...dateFields("start", f.academicYear.startDate), ...dateFields("end", f.academicYear.endDate) }),
  },
  "calendar.years.$yearId.terms.new": {
    params: (f) => ({ yearId: f.academicYear.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      name: "Summer",
      ...dateFields("start", dateIn(200)),
      ...dateFields("end", dateIn(260)),
      ...dateFields("halfTermStart", dateIn(230)),
      ...dateFields("halfTermEnd", dateIn(234)),
    }),
  },
  "calendar.terms.$termId": {
    params: async (f) => ({ termId: (await f.freshTerm()).id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ intent: "update", name: "Spring", ...dateFields("start", dateIn(101)), ...dateFields("end", dateIn(159)) }),
  },

  // ── Sessions and the diary (issue 6). The facilitator is in the fixture's team, so its sessions are theirs. ──
  "sessions._index": { get: READERS, post: "405" },
  "sessions.export": { get: READERS, post: "405" },
  "sessions.new": {
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({
      programmeId: f.programme.id,
      venueId: f.venue.id,
      teamId: f.team.id,
      ...dateFields("date", dateIn(3, true)),
      startTime: "09:30",
      endTime: "11:00",
      yearGroups: "10",
      expectedPupils: "120",
      venueNotes: "Hall B",
      internalNotes: "Bring the banner",
    }),
  },
  "sessions.find-dates": { get: STAFF, post: "405" },
  "sessions.$sessionId._index": { params: (f) => ({ sessionId: f.session.id }), get: READERS, post: "405" },
  "sessions.$sessionId.move": {
    params: async (f) => ({ sessionId: (await f.freshSession()).id }),
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({
      venueId: f.venue.id,
      teamId: f.team.id,
      ...dateFields("date", dateIn(4, true)),
      startTime: "13:00",
      endTime: "14:30",
      reason: "Exams moved",
    }),
  },
  // The form carries the session's version (when it last changed): without it the POST is refused before anything changes.
  "sessions.$sessionId.edit": {
    params: async (f) => ({ sessionId: (await f.freshSession()).id }),
    get: STAFF,
    post: STAFF_400,
    // A version from before any change: the fuzzed forms that pass validation reach the model and meet the stale-form rule.
    valid: () => ({ version: "1", yearGroups: "10", expectedPupils: "90", venueNotes: "Hall B" }),
  },
  "sessions.$sessionId.cancel": {
    params: async (f) => ({ sessionId: (await f.freshSession()).id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ reason: "The school is closed for snow" }),
  },
  "diary._index": { get: READERS, post: "405" },
  "diary.month": { get: READERS, post: "405" },
  "diary.day-sheet": {
    search: (f) => `?team=${f.team.id}&date=${f.session.startsAt.toISOString().slice(0, 10)}`,
    get: READERS,
    post: "405",
  },

  // ── Invitations, feeds, outbox (issue 7) ──
  // A provisional session of its own: sending (or the venue accepting through respond.$token) moves it on.
  "sessions.$sessionId.invite": {
    params: async (f) => ({ sessionId: (await f.freshSession({ status: "PROVISIONAL" })).id }),
    get: STAFF,
    post: STAFF_400,
    valid: (f) => ({ contactIds: f.otherContact.id }),
  },
  "respond.$token": {
    params: (f) => ({ token: f.tokens.invitation }),
    get: "200",
    post: "400",
    valid: () => ({ response: "ACCEPT", expectedPupils: "120", onTheDayContact: "Reception" }),
  },
  // ── Evaluation questionnaires (issue 18) ──
  // Coordinators set the questions; every valid save makes a new version of the shared programme's questionnaire.
  "programmes.$programmeId.questionnaire": {
    params: (f) => ({ programmeId: f.programme.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({ design: "RETROSPECTIVE", text1: "I know who to tell", kind1: "AGREE_SCALE", measured1: "yes" }),
  },
  // Facilitators (their own team's sessions) and coordinators run the questionnaire at a session.
  "sessions.$sessionId.questionnaire._index": {
    params: (f) => ({ sessionId: f.deliveredSession.id }),
    get: "302 200 200 403 403 200",
    post: "302 400 400 403 403 400",
    valid: () => ({ ...dateFields("opensOn", dateIn(-10)), ...dateFields("closesOn", dateIn(10)), collecting: "AFTER" }),
  },
  "sessions.$sessionId.questionnaire.poster": {
    params: (f) => ({ sessionId: f.deliveredSession.id }),
    get: "302 200 200 403 403 200",
    post: "405",
  },
  "sessions.$sessionId.questionnaire.paper": {
    params: (f) => ({ sessionId: f.deliveredSession.id }),
    get: "302 200 200 403 403 200",
    post: "302 400 400 403 403 400",
    valid: () => ({ sitting: "RETROSPECTIVE", forms: "30", "q1-before-4": "10", "q1-now-5": "20" }),
  },
  // Pupils: no account. An empty form misses every answer (400); a valid one is saved and sets the answered cookie.
  "q._index": { get: "200", post: "405" },
  "q.$code": {
    params: (f) => ({ code: f.questionnaireCode }),
    get: "200",
    post: "400",
    valid: () => ({ "q1-before": "2", "q1-now": "4", q2: "Thank you" }),
  },
  "evaluation._index": { get: "302 403 200 200 200 200", post: "405", search: (f) => `?programme=${f.programme.id}` },
  // Free text may be a disclosure: leads only, every read audited.
  "evaluation.free-text._index": { get: LEAD_ONLY, post: "405" },
  "evaluation.free-text.$answerId": {
    params: (f) => ({ answerId: f.freeTextAnswer.id }),
    get: LEAD_ONLY,
    post: LEAD_400,
    valid: (f) => ({ account: "Someone at the park asks for photos", risk: "HIGH", categoryIds: f.concernCategory.id }),
  },
  "feeds.$token[.ics]": { params: (f) => ({ token: f.tokens.venueFeed }), get: "200", post: "405" },
  // A proposal that does not exist: the page is 404; an empty form fails validation before the model is asked.
  "sessions.$sessionId.proposals.$messageId": {
    params: (f) => ({ sessionId: f.session.id, messageId: "cnoproposal000000000000000" }),
    get: "302 403 404 403 403 404",
    post: STAFF_400,
  },
  // A held reply that does not exist: as for proposals.
  "sessions.$sessionId.held.$messageId": {
    params: (f) => ({ sessionId: f.session.id, messageId: "cnoheldreply00000000000000" }),
    get: "302 403 404 403 403 404",
    post: STAFF_400,
  },
  // ── Tour planner (issue 15) ──
  "plans._index": { get: "302 403 200 200 403 200", post: "405" },
  "plans.new": { get: STAFF, post: STAFF_400 },
  // The fixture's version has no sessions: booking it is refused (422) and changes nothing.
  "plans.$planId": {
    params: (f) => ({ planId: f.plan.id }),
    get: "302 403 200 200 403 200",
    post: STAFF_400,
    valid: (f) => ({ intent: "book", versionId: f.planVersion.id }),
  },
  // The home page's to-do lists (issue 15, point 7). "invite all" and "chase all" work on every session in the list,
  // so no valid form here: the fuzz test would invite or chase the shared fixture's sessions.
  "to-do.invite": { get: STAFF, post: STAFF_400 },
  "to-do.replies": { get: STAFF, post: STAFF_400 },
  "to-do.attendance": { get: "302 200 200 403 403 200", post: "405" },
  "outbox._index": { get: STAFF, post: STAFF_400, valid: (f) => ({ intent: "retry", messageId: f.outboxMessage.id }) },
  // The development mailbox answers 404 when SMTP_URL is set, or in production without DEMO_MODE; tests run with
  // NODE_ENV=test and no SMTP_URL, so it is on here.
  "dev.mailbox._index": { get: STAFF, post: "405" },
  "dev.mailbox.$messageId._index": { params: (f) => ({ messageId: f.outboxMessage.id }), get: STAFF, post: "405" },
  "dev.mailbox.$messageId.html": { params: (f) => ({ messageId: f.outboxMessage.id }), get: STAFF, post: "405" },

  // ── Attendance, registers, certificates, people, refreshers (issue 8) ──
  "sessions.$sessionId.attendance": {
    params: (f) => ({ sessionId: f.deliveredSession.id }),
    get: "302 200 200 200 403 200",
    post: "302 400 400 403 403 400",
    valid: () => ({ intent: "pupils", "count-Y10-GIRL": "55", "count-Y10-BOY": "58", adultsPresent: "4" }),
  },
  "sessions.$sessionId.register._index": {
    params: (f) => ({ sessionId: f.driverSession.id }),
    get: "302 200 200 403 403 200",
    post: "302 400 400 403 403 400",
    valid: (f) => ({ intent: "mark", [`status-${f.registerEntry.id}`]: "ATTENDED" }),
  },
  "sessions.$sessionId.register.add": {
    params: (f) => ({ sessionId: f.driverSession.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      intent: "new",
      name: "Dev Driver",
      email: "dev.driver@example.test",
      licenceNumber: "PH-0003",
      licensingAuthority: "Northfield",
    }),
  },
  "sessions.$sessionId.register.import": {
    params: (f) => ({ sessionId: f.driverSession.id }),
    get: STAFF,
    post: STAFF_400,
    valid: () => ({
      rows: "name,email,licence number,licensing authority\nEve Driver,eve.driver@example.test,PH-0004,Northfield",
      importValidRows: "yes",
    }),
  },
  "sessions.$sessionId.register.sign-in-sheet": {
    params: (f) => ({ sessionId: f.driverSession.id }),
    get: "302 200 200 403 403 200",
    post: "405",
  },
  "sessions.$sessionId.certificates": { params: (f) => ({ sessionId: f.driverSession.id }), get: STAFF, post: "405" },
  "certificates.$certificateId": { params: (f) => ({ certificateId: f.certificate.id }), get: STAFF, post: "405" },
  "certificates.verify.$number": { params: (f) => ({ number: f.certificate.number }), get: "200", post: "405" },
  "people._index": { get: PEOPLE_READERS, post: "405" },
  "people.$personId": { params: (f) => ({ personId: f.person.id }), get: PEOPLE_READERS, post: "405" },
  "refreshers._index": {
    get: PEOPLE_READERS,
    post: STAFF_400,
    valid: (f) => ({ sessionId: f.refresherSession.id, personIds: f.person.id }),
  },
  "refreshers[.csv]": { get: PEOPLE_READERS, post: "405" },

  // ── Disclosures (issue 9): logged by facilitators, coordinators and the lead; read only by the lead ──
  "disclosures.new": {
    get: "302 200 200 403 200 403",
    post: "302 400 400 403 400 403",
    valid: (f) => ({
      where: f.deliveredSession.id,
      ...dateFields("disclosed", dateIn(-7)),
      disclosedTime: "10:45",
      yearGroup: "Y10",
      attendsVenueSchool: "YES",
      categoryIds: f.concernCategory.id,
      risk: "MEDIUM",
      account: "Said an older boy asked them to carry a parcel",
      referralTo: "NONE",
    }),
  },
  // The receipt shows once, right after logging; otherwise it sends the user to log one.
  "disclosures.receipt": { get: "302 302 302 403 302 403", post: "405" },
  "disclosures._index": { get: LEAD_ONLY, post: "405" },
  "disclosures.export": { get: LEAD_ONLY, post: "405" },
  "disclosures.dashboard": { get: LEAD_ONLY, post: "405" },
  "disclosures.$disclosureId._index": {
    params: (f) => ({ disclosureId: f.disclosure.id }),
    get: LEAD_ONLY,
    post: LEAD_400,
    valid: () => ({ intent: "addendum", text: "The school's DSL confirmed the referral", reason: "Follow-up call" }),
  },
  "disclosures.$disclosureId.audit": { params: (f) => ({ disclosureId: f.disclosure.id }), get: LEAD_ONLY, post: "405" },
  "disclosures.categories": { get: LEAD_ONLY, post: LEAD_400, valid: () => ({ intent: "add", label: "Online grooming" }) },
  "disclosures.settings": { get: LEAD_ONLY, post: LEAD_400, valid: () => ({ patterns: "", socialCareYears: "25", otherYears: "7" }) },
  "disclosures.retention": { get: LEAD_ONLY, post: LEAD_400 },

  // ── Reach reports: report:read (managers, coordinators, leads, admins); GET only ──
  "reports._index": { get: "302 403 200 200 200 200", post: "405", search: "?period=quarter&quarter=2026-q1" },
  "reports.schools": { get: "302 403 200 200 200 200", post: "405", search: "?show=not-booked&page=2" },
  "reports.quarterly": { get: "302 403 200 200 200 200", post: "405", search: "?year=2026" },
  "reports.quarterly[.csv]": { get: "302 403 200 200 200 200", post: "405", search: "?year=2026" },
  "reports.disclosures": { get: "302 403 200 200 200 200", post: "405", search: "?year=2026" },
  "reports.quarterly[.pdf]": { get: "302 403 200 200 200 200", post: "405", search: "?year=2026" },
  "reports.annual": { get: "302 403 200 200 200 200", post: "405", search: "?kind=financial&year=2026&version=public" },
  "reports.annual[.pdf]": { get: "302 403 200 200 200 200", post: "405", search: "?kind=academic&version=staff" },
  "reports.annual[.csv]": { get: "302 403 200 200 200 200", post: "405", search: "?kind=academic&year=2026" },
  "reports.licensed-drivers": { get: STAFF, post: STAFF_400 },
  "reports.settings": { get: ADMIN_ONLY, post: "302 403 403 403 403 400", valid: () => ({ publicThreshold: "10" }) },

  // ── Targets and progress to target: read with report:read, managed by managers and admins (target:manage) ──
  "reports.targets._index": { get: "302 403 200 200 200 200", post: "405" },
  "reports.targets.new": {
    get: "302 403 403 200 403 200",
    post: "302 403 403 400 403 400",
    valid: () => ({
      metric: "SESSIONS_DELIVERED",
      value: "1,200",
      ...dateFields("from", dateIn(400)),
      ...dateFields("to", dateIn(700)),
      note: "Commissioned by the council",
    }),
  },
  "reports.targets.$targetId.edit": {
    params: (f) => ({ targetId: f.target.id }),
    get: "302 403 403 200 403 200",
    post: "302 403 403 400 403 400",
    valid: (f) => ({
      metric: "PUPILS_REACHED",
      programmeId: f.programme.id,
      value: "4000",
      ...dateFields("from", f.target.fromDate),
      ...dateFields("to", f.target.toDate),
    }),
  },
  "reports.targets.$targetId.delete": {
    params: async (f) => ({ targetId: (await f.freshTarget()).id }),
    get: "302 403 403 200 403 200",
    post: "302 403 403 400 403 400",
    valid: () => ({ confirm: "yes" }),
  },
};
