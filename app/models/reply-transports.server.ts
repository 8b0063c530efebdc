// How replies reach processInboundMessage: an inbound SMTP listener for a reply subdomain routed to the app, and
// polling a shared mailbox over IMAP. Both read at most REPLY_MAX_BYTES of a message and never stop for one bad one.
import type { AddressInfo } from "node:net";
import { ImapFlow } from "imapflow";
import { SMTPServer } from "smtp-server";
import { processInboundMessage, type InboundResult } from "~/models/calendar-replies.server";
import { env } from "~/utils/env.server";
import { log, logError, runJob } from "~/utils/log.server";

/** Read a stream's first `limit` bytes (the rest is drained and only counted). */
async function readLimited(stream: AsyncIterable<Buffer | string>, limit: number): Promise<{ raw: Buffer; sizeBytes: number }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let sizeBytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    sizeBytes += buffer.length;
    if (kept < limit) {
      const part = buffer.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { raw: Buffer.concat(chunks), sizeBytes };
}

/**
 * The inbound SMTP listener: accepts mail only for @REPLY_DOMAIN (so it is never a relay), without
 * authentication, and hands each message to the processor. A message that could not be stored gets a
 * temporary failure (451) so the sending server tries again.
 */
export async function startReplySmtpListener(input: { port: number; host: string }) {
  const { REPLY_DOMAIN, REPLY_MAX_BYTES } = env();
  if (!REPLY_DOMAIN) throw new Error("REPLY_DOMAIN must be set for the reply listener");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    banner: "Outreach replies",
    size: REPLY_MAX_BYTES,
    logger: false,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${REPLY_DOMAIN.toLowerCase()}`)) return callback();
      const error = Object.assign(new Error("Relay access denied"), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      readLimited(stream, REPLY_MAX_BYTES + 1)
        .then(({ raw, sizeBytes }) =>
          processInboundMessage({ raw, sizeBytes, source: "SMTP", envelopeTo: session.envelope.rcptTo.map((r) => r.address) }),
        )
        .then((result) => {
          if (result.id === null) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          callback();
        })
        .catch(() => callback(Object.assign(new Error("Try again later"), { responseCode: 451 })));
    },
  });
  server.on("error", (error) => logError(error, { source: "reply-listener" }));
  await new Promise<void>((resolve) => server.listen(input.port, input.host, resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the IMAP reader needs of a mailbox: list messages with their sizes, read one, move one away. */
export type ReplyMailbox = {
  messages(): AsyncIterable<{ uid: number; size: number }>;
  read(uid: number, limit: number): Promise<{ raw: Buffer; sizeBytes: number }>;
  moveToProcessed(uid: number): Promise<void>;
};

/**
 * One pass over the mailbox: each message is processed (a huge one by its size alone, unread) and moved to the
 * processed folder once its outcome is stored. A message that could not be stored, or read, stays for the next
 * pass; one failing never stops the others.
 */
export async function readReplyMailboxOnce(mailbox: ReplyMailbox, now: () => Date = () => new Date()) {
  const { REPLY_MAX_BYTES } = env();
  const results: (InboundResult & { uid: number })[] = [];
  const uids: { uid: number; size: number }[] = [];
  for await (const message of mailbox.messages()) uids.push(message);
  for (const { uid, size } of uids) {
    try {
      const { raw, sizeBytes } =
        size > REPLY_MAX_BYTES ? { raw: Buffer.alloc(0), sizeBytes: size } : await mailbox.read(uid, REPLY_MAX_BYTES + 1);
      const result = await processInboundMessage({ raw, sizeBytes, source: "IMAP" }, now());
      if (result.id !== null) await mailbox.moveToProcessed(uid);
      results.push({ ...result, uid });
    } catch (error) {
      log.warn({ uid, err: error }, "reply mailbox: message left for the next pass");
    }
  }
  return results;
}

/** IMAP_URL (imap[s]://user:password@host[:port]) as imapflow options. */
function imapOptions(url: string) {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    logger: false as const,
    socketTimeout: 60_000,
  };
}

/** The IMAP mailbox as a ReplyMailbox, for one pass while its lock is held. */
function imapMailbox(client: ImapFlow, processedFolder: string): ReplyMailbox {
  return {
    async *messages() {
      for await (const message of client.fetch("1:*", { uid: true, size: true }, { uid: false })) {
        yield { uid: message.uid, size: message.size ?? 0 };
      }
    },
    async read(uid, limit) {
      const download = await client.download(String(uid), undefined, { uid: true, maxBytes: limit });
      if (!download || !("content" in download) || !download.content) throw new Error(`message ${uid} could not be downloaded`);
      return readLimited(download.content, limit);
    },
    async moveToProcessed(uid) {
      await client.messageMove(String(uid), processedFolder, { uid: true });
    },
  };
}

/**
 * Connect, read IMAP_MAILBOX once, move processed messages to IMAP_PROCESSED_FOLDER (created if missing), log out.
 * The URL defaults to IMAP_URL (tests pass a throwaway server's).
 */
export async function pollImapOnce(input: { url?: string } = {}) {
  const { IMAP_MAILBOX, IMAP_PROCESSED_FOLDER } = env();
  const url = input.url ?? env().IMAP_URL;
  if (!url) throw new Error("IMAP_URL must be set to poll a mailbox");
  const client = new ImapFlow(imapOptions(url));
  await client.connect();
  try {
    const folders = await client.list();
    if (!folders.some((f) => f.path === IMAP_PROCESSED_FOLDER)) await client.mailboxCreate(IMAP_PROCESSED_FOLDER);
    const lock = await client.getMailboxLock(IMAP_MAILBOX);
    try {
      const mailbox = client.mailbox;
      if (mailbox && mailbox.exists === 0) return [];
      return await readReplyMailboxOnce(imapMailbox(client, IMAP_PROCESSED_FOLDER));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Poll every IMAP_POLL_SECONDS until stopped; a failed pass (server down) is logged and retried next time. */
export function startImapPoller() {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runJob("imap-poll", async () => {
      const results = await pollImapOnce({});
      return { messages: results.length };
    }).finally(() => {
      if (!stopped) timer = setTimeout(tick, env().IMAP_POLL_SECONDS * 1000);
    });
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
