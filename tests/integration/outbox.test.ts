import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  claimNextMessage,
  deliverDueMessages,
  enqueueEmail,
  leaseMs,
  listFailedMessages,
  retryMessage,
  type SendFn,
} from "~/models/outbox.server";
import { startOutboxWorker } from "~/models/worker.server";
import { db, usingPostgres } from "~/utils/db.server";
import { addDays, todayInLondon } from "~/utils/time";
import { makeProgramme, makeSession, makeTeam, makeVenue } from "../factories";
import { startSmtpSink } from "../support/mail";

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(() => smtp.close());

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("outbox worker", () => {
  it("two workers racing over the same queue send every message exactly once", async () => {
    const tag = `race-${Date.now()}`;
    for (let i = 0; i < 30; i++) await enqueueEmail(db, { to: `${tag}-${i}@example.test`, subject: `${tag} ${i}`, text: "Hello" });
    const sendsById = new Map<string, number>();
    const send = async (m: {
      id: string;
      to: string;
      subject: string;
      text: string;
      html: string | null;
      ics: string | null;
      icsMethod: string | null;
      attachments: unknown;
    }) => {
      sendsById.set(m.id, (sendsById.get(m.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      await smtp.transport.sendMail({ from: "outreach@localhost", to: m.to, subject: m.subject, text: m.text });
    };
    const [a, b] = await Promise.all([
      deliverDueMessages({ workerId: "worker-a", send, maxAttempts: 3 }),
      deliverDueMessages({ workerId: "worker-b", send, maxAttempts: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect([...sendsById.values()].every((n) => n === 1)).toBe(true);
    expect(smtp.received.filter((r) => r.mail.subject?.startsWith(tag))).toHaveLength(30);
    expect(await db.outboxMessage.count({ where: { subject: { startsWith: tag }, status: "SENT" } })).toBe(30);
  });

  it("a claim is taken by one worker only, and taken over when its worker died", async () => {
    await enqueueEmail(db, { to: "claim@example.test", subject: "claim", text: "x" });
    const now = new Date(Date.now() + 1000);
    const first = await claimNextMessage("w1", now);
    expect(first).not.toBeNull();
    const second = await claimNextMessage("w2", now);
    expect(second?.id).not.toBe(first!.id);
    const later = new Date(now.getTime() + leaseMs() + 1000);
    const reclaimed = await db.outboxMessage.findUniqueOrThrow({ where: { id: first!.id } });
    expect(reclaimed.lockedBy).toBe("w1");
    let takenOver = null;
    for (let m = await claimNextMessage("w3", later); m; m = await claimNextMessage("w3", later)) if (m.id === first!.id) takenOver = m;
    expect(takenOver?.attempts).toBe(2);
  });

  it("retries with growing delays, records the error, gives up after the limit, and can be retried by hand", async () => {
    await db.outboxMessage.updateMany({ where: { status: { in: ["PENDING", "SENDING"] } }, data: { status: "SENT" } });
    await enqueueEmail(db, { to: "bounce@example.test", subject: "Will fail", text: "x" });
    const failing = async () => {
      throw Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
    };
    let clock = Date.now() + 1000;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await deliverDueMessages({ workerId: "w", send: failing, maxAttempts: 3, now: () => new Date(clock) });
      expect(result).toEqual({ sent: 0, failed: 1 });
      const row = await db.outboxMessage.findFirstOrThrow({ where: { to: "bounce@example.test" } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe("550 Mailbox unavailable");
      delays.push(row.nextAttemptAt.getTime() - clock);
      expect(await deliverDueMessages({ workerId: "w", send: failing, maxAttempts: 3, now: () => new Date(clock) })).toEqual({
        sent: 0,
        failed: 0,
      });
      clock = row.nextAttemptAt.getTime() + 1;
    }
    expect(delays[1]).toBeGreaterThan(delays[0]);
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { to: "bounce@example.test" } });
    expect(failed.status).toBe("FAILED");
    expect((await listFailedMessages(1)).items.map((m) => m.id)).toContain(failed.id);

    const admin = await db.user.create({ data: { email: `retry-${Date.now()}@example.test`, name: "Admin", passwordHash: "x" } });
    await retryMessage({ id: admin.id, email: admin.email, roles: ["ADMIN"] }, failed.id, meta);
    await smtp.deliver();
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("SENT");
    expect(await db.auditEvent.count({ where: { action: "outbox.retry", entityId: failed.id } })).toBe(1);
  });

  it("dedupe keys make a message idempotent", async () => {
    expect(await enqueueEmail(db, { to: "a@example.test", subject: "once", text: "x", dedupeKey: "once-only" })).toBe(true);
    expect(await enqueueEmail(db, { to: "a@example.test", subject: "once", text: "x", dedupeKey: "once-only" })).toBe(false);
    expect(await db.outboxMessage.count({ where: { dedupeKey: "once-only" } })).toBe(1);
  });
});

// What the soak test (npm run soak) found when a worker was killed mid-send and when PostgreSQL restarted mid-send.
describe("outbox leases and database restarts", () => {
  const sendTo = (tag: string, counts: Map<string, number>): SendFn => {
    return async (m) => {
      counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      await smtp.transport.sendMail({ from: "outreach@localhost", to: m.to, subject: `${tag} ${m.subject}`, text: m.text });
    };
  };
  const clearQueue = () => db.outboxMessage.updateMany({ where: { status: { in: ["PENDING", "SENDING"] } }, data: { status: "SENT" } });

  it("a message the relay accepted is recorded as sent once the database is back, and never sent again", async () => {
    await clearQueue();
    const tag = `restart-${Date.now()}`;
    await enqueueEmail(db, { to: "restart@example.test", subject: "Sent during a restart", text: "x" });
    // The database refuses to record a send (as while PostgreSQL restarts) until the flag row is deleted.
    const refusing = usingPostgres()
      ? [
          `CREATE TABLE refuse_sent (n int)`,
          `CREATE FUNCTION refuse_sent() RETURNS trigger AS $$ BEGIN IF NEW.status = 'SENT' AND EXISTS (SELECT 1 FROM refuse_sent) THEN RAISE EXCEPTION 'the database is restarting'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER refuse_sent BEFORE UPDATE ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION refuse_sent()`,
        ]
      : [
          `CREATE TABLE refuse_sent (n INTEGER)`,
          `CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON "OutboxMessage" WHEN NEW.status = 'SENT' AND EXISTS (SELECT 1 FROM refuse_sent) BEGIN SELECT RAISE(ABORT, 'the database is restarting'); END`,
        ];
    for (const sql of refusing) await db.$executeRawUnsafe(sql);
    const counts = new Map<string, number>();
    const relay = sendTo(tag, counts);
    let refusals = 0;
    const send: SendFn = async (m) => {
      await relay(m);
      await db.$executeRawUnsafe(`INSERT INTO refuse_sent (n) VALUES (1)`);
      // (A Prisma query runs only once awaited or then-ed.)
      setTimeout(() => db.$executeRawUnsafe(`DELETE FROM refuse_sent`).then(() => undefined), 600);
      refusals++;
    };
    const result = await deliverDueMessages({ workerId: "w-restart", send, maxAttempts: 3 }).finally(async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_sent${usingPostgres() ? ` ON "OutboxMessage"` : ""}`);
      await db.$executeRawUnsafe(`DROP TABLE refuse_sent`);
      if (usingPostgres()) await db.$executeRawUnsafe(`DROP FUNCTION refuse_sent()`);
    });
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(refusals).toBe(1);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { to: "restart@example.test" } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedBy: null });
    // Hours later, nothing is due: the message is not sent a second time.
    const later = () => new Date(Date.now() + 3 * 3600_000);
    expect(await deliverDueMessages({ workerId: "w-later", send: relay, maxAttempts: 3, now: later })).toEqual({ sent: 0, failed: 0 });
    expect([...counts.values()]).toEqual([1]);
    expect(smtp.received.filter((r) => r.mail.subject?.startsWith(tag))).toHaveLength(1);
  });

  it("a slow send keeps its claim by renewing it, so a second worker does not send the message too", async () => {
    await clearQueue();
    const tag = `slow-${Date.now()}`;
    await enqueueEmail(db, { to: "slow@example.test", subject: "Slow relay", text: "x" });
    const counts = new Map<string, number>();
    const lease = 600;
    // The relay holds the message until the test lets it go; meanwhile the claim must be renewed past its first lease.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let claimedAt: Date | null = null;
    const relay = sendTo(tag, counts);
    const slow = deliverDueMessages({
      workerId: "w-slow",
      maxAttempts: 3,
      leaseMs: lease,
      send: async (m) => {
        claimedAt = (await db.outboxMessage.findUniqueOrThrow({ where: { id: m.id } })).lockedAt;
        await released;
        await relay(m);
      },
    });
    await vi.waitFor(
      async () => {
        expect(claimedAt).not.toBeNull();
        const row = await db.outboxMessage.findFirstOrThrow({ where: { to: "slow@example.test", status: "SENDING" } });
        expect(row.lockedAt!.getTime()).toBeGreaterThanOrEqual(claimedAt!.getTime() + lease);
      },
      { timeout: 60_000, interval: 100 },
    );
    // A second worker looking after the first lease has run out finds the claim still held.
    const afterFirstLease = () => new Date(claimedAt!.getTime() + lease + 1);
    expect(await deliverDueMessages({ workerId: "w-other", send: relay, maxAttempts: 3, leaseMs: lease, now: afterFirstLease })).toEqual({
      sent: 0,
      failed: 0,
    });
    release();
    expect(await slow).toEqual({ sent: 1, failed: 0 });
    expect([...counts.values()]).toEqual([1]);
    expect(smtp.received.filter((r) => r.mail.subject?.startsWith(tag))).toHaveLength(1);
  });

  it("a claim that is not renewed (its worker was killed) is taken over once the lease has run out, not before", async () => {
    await clearQueue();
    await enqueueEmail(db, { to: "killed@example.test", subject: "Worker killed", text: "x" });
    const claimedAt = new Date();
    const claimed = await claimNextMessage("w-killed", claimedAt, 20_000);
    expect(claimed?.to).toBe("killed@example.test");
    const counts = new Map<string, number>();
    const at = (ms: number) => () => new Date(claimedAt.getTime() + ms);
    const send = sendTo(`killed-${Date.now()}`, counts);
    expect(await deliverDueMessages({ workerId: "w-next", send, maxAttempts: 3, leaseMs: 20_000, now: at(19_000) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverDueMessages({ workerId: "w-next", send, maxAttempts: 3, leaseMs: 20_000, now: at(21_000) })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: claimed!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("the lease is OUTBOX_LEASE_SECONDS, a minute by default", () => {
    expect(leaseMs()).toBe(60_000);
  });
});

describe("the worker loop", () => {
  it("queues due reminders when it starts (and, with no SMTP_URL, keeps messages for the development mailbox)", async () => {
    const programme = await makeProgramme(db);
    const team = await makeTeam(db);
    const venue = await makeVenue(db, { contact: { name: "Owen Price", role: "DSL", email: "owen@school.example" } });
    const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
    const session = await makeSession(db, {
      programmeId: programme.id,
      venueId: venue.id,
      teamId: team.id,
      date: addDays(todayInLondon(), 3),
      start: "09:30",
      end: "11:00",
      status: "CONFIRMED",
    });
    await db.invitation.create({
      data: {
        sessionId: session.id,
        contactId: contact.id,
        email: contact.email!,
        tokenHash: "f".repeat(64),
        status: "ACCEPTED",
        sentAt: new Date(),
        expiresAt: session.endsAt,
      },
    });

    const worker = startOutboxWorker();
    await worker.stop();
    const reminder = await db.outboxMessage.findFirstOrThrow({ where: { to: "owen@school.example" } });
    expect(reminder.subject).toMatch(/^Reminder: /);
    expect(reminder.status).toBe("PENDING");
  });

  it("the worker loop also deletes rate-limit counters older than a day, and keeps current ones", async () => {
    const now = Date.now();
    await db.rateLimitBucket.createMany({
      data: [
        { key: "respond:ip:203.0.113.9", windowStart: new Date(now - 2 * 24 * 3600_000), hits: 40 },
        { key: "respond:ip:203.0.113.10", windowStart: new Date(now - 60_000), hits: 3 },
      ],
    });
    const worker = startOutboxWorker();
    await worker.stop();
    expect(
      (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "respond:ip:203.0.113." } }, select: { key: true } })).map(
        (b) => b.key,
      ),
    ).toEqual(["respond:ip:203.0.113.10"]);
  });
});
