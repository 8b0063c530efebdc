// The soak's clients: what a busy council morning sends to the app servers, round-robin across them. Every request is
// recorded (kind, server, status, latency, time) and every acknowledged write (a 2xx/3xx answer to a POST) with the
// id of what it wrote, so the checks can find each one in the database afterwards.
import { createHash } from "node:crypto";
import type { SinkMessage } from "./mail-sink";

export type RequestRecord = { kind: string; server: number; status: number; ms: number; at: number };
export type WriteKind = "book" | "invite" | "move" | "attendance" | "respond";
export type AckedWrite = { kind: WriteKind; id: string; at: number };
export type BurstOutcome = { at: number; winners: number; statuses: number[] };

/** What the setup made for the clients (ids from the database, cookies from startAuthSession). */
export type SoakCast = {
  programmeId: string;
  coordinators: { cookie: string; teamId: string; venues: { id: string; contactId: string }[] }[];
  burst: { teamIds: string[]; venueIds: string[] };
  facilitators: { cookie: string; sessionIds: string[] }[];
  managers: { cookie: string }[];
  feedPaths: string[];
};

export type SoakLoad = ReturnType<typeof createLoad>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => sleep(min + Math.random() * (max - min));
const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Weekdays from 1 February to 16 July 2027 outside the bank holidays: far enough ahead that every slot is bookable. */
function bookableDates(): string[] {
  const holidays = new Set(["2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31"]);
  const dates: string[] = [];
  for (let d = new Date("2027-02-01T12:00:00Z"); d < new Date("2027-07-17T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) dates.push(iso);
  }
  return dates;
}
const DATES = bookableDates();
// Two hours apart: more than the travel buffer between two venues, so a team's own slots never clash.
const TIMES = [
  ["09:00", "10:00"],
  ["11:00", "12:00"],
  ["13:00", "14:00"],
  ["15:00", "16:00"],
] as const;
const slotAt = (n: number) => ({ date: DATES[Math.floor(n / TIMES.length) % DATES.length], times: TIMES[n % TIMES.length] });
const dateFields = (date: string) => ({
  dateDay: String(Number(date.slice(8, 10))),
  dateMonth: String(Number(date.slice(5, 7))),
  dateYear: date.slice(0, 4),
});

export function createLoad(options: { bases: string[]; cast: SoakCast; lookupInvitation: (tokenHash: string) => Promise<string | null> }) {
  const { bases, cast } = options;
  const records: RequestRecord[] = [];
  const acked: AckedWrite[] = [];
  const bursts: BurstOutcome[] = [];
  /** Invitation id → answers acknowledged for it (one per link). */
  const answers = new Map<string, number>();
  /**
   * Invitation id → answers sent whose outcome the school never learnt (no response, or a 5xx): the server may have
   * saved one before its reply was lost (a killed server, a reply slower than the client's timeout). The page lets a
   * venue answer again, so the retry that follows may save a second answer, as it would for a person.
   */
  const unsureAnswers = new Map<string, number>();
  const tokensSeen = new Set<string>();
  const toAnswer: { token: string; invitationId: string; tries: number; notBefore: number }[] = [];
  let turn = 0;
  let stopAt = Number.POSITIVE_INFINITY;
  let schoolsStopAt = Number.POSITIVE_INFINITY;

  async function request(
    kind: string,
    path: string,
    init: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; server?: number } = {},
  ) {
    const server = init.server ?? turn++ % bases.length;
    const started = performance.now();
    const at = Date.now();
    let status = 0;
    let location: string | null = null;
    let etag: string | null = null;
    try {
      const response = await fetch(`${bases[server]}${path}`, {
        method: init.form ? "POST" : "GET",
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
        headers: {
          ...(init.cookie ? { Cookie: init.cookie } : {}),
          ...(init.form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: bases[server] } : {}),
          ...init.headers,
        },
        body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      });
      await response.arrayBuffer();
      status = response.status;
      location = response.headers.get("location");
      etag = response.headers.get("etag");
    } catch {
      status = 0;
    }
    records.push({ kind, server, status, ms: performance.now() - started, at });
    const ok = status >= 200 && status < 400;
    if (ok && init.form) return { status, location, etag, acked: true };
    return { status, location, etag, acked: false };
  }

  const running = () => Date.now() < stopAt;

  async function coordinator(index: number) {
    const me = cast.coordinators[index];
    let slot = 0;
    const movable: string[] = [];
    for (let round = 0; running(); round++) {
      const venue = me.venues[slot % me.venues.length];
      const { date, times } = slotAt(slot++);
      const booked = await request("book", "/sessions/new", {
        cookie: me.cookie,
        form: {
          programmeId: cast.programmeId,
          venueId: venue.id,
          teamId: me.teamId,
          ...dateFields(date),
          startTime: times[0],
          endTime: times[1],
          expectedPupils: "60",
        },
      });
      const sessionId = booked.location?.match(/^\/sessions\/([^/?]+)/)?.[1];
      if (booked.acked && sessionId) {
        acked.push({ kind: "book", id: sessionId, at: Date.now() });
        await request("session page", `/sessions/${sessionId}`, { cookie: me.cookie });
        // Every other booking is sent to the venue (and answered by the school); the rest are moved later.
        if (round % 2 === 0) {
          const invited = await request("invite", `/sessions/${sessionId}/invite`, {
            cookie: me.cookie,
            form: { contactIds: venue.contactId },
          });
          if (invited.acked) acked.push({ kind: "invite", id: sessionId, at: Date.now() });
        } else movable.push(sessionId);
      }
      if (round % 3 === 2 && movable.length) {
        const target = movable.shift()!;
        const to = slotAt(slot++);
        const moved = await request("move", `/sessions/${target}/move`, {
          cookie: me.cookie,
          form: {
            venueId: me.venues[(slot + 1) % me.venues.length].id,
            teamId: me.teamId,
            ...dateFields(to.date),
            startTime: to.times[0],
            endTime: to.times[1],
            reason: "The school asked for another day",
          },
        });
        if (moved.acked) acked.push({ kind: "move", id: target, at: Date.now() });
      }
      await jitter(300, 900);
    }
  }

  /** Many coordinators press "Book session" for one slot at once: a team burst, then a venue burst, in turn. */
  async function conflictingBurst(round: number) {
    const { date, times } = slotAt(round);
    const sameTeam = round % 2 === 0;
    const tries = sameTeam ? cast.burst.venueIds.length : cast.burst.teamIds.length;
    const statuses = await Promise.all(
      Array.from({ length: tries }, async (_, i) => {
        const result = await request("burst booking", "/sessions/new", {
          cookie: cast.coordinators[i % cast.coordinators.length].cookie,
          form: {
            programmeId: cast.programmeId,
            venueId: sameTeam ? cast.burst.venueIds[i] : cast.burst.venueIds[0],
            teamId: sameTeam ? cast.burst.teamIds[0] : cast.burst.teamIds[i],
            ...dateFields(date),
            startTime: times[0],
            endTime: times[1],
          },
        });
        const sessionId = result.location?.match(/^\/sessions\/([^/?]+)/)?.[1];
        if (result.acked && sessionId) acked.push({ kind: "book", id: sessionId, at: Date.now() });
        return result.status;
      }),
    );
    bursts.push({ at: Date.now(), winners: statuses.filter((s) => s === 302).length, statuses });
  }

  async function facilitator(index: number) {
    const me = cast.facilitators[index];
    const counts = new Map<string, number>();
    for (let i = 0; running(); i++) {
      const sessionId = me.sessionIds[i % me.sessionIds.length];
      const pupils = (counts.get(sessionId) ?? 0) + 1;
      counts.set(sessionId, pupils);
      const saved = await request("attendance", `/sessions/${sessionId}/attendance`, {
        cookie: me.cookie,
        form: { intent: "pupils", "count-Y10-GIRL": String(pupils), "count-Y10-BOY": "1", adultsPresent: "2" },
      });
      if (saved.acked) acked.push({ kind: "attendance", id: sessionId, at: Date.now() });
      await request("attendance page", `/sessions/${sessionId}/attendance`, { cookie: me.cookie });
      await jitter(500, 1200);
    }
  }

  const REPORT_PAGES = ["/reports/quarterly", "/reports/annual", "/reports", "/reports/schools", "/diary", "/sessions"];
  async function manager(index: number) {
    const me = cast.managers[index];
    for (let i = index; running(); i++) {
      await request("report", REPORT_PAGES[i % REPORT_PAGES.length], { cookie: me.cookie });
      await jitter(800, 2000);
    }
  }

  async function calendarClient(index: number) {
    const etags = new Map<string, string>();
    for (let i = index; running(); i++) {
      const path = cast.feedPaths[i % cast.feedPaths.length];
      const known = etags.get(path);
      const result = await request("feed", path, { headers: known ? { "If-None-Match": known } : {} });
      if (result.etag) etags.set(path, result.etag);
      await jitter(400, 1000);
    }
  }

  /** An invitation email arrived: its response link goes to the schools' queue, once per link. */
  async function noticeEmail(message: SinkMessage) {
    const token = message.text.match(/\/respond\/([A-Za-z0-9_-]{20,100})/)?.[1];
    if (!token || tokensSeen.has(token)) return;
    tokensSeen.add(token);
    const invitationId = await options.lookupInvitation(hashToken(token));
    // Replaced by a newer link before it arrived: the newer email carries the link to answer.
    if (invitationId) toAnswer.push({ token, invitationId, tries: 0, notBefore: 0 });
  }

  /** A school answers a link once; when the answer is not acknowledged it tries again later, as a person would. */
  async function school(index: number) {
    // Each school has its own address behind the load balancer (TRUST_PROXY), as the answer rate limit is per address.
    const address = `10.0.${index}.${1 + (index % 250)}`;
    while (Date.now() < schoolsStopAt) {
      const next = toAnswer.findIndex((a) => a.notBefore <= Date.now());
      if (next < 0) {
        await sleep(200);
        continue;
      }
      const [item] = toAnswer.splice(next, 1);
      const headers = { "X-Forwarded-For": address };
      await request("response page", `/respond/${item.token}`, { headers });
      const accept = item.invitationId.charCodeAt(item.invitationId.length - 1) % 4 !== 0;
      const answered = await request("respond", `/respond/${item.token}`, {
        headers,
        form: accept ? { response: "ACCEPT" } : { response: "DECLINE", reason: "Exam season: the hall is in use" },
      });
      if (answered.acked) {
        acked.push({ kind: "respond", id: item.invitationId, at: Date.now() });
        answers.set(item.invitationId, (answers.get(item.invitationId) ?? 0) + 1);
      } else {
        if (answered.status === 0 || answered.status >= 500)
          unsureAnswers.set(item.invitationId, (unsureAnswers.get(item.invitationId) ?? 0) + 1);
        if (answered.status !== 404 && item.tries < 20) toAnswer.push({ ...item, tries: item.tries + 1, notBefore: Date.now() + 1000 });
      }
      await jitter(100, 400);
    }
  }

  return {
    records,
    acked,
    bursts,
    answers,
    unsureAnswers,
    noticeEmail,
    /** Invitation links waiting for an answer. */
    unanswered: () => toAnswer.length,
    /** Runs every client until stopLoad; the schools run on until stopSchools (they answer the last emails). */
    start(counts: { schools: number; calendarClients: number; burstEveryMs: number }) {
      const clients = [
        ...cast.coordinators.map((_, i) => coordinator(i)),
        ...cast.facilitators.map((_, i) => facilitator(i)),
        ...cast.managers.map((_, i) => manager(i)),
        ...Array.from({ length: counts.calendarClients }, (_, i) => calendarClient(i)),
        ...Array.from({ length: counts.schools }, (_, i) => school(i)),
        (async () => {
          for (let round = 0; running(); round++) {
            await sleep(counts.burstEveryMs);
            if (running()) await conflictingBurst(10_000 + round);
          }
        })(),
      ];
      return Promise.all(clients);
    },
    stopLoad: () => (stopAt = Date.now()),
    stopSchools: () => (schoolsStopAt = Date.now()),
    /** A request to one server, recorded like the others (recovery probes). */
    probe: (server: number) => request("probe", "/healthz", { server }),
  };
}
