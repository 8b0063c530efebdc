// The background loop: queue reminders and chasers, refresh external busy calendars, then send what the outbox
// holds; now and then it also deletes spent rate-limit counters. It runs inside the app server (server.ts) unless
// OUTBOX_WORKER=off, and on its own as `npm run worker`. Several copies may run: claims and dedupe keys make every
// message go out once.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { refreshDueCalendars } from "~/models/external-calendars.server";
import { queueRemindersAndChasers } from "~/models/invitations.server";
import { deliverDueMessages } from "~/models/outbox.server";
import { env } from "~/utils/env.server";
import { log, runJob } from "~/utils/log.server";
import { mailTransport, sendEmail } from "~/utils/mail.server";
import { pruneRateLimits } from "~/utils/rate-limit.server";

const SCHEDULE_EVERY_MS = 60_000;
// External calendars are checked each minute; each is fetched when EXTERNAL_CALENDAR_REFRESH_MINUTES have passed.
const CALENDARS_EVERY_MS = 60_000;
// Counters older than a day are never read again; without this the table grows with every address that calls.
const PRUNE_EVERY_MS = 60 * 60_000;

export function startOutboxWorker(): { stop: () => Promise<void> } {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let lastScheduled = 0;
  let lastPruned = 0;
  let lastCalendars = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  // Each job is run, logged and counted on its own (runJob): one failing does not stop the others.
  const cycle = async () => {
    if (Date.now() - lastScheduled >= SCHEDULE_EVERY_MS) {
      lastScheduled = Date.now();
      await runJob("reminders-and-chasers", () => queueRemindersAndChasers(new Date()));
    }
    if (Date.now() - lastCalendars >= CALENDARS_EVERY_MS) {
      lastCalendars = Date.now();
      await runJob("external-calendars", async () => ({ calendars: await refreshDueCalendars(new Date()) }));
    }
    if (Date.now() - lastPruned >= PRUNE_EVERY_MS) {
      lastPruned = Date.now();
      await runJob("prune-rate-limits", async () => ({ deleted: await pruneRateLimits() }));
    }
    // Without SMTP (the demo) messages stay in the outbox and are read on the development mailbox.
    const transport = mailTransport();
    if (transport) {
      await runJob("outbox-delivery", () =>
        deliverDueMessages({ workerId, maxAttempts: env().OUTBOX_MAX_ATTEMPTS, send: (m) => sendEmail(transport, m) }),
      );
    }
  };

  // One cycle at a time: the next is scheduled when the previous has finished.
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    running = cycle().then(() => {
      if (!stopped) timer = setTimeout(loop, env().OUTBOX_POLL_SECONDS * 1000);
    });
  };
  loop();
  log.info(
    { workerId, sending: Boolean(mailTransport()) },
    mailTransport() ? "outbox worker started" : "outbox worker started without SMTP_URL: emails are kept for the development mailbox",
  );
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
