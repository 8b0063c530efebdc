// `npm run replies`: read calendar replies. Polls IMAP_URL every IMAP_POLL_SECONDS and/or listens for SMTP on
// REPLY_SMTP_PORT, whichever is configured; both feed the same processor (app/models/calendar-replies.server.ts).
import { startImapPoller, startReplySmtpListener } from "~/models/reply-transports.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { log } from "~/utils/log.server";

const { IMAP_URL, REPLY_SMTP_PORT, REPLY_SMTP_HOST, REPLY_DOMAIN } = env();
if (!REPLY_DOMAIN || (!IMAP_URL && !REPLY_SMTP_PORT)) {
  log.fatal("Set REPLY_DOMAIN and IMAP_URL and/or REPLY_SMTP_PORT (see .env.example)");
  process.exit(1);
}
const poller = IMAP_URL ? startImapPoller() : null;
const listener = REPLY_SMTP_PORT ? await startReplySmtpListener({ port: REPLY_SMTP_PORT, host: REPLY_SMTP_HOST }) : null;
log.info(
  { imap: Boolean(poller), smtpPort: listener?.port ?? null },
  ["reply reader started", poller ? "polling IMAP" : null, listener ? `listening for SMTP on ${REPLY_SMTP_HOST}:${listener.port}` : null]
    .filter(Boolean)
    .join(", "),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await poller?.stop();
    await listener?.close();
    await db.$disconnect();
    process.exit(0);
  });
}
