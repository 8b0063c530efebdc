// The two ways replies arrive: a real SMTP listener on loopback fed by nodemailer, and one IMAP pass over a
// mailbox (the per-message logic with a scripted mailbox; reply-servers.test.ts runs the real IMAP server).
import nodemailer, { type Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendInvitation } from "~/models/invitations.server";
import { readReplyMailboxOnce, startReplySmtpListener, type ReplyMailbox } from "~/models/reply-transports.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { smtpSinkForThisFile } from "../support/mail";

vi.hoisted(() => {
  process.env.REPLY_DOMAIN = "replies.outreach.test"; // before anything reads the environment
});

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const { sentTo } = smtpSinkForThisFile();

/** An invited session in the future and its invitation's reply address. */
async function invited() {
  const coordinator = await makeUser(db, { roles: ["COORDINATOR"] });
  const programme = await makeProgramme(db, { name: "Somebody's Daughter" });
  const team = await makeTeam(db, { name: "Open Door touring company" });
  const email = `dsl-${Math.random().toString(36).slice(2)}@ashgrove.sch.uk`;
  const venue = await makeVenue(db, { name: "Ashgrove School", contact: { name: "Alison Reid", role: "DSL", email } });
  const contact = await db.venueContact.findFirstOrThrow({ where: { venueId: venue.id } });
  const session = await makeSession(db, {
    programmeId: programme.id,
    venueId: venue.id,
    teamId: team.id,
    date: "2030-03-27",
    start: "09:30",
    end: "11:00",
    createdById: coordinator.id,
  });
  await sendInvitation({ ...coordinator, roles: ["COORDINATOR"] }, { sessionId: session.id, contactIds: [contact.id] }, meta);
  const [sent] = await sentTo(email);
  return { email, session, replyAddress: sent.mail.replyTo!.value[0].address! };
}

const replyIcs = (input: { uid: string; attendee: string; organizer: string; partstat: string }) =>
  [
    "BEGIN:VCALENDAR",
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "METHOD:REPLY",
    "BEGIN:VEVENT",
    `ORGANIZER:mailto:${input.organizer}`,
    `ATTENDEE;PARTSTAT=${input.partstat}:mailto:${input.attendee}`,
    `UID:${input.uid}`,
    "SEQUENCE:0",
    "DTSTAMP:20300302T101500Z",
    "DTSTART:20300327T093000Z",
    "DTEND:20300327T110000Z",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");

describe("the inbound SMTP listener", () => {
  let listener: Awaited<ReturnType<typeof startReplySmtpListener>>;
  let transport: Transporter;
  beforeAll(async () => {
    listener = await startReplySmtpListener({ port: 0, host: "127.0.0.1" });
    transport = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
  });
  afterAll(() => listener.close());

  it("applies an Accept sent by a mail server and records it as arriving by SMTP", async () => {
    const { email, session, replyAddress } = await invited();
    await transport.sendMail({
      from: email,
      to: replyAddress,
      subject: "Accepted: Somebody's Daughter at Ashgrove School",
      text: "",
      icalEvent: {
        method: "REPLY",
        content: replyIcs({ uid: session.icalUid, attendee: email, organizer: replyAddress, partstat: "ACCEPTED" }),
      },
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
    const stored = await db.inboundMessage.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(stored).toMatchObject({ source: "SMTP", outcome: "APPLIED", partstat: "ACCEPTED" });
  });

  it("refuses mail for other domains (it is not a relay)", async () => {
    await expect(transport.sendMail({ from: "a@example.com", to: "someone@example.com", subject: "relay?", text: "x" })).rejects.toThrow(
      /550/,
    );
  });

  it("records a message over REPLY_MAX_BYTES as refused, unread, and keeps listening", async () => {
    const { email, session, replyAddress } = await invited();
    await transport.sendMail({ from: email, to: replyAddress, subject: "huge", text: "A".repeat(6 * 1024 * 1024) });
    const huge = await db.inboundMessage.findFirstOrThrow({
      where: { source: "SMTP", outcome: "REFUSED" },
      orderBy: { receivedAt: "desc" },
    });
    expect(huge.reason).toMatch(/^Too large to read \(\d+ bytes\)$/);
    expect(huge.sizeBytes).toBeGreaterThan(6 * 1024 * 1024);
    await transport.sendMail({
      from: email,
      to: replyAddress,
      subject: "Declined",
      text: "",
      icalEvent: {
        method: "REPLY",
        content: replyIcs({ uid: session.icalUid, attendee: email, organizer: replyAddress, partstat: "DECLINED" }),
      },
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("DECLINED");
  });
});

describe("one pass over an IMAP mailbox", () => {
  it("processes every message, moves each stored one to the processed folder, and reads none beyond the limit", async () => {
    const { email, session, replyAddress } = await invited();
    const reply = await new Promise<Buffer>((resolve, reject) =>
      nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(
        {
          from: email,
          to: replyAddress,
          subject: "Accepted",
          icalEvent: {
            method: "REPLY",
            content: replyIcs({ uid: session.icalUid, attendee: email, organizer: replyAddress, partstat: "ACCEPTED" }),
          },
        },
        (error, info) => (error ? reject(error) : resolve(info.message as Buffer)),
      ),
    );
    const messages = new Map<number, Buffer>([
      [1, Buffer.from("\u0000garbage")],
      [2, Buffer.alloc(0)],
      [3, reply],
    ]);
    const sizes = new Map<number, number>([...messages].map(([uid, raw]) => [uid, raw.length]));
    sizes.set(4, 50 * 1024 * 1024); // listed with its size, never downloaded
    const read: number[] = [];
    const moved: number[] = [];
    const mailbox: ReplyMailbox = {
      async *messages() {
        for (const [uid, size] of sizes) yield { uid, size };
      },
      async read(uid) {
        read.push(uid);
        return { raw: messages.get(uid)!, sizeBytes: messages.get(uid)!.length };
      },
      async moveToProcessed(uid) {
        moved.push(uid);
      },
    };
    const results = await readReplyMailboxOnce(mailbox);
    expect(results.map((r) => [r.uid, r.outcome])).toEqual([
      [1, "UNMATCHED"],
      [2, "UNMATCHED"],
      [3, "APPLIED"],
      [4, "REFUSED"],
    ]);
    expect(read).toEqual([1, 2, 3]);
    expect(moved).toEqual([1, 2, 3, 4]);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("CONFIRMED");
  });

  it("leaves a message it could not read for the next pass and carries on with the others", async () => {
    const moved: number[] = [];
    const mailbox: ReplyMailbox = {
      async *messages() {
        yield { uid: 7, size: 100 };
        yield { uid: 8, size: 100 };
      },
      async read(uid) {
        if (uid === 7) throw new Error("connection reset");
        return { raw: Buffer.from("From: a@example.com\r\nSubject: hello\r\n\r\nhi\r\n"), sizeBytes: 40 };
      },
      async moveToProcessed(uid) {
        moved.push(uid);
      },
    };
    const results = await readReplyMailboxOnce(mailbox);
    expect(results.map((r) => r.uid)).toEqual([8]);
    expect(moved).toEqual([8]);
  });
});
