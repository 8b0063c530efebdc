// The soak's verdict, read from the database and the mail sink after the run has drained: no double-booking, no
// acknowledged write missing, every outbox row sent exactly once, every invitation link answered exactly once.
import pg from "pg";
import type { AckedWrite } from "./load";
import type { SinkMessage } from "./mail-sink";

export type Invariant = { name: string; found: number; detail: string };

const LIVE = `status NOT IN ('CANCELLED', 'DECLINED')`;
const overlapping = (column: "teamId" | "venueId") => `
  SELECT count(*)::int AS n FROM "Session" a JOIN "Session" b
    ON a.id < b.id AND a."${column}" = b."${column}" AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"
  WHERE a.${LIVE} AND b.${LIVE}`;

/** Audit rows of one action per entity id. */
async function auditCounts(client: pg.Client, action: string, ids: string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ id: string; n: number }>(
    `SELECT "entityId" AS id, count(*)::int AS n FROM "AuditEvent" WHERE action = $1 AND "entityId" = ANY($2) GROUP BY "entityId"`,
    [action, ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

const countBy = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

export async function checkInvariants(input: {
  databaseUrl: string;
  acked: AckedWrite[];
  answers: Map<string, number>;
  /** Answers sent whose outcome was never learnt: each may have been saved (load.ts). */
  unsureAnswers: Map<string, number>;
  sink: SinkMessage[];
  sentBeforeStart: Set<string>;
  soakContactDomain: string;
}): Promise<Invariant[]> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    const results: Invariant[] = [];
    const teamOverlaps = (await client.query<{ n: number }>(overlapping("teamId"))).rows[0].n;
    const venueOverlaps = (await client.query<{ n: number }>(overlapping("venueId"))).rows[0].n;
    results.push({
      name: "double-bookings (team or venue overlaps among live sessions)",
      found: teamOverlaps + venueOverlaps,
      detail: `${teamOverlaps} team, ${venueOverlaps} venue`,
    });

    // Each acknowledged write left its audit row (written in the same transaction as the change itself).
    const lost: string[] = [];
    const actions: Record<AckedWrite["kind"], string> = {
      book: "session.book",
      invite: "invitation.send",
      move: "session.move",
      attendance: "attendance.record",
      respond: "invitation.respond",
    };
    for (const [kind, action] of Object.entries(actions) as [AckedWrite["kind"], string][]) {
      const wanted = countBy(input.acked.filter((w) => w.kind === kind).map((w) => w.id));
      const found = await auditCounts(client, action, [...wanted.keys()]);
      for (const [id, n] of wanted)
        if ((found.get(id) ?? 0) < n) lost.push(`${kind} ${id}: ${n} acknowledged, ${found.get(id) ?? 0} found`);
    }
    const bookedIds = input.acked.filter((w) => w.kind === "book").map((w) => w.id);
    const { rows: sessions } = await client.query<{ id: string }>(`SELECT id FROM "Session" WHERE id = ANY($1)`, [bookedIds]);
    const present = new Set(sessions.map((s) => s.id));
    for (const id of bookedIds) if (!present.has(id)) lost.push(`booked session ${id} is missing`);
    results.push({
      name: "lost acknowledged writes",
      found: lost.length,
      detail: lost.slice(0, 5).join("; ") || `${input.acked.length} checked`,
    });

    const answered = await auditCounts(client, "invitation.respond", [...input.answers.keys()]);
    // More answers saved than were acknowledged, beyond those whose outcome the school never learnt.
    const twice = [...input.answers].filter(([id, n]) => (answered.get(id) ?? 0) > n + (input.unsureAnswers.get(id) ?? 0));
    const unsure = [...input.unsureAnswers.values()].reduce((sum, n) => sum + n, 0);
    const { rows: unanswered } = await client.query<{ id: string }>(
      `SELECT i.id FROM "Invitation" i JOIN "Session" s ON s.id = i."sessionId"
       WHERE i.email LIKE $1 AND i."revokedAt" IS NULL AND i.status = 'PENDING' AND s.status NOT IN ('CANCELLED', 'DELIVERED')`,
      [`%@${input.soakContactDomain}`],
    );
    results.push({
      name: "invitations not answered exactly once",
      found: twice.length + unanswered.length,
      detail: `${input.answers.size} answered (${unsure} sent with no known outcome); ${twice.length} answered more than once, ${unanswered.length} never answered`,
    });

    const received = countBy(input.sink.map((m) => m.outboxId ?? "(no outbox id)"));
    const duplicates = [...received].filter(([, n]) => n > 1);
    results.push({
      name: "emails sent twice",
      found: duplicates.length,
      detail: `${input.sink.length} received; ${
        duplicates
          .map(([id, n]) => `${id} ×${n}`)
          .slice(0, 5)
          .join(", ") || "none twice"
      }`,
    });
    const { rows: outbox } = await client.query<{ id: string; status: string }>(`SELECT id, status FROM "OutboxMessage"`);
    const expected = outbox.filter((m) => !input.sentBeforeStart.has(m.id));
    const notSent = expected.filter((m) => m.status !== "SENT" || !received.has(m.id));
    results.push({
      name: "emails never sent",
      found: notSent.length,
      detail: `${expected.length} queued during the run; ${
        notSent
          .map((m) => `${m.id} (${m.status}${received.has(m.id) ? "" : ", not received"})`)
          .slice(0, 5)
          .join(", ") || "all received"
      }`,
    });
    return results;
  } finally {
    await client.end();
  }
}
