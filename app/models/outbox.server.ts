import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { log } from "~/utils/log.server";
import { metrics } from "~/utils/metrics.server";
import { pageWindow, toPage } from "~/utils/pagination";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar body; icsMethod must equal its METHOD (REQUEST or CANCEL). */
  ics?: string;
  icsMethod?: "REQUEST" | "CANCEL" | "PUBLISH" | "DECLINECOUNTER";
  /** Reply-To: an invitation's reply address, so answers by email reach the reply reader. */
  replyTo?: string;
  /** Other attachments, e.g. a certificate PDF (base64 content). */
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
  /** Makes the message idempotent: a second enqueue with the same key is ignored. */
  dedupeKey?: string;
  sessionId?: string;
};

/**
 * Queue an email in the caller's transaction: it is sent by the outbox worker only if the change commits.
 * Nothing sends mail in the middle of a transaction. Returns false when dedupeKey was already queued.
 */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<boolean> {
  if (email.dedupeKey && (await tx.outboxMessage.findUnique({ where: { dedupeKey: email.dedupeKey }, select: { id: true } }))) {
    return false;
  }
  await tx.outboxMessage.create({
    data: {
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      ics: email.ics,
      icsMethod: email.icsMethod,
      replyTo: email.replyTo,
      attachments: email.attachments,
      dedupeKey: email.dedupeKey,
      sessionId: email.sessionId,
    },
  });
  return true;
}

// ───────────── Delivery: claimed with a lease, retried with backoff, visible when it fails ─────────────
// A claim is a lease (OUTBOX_LEASE_SECONDS): the sending worker renews it while the relay takes its time, so a claim
// that is not renewed belongs to a worker that died, and another worker takes the message over when it runs out.
// A message the relay accepted is recorded as sent even if the database is briefly away (a restart): it is never
// mistaken for a failed send and sent again. See docs/decisions/022-soak-and-fault-test.md.

const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** How long a claim lasts without being renewed. */
export const leaseMs = () => env().OUTBOX_LEASE_SECONDS * 1000;

/** 1, 2, 4, 8… minutes after each failed attempt, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

const deliverable = {
  id: true,
  to: true,
  subject: true,
  text: true,
  html: true,
  ics: true,
  icsMethod: true,
  replyTo: true,
  attachments: true,
  attempts: true,
  dedupeKey: true,
} as const;

/**
 * What kind of email a message is, for logs and metrics without its address or text: the name its dedupe key
 * starts with (reminder, chaser, refresher-invite, disclosure-alert …), else its calendar method, else "email".
 */
export function messageKind(message: { dedupeKey: string | null; icsMethod: string | null }): string {
  const named = /^([a-z][a-z-]{0,30}):/.exec(message.dedupeKey ?? "")?.[1];
  return named ?? (message.icsMethod ? `calendar-${message.icsMethod.toLowerCase()}` : "email");
}

/**
 * Claim one due message for this worker, or null. The claim is a compare-and-set UPDATE on the row's current
 * status and lock, so when two workers race for a row exactly one update matches (SQLite and PostgreSQL alike).
 */
export async function claimNextMessage(workerId: string, now = new Date(), lease = leaseMs()) {
  const expired = new Date(now.getTime() - lease);
  const candidates = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: "PENDING", nextAttemptAt: { lte: now } },
        { status: "SENDING", lockedAt: { lt: expired } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: 10,
    select: { id: true, status: true, lockedAt: true },
  });
  for (const candidate of candidates) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: candidate.id, status: candidate.status, lockedAt: candidate.lockedAt },
      data: { status: "SENDING", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
    });
    if (count === 1) return db.outboxMessage.findUniqueOrThrow({ where: { id: candidate.id }, select: deliverable });
  }
  return null;
}

export type SendFn = (message: Awaited<ReturnType<typeof claimNextMessage>> & object) => Promise<void>;

/** Renew this worker's claim every third of the lease while `work` runs. */
async function whileRenewing<T>(id: string, workerId: string, lease: number, clock: () => Date, work: Promise<T>): Promise<T> {
  const renew = setInterval(() => {
    db.outboxMessage
      .updateMany({ where: { id, lockedBy: workerId, status: "SENDING" }, data: { lockedAt: clock() } })
      // A renewal that fails (the database is away) is tried again at the next tick; the lease covers the gap.
      .catch(() => undefined);
  }, lease / 3);
  try {
    return await work;
  } finally {
    clearInterval(renew);
  }
}

/**
 * Record a message the relay accepted. Retried for as long as the lease lasts, so a database restart between the
 * relay's answer and this update does not leave the row to be taken over and sent a second time.
 */
