// Replies over real servers on loopback: a throwaway dovecot (scripts/test-imap-server.sh) read by the IMAP poller,
// and the SMTP listener fed by nodemailer. The messages are shaped as Outlook/Exchange, Google Calendar and Apple
// Calendar send them, with a "Propose new time", a stale SEQUENCE, a forgery, an out-of-office, a 10 MB message and
// broken MIME among them: each must be processed (and, over IMAP, moved to the processed folder) without stopping
// the others.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendInvitation } from "~/models/invitations.server";
import { pollImapOnce, startReplySmtpListener } from "~/models/reply-transports.server";
import { db } from "~/utils/db.server";
import { makeProgramme, makeSession, makeTeam, makeUser, makeVenue } from "../factories";
import { smtpSinkForThisFile } from "../support/mail";
import { appleReply, crlf, googleReply, outlookReply, plainEmail } from "../support/reply-messages";

vi.hoisted(() => {
  process.env.REPLY_DOMAIN = "replies.outreach.test"; // before anything reads the environment
});

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const { sentTo } = smtpSinkForThisFile();
const DOVECOT = process.env.DOVECOT_BIN ?? "/usr/sbin/dovecot";
const haveDovecot = existsSync(DOVECOT);
// test:all installs dovecot and sets REQUIRE_IMAP_SERVER, so there a missing server fails instead of skipping.
if (!haveDovecot && process.env.REQUIRE_IMAP_SERVER) throw new Error(`${DOVECOT} is missing: apt-get install -y dovecot-imapd`);

/** An invited session in the future (Wednesday 27 March 2030, 9:30–11:00 London) and its reply address. */
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
  return { email, session, uid: session.icalUid, replyAddress: sent.mail.replyTo!.value[0].address! };
}

type Case = { name: string; raw: Buffer; outcome: string; sessionId?: string; status?: string };

/** One message of every shape, each about its own session so the expected effects do not interfere. */
async function everyShape(): Promise<Case[]> {
  // One after another: each reads its own invitation email from the sink.
  const [outlook, google, apple, counter, stale, forged] = [
    await invited(),
    await invited(),
    await invited(),
    await invited(),
    await invited(),
    await invited(),
  ];
  await db.session.update({ where: { id: stale.session.id }, data: { icalSequence: 1 } }); // an update went out since
  const wrongToken = `replies+${"cd".repeat(16)}@replies.outreach.test`;
  return [
    {
      name: "Outlook Accept",
      raw: outlookReply({ to: outlook.replyAddress, uid: outlook.uid, attendee: outlook.email }),
      outcome: "APPLIED",
      sessionId: outlook.session.id,
      status: "CONFIRMED",
    },
    {
      name: "Google Decline (inline and invite.ics)",
      raw: googleReply({ to: google.replyAddress, uid: google.uid, attendee: google.email, partstat: "DECLINED", comment: "Exams" }),
      outcome: "APPLIED",
      sessionId: google.session.id,
      status: "DECLINED",
    },
    {
      name: "Apple Accept without SEQUENCE",
      raw: appleReply({ to: apple.replyAddress, uid: apple.uid, attendee: apple.email, sequence: null }),
      outcome: "APPLIED",
      sessionId: apple.session.id,
      status: "CONFIRMED",
    },
    {
      name: "Outlook Propose new time",
      raw: outlookReply(
        {
          to: counter.replyAddress,
          uid: counter.uid,
          attendee: counter.email,
          method: "COUNTER",
          start: "20300329T100000",
          end: "20300329T113000",
        },
        "New Time Proposed",
      ),
      outcome: "COUNTER",
      sessionId: counter.session.id,
      status: "INVITED",
    },
    {
      name: "stale SEQUENCE",
      raw: outlookReply({ to: stale.replyAddress, uid: stale.uid, attendee: stale.email, sequence: 0 }),
      outcome: "RECORDED",
      sessionId: stale.session.id,
      status: "INVITED",
    },
    {
      name: "forged: right UID, wrong token",
      raw: outlookReply({ to: wrongToken, uid: forged.uid, attendee: forged.email }),
      outcome: "UNMATCHED",
      sessionId: forged.session.id,
      status: "INVITED",
    },
    {
      name: "out of office",
      raw: plainEmail({
        to: forged.replyAddress,
        from: forged.email,
        subject: "Automatic reply: Invitation: Somebody's Daughter at Ashgrove School",
        body: "I am out of the office until Monday.",
        headers: ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"],
      }),
      outcome: "AUTO_REPLY",
      sessionId: forged.session.id,
      status: "INVITED",
    },
    {
      name: "broken MIME",
      raw: Buffer.from(
        crlf(
          `To: ${forged.replyAddress}\nContent-Type: multipart/mixed; boundary="x"\n\n--x\nContent-Type: text/calendar; method=REPLY\nContent-Transfer-Encoding: base64\n\n!!!not base64\nBEGIN:VCALENDAR\nMETHOD:REPLY\nBEGIN:VEVENT\nUID:${forged.uid}\n`,
        ),
      ),
      outcome: "MALFORMED",
      sessionId: forged.session.id,
      status: "INVITED",
    },
    {
      name: "10 MB message",
      raw: Buffer.concat([
        Buffer.from(crlf(`To: ${forged.replyAddress}\nFrom: ${forged.email}\nSubject: Photos\nContent-Type: text/plain\n\n`)),
        Buffer.from(`${"A".repeat(998)}\r\n`.repeat(11 * 1024)), // just over 10 MB
      ]),
      outcome: "REFUSED",
    },
  ];
}

