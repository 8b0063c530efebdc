// A real SMTP server on loopback for tests, with real MIME (mailparser) and iCalendar (ical.js) parsing.
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { deliverDueMessages } from "~/models/outbox.server";
import { sendEmail } from "~/utils/mail.server";

export type Received = { raw: string; mail: ParsedMail; envelopeTo: string[] };

export async function startSmtpSink() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const buffer = Buffer.concat(chunks);
        received.push({
          raw: buffer.toString("utf8"),
          mail: await simpleParser(buffer),
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return {
    received,
    transport,
    /** Run the outbox worker once against this server. */
    deliver: (workerId = "test-worker") => deliverDueMessages({ workerId, maxAttempts: 3, send: (m) => sendEmail(transport, m) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One SMTP sink for a test file, started before its tests and closed after them. `sentTo(email)` runs the outbox
 * worker once and returns every message that address has received so far, oldest first.
 */
export function smtpSinkForThisFile() {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(() => smtp.close());
  return {
    sentTo: async (email: string) => {
      await smtp.deliver();
      return smtp.received.filter((r) => r.envelopeTo.includes(email));
    },
  };
}

/** The text/calendar alternative part of a parsed email, parsed with ical.js. */
export function calendarOf(received: Received) {
  const part = received.mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error(`no text/calendar part in: ${received.mail.attachments.map((a) => a.contentType).join(", ")}`);
  const text = part.content.toString("utf8");
  const component = new ICAL.Component(ICAL.parse(text));
  const vevent = component.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    text,
    method: component.getFirstPropertyValue("method") as string,
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue("status") as string | null,
    organizer: event.organizer,
    attendees: event.attendees.map((a) => ({
      value: String(a.getFirstValue()).replace(/^mailto:/i, "mailto:"),
      rsvp: a.getParameter("rsvp"),
    })),
    description: event.description,
  };
}

/** The response link's token in an email's text. */
export function responseTokenIn(text: string): string {
  const token = text.match(/\/respond\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error("no response link in the email");
  return token;
}
