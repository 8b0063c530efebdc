import type { Tx } from "~/utils/db.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar body; icsMethod must equal its METHOD (REQUEST or CANCEL). */
  ics?: string;
  icsMethod?: "REQUEST" | "CANCEL" | "PUBLISH";
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
      attachments: email.attachments,
      dedupeKey: email.dedupeKey,
      sessionId: email.sessionId,
    },
  });
  return true;
}
