import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLAIM_EXPIRY_MS,
  claimNextMessage,
  deliverDueMessages,
  enqueueEmail,
  listFailedMessages,
  retryMessage,
} from "~/models/outbox.server";
import { startOutboxWorker } from "~/models/worker.server";
import { db } from "~/utils/db.server";
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
    const later = new Date(now.getTime() + CLAIM_EXPIRY_MS + 1000);
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
