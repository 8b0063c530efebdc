// The soak's mail relay: a real SMTP server on loopback that keeps every message it accepted, with the outbox row id
// taken from its Message-ID (<outbox id@domain>, see outboxMessageId), so a message sent twice or never is found.
// A message counts as accepted only once the sink has answered 250 to the sender, as with a real relay: a sender that
// dies before the answer has not sent anything. `holdNext` keeps the next message's answer back, for the faults.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMessage = { outboxId: string | null; to: string[]; subject: string; text: string; at: number };
export type HeldMessage = { outboxId: string | null; release: () => void };

export async function startMailSink() {
  const accepted: SinkMessage[] = [];
  const listeners: ((message: SinkMessage) => void)[] = [];
  const closedSessions = new Set<string>();
  const waitingToHold: ((held: HeldMessage) => void)[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const mail = await simpleParser(Buffer.concat(chunks));
        const message: SinkMessage = {
          outboxId: mail.messageId?.match(/^<?([^@<>]+)@/)?.[1] ?? null,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          at: 0,
        };
        const accept = () => {
          // The sender went away before it was told the message was accepted: it has not been sent.
          if (closedSessions.has(session.id)) return;
          message.at = Date.now();
          accepted.push(message);
          callback();
          for (const listener of listeners) listener(message);
        };
        const hold = waitingToHold.shift();
        if (hold) hold({ outboxId: message.outboxId, release: accept });
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    onMessage: (listener: (message: SinkMessage) => void) => listeners.push(listener),
    /** The next message to arrive is kept without an answer until `release` is called; null if none comes in time. */
    holdNext: (timeoutMs: number) =>
      new Promise<HeldMessage | null>((resolve) => {
        const waiter = (held: HeldMessage) => {
          clearTimeout(timer);
          resolve(held);
        };
        const timer = setTimeout(() => {
          waitingToHold.splice(waitingToHold.indexOf(waiter), 1);
          resolve(null);
        }, timeoutMs);
        waitingToHold.push(waiter);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailSink = Awaited<ReturnType<typeof startMailSink>>;