async function expectEffects(cases: Case[]) {
  for (const c of cases.filter((c) => c.sessionId)) {
    const session = await db.session.findUniqueOrThrow({ where: { id: c.sessionId }, select: { status: true } });
    expect({ name: c.name, status: session.status }).toEqual({ name: c.name, status: c.status });
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Resolves once the server answers on the port; fails with its output if it exits first or takes over 20 s. */
async function untilListening(port: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the IMAP server exited: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("data", () => resolve(true)).once("error", () => resolve(false));
      socket.setTimeout(1000, () => resolve(false));
    }).finally(() => undefined);
    if (open) return;
    if (Date.now() > deadline) throw new Error(`the IMAP server did not start: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!haveDovecot)("the IMAP poller against a real IMAP server (dovecot on loopback)", () => {
  const user = "replies@outreach.test";
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  let server: ChildProcess;
  let url: string;
  let port: number;
  const client = () => new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass: password }, logger: false });

  beforeAll(async () => {
    port = await freePort();
    let output = "";
    server = spawn("bash", ["scripts/test-imap-server.sh", String(port), user, password], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await untilListening(port, server, () => output);
    url = `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  }, 30_000);
  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM"); // the script and dovecot, which it started
      await exited;
    }
  });

  it("processes every message, moves each to the processed folder, and applies only the genuine answers", async () => {
    const cases = await everyShape();
    const imap = client();
    await imap.connect();
    try {
      for (const c of cases) await imap.append("INBOX", c.raw);
    } finally {
      await imap.logout();
    }

    const results = await pollImapOnce({ url });
    expect(results.map((r) => r.outcome)).toEqual(cases.map((c) => c.outcome));
    expect(results.every((r) => r.id !== null)).toBe(true);
    const stored = await db.inboundMessage.findMany({ where: { id: { in: results.map((r) => r.id!) } }, select: { source: true } });
    expect(stored).toHaveLength(cases.length);
    expect(stored.every((s) => s.source === "IMAP")).toBe(true);
    await expectEffects(cases);

    const after = client();
    await after.connect();
    try {
      expect(await after.status("INBOX", { messages: true })).toMatchObject({ messages: 0 });
      expect(await after.status("Outreach processed", { messages: true })).toMatchObject({ messages: cases.length });
    } finally {
      await after.logout();
    }
    // A second pass finds nothing left to do.
    expect(await pollImapOnce({ url })).toEqual([]);
  });

  it("a wrong password is an error (the poller logs it and tries again next time)", async () => {
    await expect(pollImapOnce({ url: url.replace(encodeURIComponent(password), "wrong") })).rejects.toThrow();
  });
});

describe("the SMTP listener fed by nodemailer", () => {
  let listener: Awaited<ReturnType<typeof startReplySmtpListener>>;
  beforeAll(async () => {
    listener = await startReplySmtpListener({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => listener.close());

  it("takes every shape of message over SMTP, applies only the genuine answers, and stores each with its outcome", async () => {
    const cases = await everyShape();
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
    for (const c of cases) {
      const to = /^To: (?:.*<)?([^\s<>]+@replies\.outreach\.test)>?\r?$/m.exec(c.raw.subarray(0, 4096).toString("latin1"))![1];
      await transport.sendMail({ envelope: { from: "alison@ashgrove.sch.uk", to: [to] }, raw: c.raw });
    }
    const stored = await db.inboundMessage.findMany({
      where: { source: "SMTP" },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      select: { outcome: true, sizeBytes: true },
    });
    expect(stored.map((s) => s.outcome)).toEqual(cases.map((c) => c.outcome));
    expect(stored.at(-1)!.sizeBytes).toBeGreaterThan(10 * 1024 * 1024);
    await expectEffects(cases);
  });
});