async function recordSent(id: string, workerId: string, lease: number, clock: () => Date) {
  const giveUpAt = Date.now() + lease;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2000)) {
    try {
      await db.outboxMessage.updateMany({
        where: { id, lockedBy: workerId },
        data: { status: "SENT", sentAt: clock(), lockedAt: null, lockedBy: null, lastError: null },
      });
      return;
    } catch (error) {
      if (Date.now() + wait > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Send every due message: SENT on success; on failure record the error and try again later, or mark FAILED
 * after maxAttempts. Returns how many were sent and failed in this pass.
 */
export async function deliverDueMessages(input: {
  workerId: string;
  send: SendFn;
  maxAttempts: number;
  now?: () => Date;
  leaseMs?: number;
}) {
  const clock = input.now ?? (() => new Date());
  const lease = input.leaseMs ?? leaseMs();
  let sent = 0;
  let failed = 0;
  for (;;) {
    const message = await claimNextMessage(input.workerId, clock(), lease);
    if (!message) break;
    const started = performance.now();
    let sendError: unknown = null;
    try {
      await whileRenewing(message.id, input.workerId, lease, clock, input.send(message));
    } catch (error) {
      sendError = error ?? new Error("send failed");
    }
    let outcome: "sent" | "retry" | "failed" = "sent";
    if (sendError === null) {
      // Outside the try: a message that was sent is never marked for sending again.
      await recordSent(message.id, input.workerId, lease, clock);
      sent++;
    } else {
      const giveUp = message.attempts >= input.maxAttempts;
      await db.outboxMessage.updateMany({
        where: { id: message.id, lockedBy: input.workerId },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lockedAt: null,
          lockedBy: null,
          lastError: describeError(sendError),
          nextAttemptAt: new Date(clock().getTime() + backoffMs(message.attempts)),
        },
      });
      outcome = giveUp ? "failed" : "retry";
      failed++;
    }
    // The id and kind only: the address, subject and the server's reply (which may quote the address) stay in the row.
    const kind = messageKind(message);
    metrics.outboxDeliveries.inc({ kind, outcome });
    log[outcome === "sent" ? "info" : "warn"](
      {
        messageId: message.id,
        kind,
        outcome,
        attempt: message.attempts,
        ms: Math.round(performance.now() - started),
        error: sendError === null ? undefined : errorCode(sendError),
      },
      "outbox delivery",
    );
  }
  return { sent, failed };
}

/** An SMTP reply code or error code (e.g. 550, ECONNREFUSED), never the message text. */
function errorCode(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; name?: string };
  return String(e.responseCode ?? e.code ?? e.name ?? "error").slice(0, 40);
}

function describeError(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; code?: string };
  return [e.code, e.responseCode, e.message ?? String(error)].filter(Boolean).join(" ").slice(0, 1000);
}

/** The queue for /metrics, counted in the database: unsent (pending or being sent) and its oldest, and given up. */
export async function outboxQueueState(now = new Date()) {
  const [unsent, failed] = await Promise.all([
    db.outboxMessage.aggregate({ where: { status: { in: ["PENDING", "SENDING"] } }, _count: { _all: true }, _min: { createdAt: true } }),
    db.outboxMessage.count({ where: { status: "FAILED" } }),
  ]);
  const oldest = unsent._min.createdAt;
  return {
    unsent: unsent._count._all,
    oldestUnsentAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    failed,
  };
}

export async function listFailedMessages(page: number) {
  const where = { status: "FAILED" as const };
  const [items, total] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      select: { id: true, to: true, subject: true, attempts: true, lastError: true, createdAt: true, sessionId: true },
      ...pageWindow(page),
    }),
    db.outboxMessage.count({ where }),
  ]);
  return toPage(items, total, page);
}

/** Put a failed message back in the queue, now. */
export async function retryMessage(actor: Actor, id: string, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0) throw new DomainError("That message is not waiting for a retry");
    await writeAudit(tx, { actor, meta }, { action: "outbox.retry", entityType: "OutboxMessage", entityId: id, details: { v: 1 } });
  });
}

/** Every message, newest first: the development mailbox (only used when no SMTP server is configured). */
export async function listMailbox(page: number) {
  const [items, total] = await Promise.all([
    db.outboxMessage.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, to: true, subject: true, status: true, icsMethod: true, createdAt: true },
      ...pageWindow(page),
    }),
    db.outboxMessage.count(),
  ]);
  return toPage(items, total, page);
}

export async function getMailboxMessage(id: string) {
  const message = await db.outboxMessage.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, html: true, ics: true, icsMethod: true, status: true, createdAt: true },
  });
  if (!message) return null;
  return { ...message, links: [...new Set(message.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])] };
}
