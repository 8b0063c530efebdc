// Certificates for people marked as attended: unguessable public numbers, PDFs, email, public verification.
import { randomBytes } from "node:crypto";
import { enqueueEmail } from "~/models/outbox.server";
import { writeAudit, type Actor, type RequestMeta } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import { renderCertificatesPdf, type CertificatePage } from "~/utils/pdf.server";
import { refresherDueDate } from "~/utils/refresher";
import { formatDate, londonDate } from "~/utils/time";
import { sessionsInScope, type Viewer } from "./attendance.server";

// 32 symbols with no look-alikes (no 0/O, 1/I), so each is exactly 5 random bits.
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
// 26 symbols = 130 random bits: public, but never guessable.
const NUMBER_LENGTH = 26;

export function generateCertificateNumber(): string {
  return [...randomBytes(NUMBER_LENGTH)].map((byte) => ALPHABET[byte & 31]).join("");
}

/** A typed-in number: case and spaces or dashes do not matter. Null when it cannot be a certificate number. */
export function normaliseCertificateNumber(input: string): string | null {
  const value = input.toUpperCase().replace(/[\s-]/g, "");
  return value.length === NUMBER_LENGTH && [...value].every((c) => ALPHABET.includes(c)) ? value : null;
}

export const verifyUrlFor = (number: string) => new URL(`/certificates/verify/${number}`, env().APP_URL).toString();

/** Issue the certificate for an attendance, once; keeps its number if it already exists. */
export async function issueCertificate(
  tx: Tx,
  entry: { sessionId: string; personId: string; startsAt: Date; refresherMonths: number | null },
): Promise<boolean> {
  const existing = await tx.certificate.findUnique({
    where: { sessionId_personId: { sessionId: entry.sessionId, personId: entry.personId } },
    select: { id: true },
  });
  if (existing) return false;
  await tx.certificate.create({
    data: {
      number: generateCertificateNumber(),
      sessionId: entry.sessionId,
      personId: entry.personId,
      refresherDueOn: entry.refresherMonths ? refresherDueDate(londonDate(entry.startsAt), entry.refresherMonths) : null,
    },
  });
  return true;
}

/** Withdraw the certificate of someone corrected to absent: the public page then says "not found". */
export async function withdrawCertificate(tx: Tx, entry: { sessionId: string; personId: string }): Promise<boolean> {
  const { count } = await tx.certificate.deleteMany({ where: { sessionId: entry.sessionId, personId: entry.personId } });
  return count > 0;
}

const PDF_SELECT = {
  id: true,
  number: true,
  sessionId: true,
  person: { select: { name: true, email: true } },
  session: { select: { startsAt: true, programme: { select: { name: true } } } },
} as const;

type CertificateRow = { number: string; person: { name: string }; session: { startsAt: Date; programme: { name: string } } };

function pageFor(c: CertificateRow): CertificatePage {
  return {
    councilName: env().COUNCIL_NAME,
    holderName: c.person.name,
    programmeName: c.session.programme.name,
    date: formatDate(c.session.startsAt),
    number: c.number,
    verifyUrl: verifyUrlFor(c.number),
  };
}

/** One certificate as a PDF, if the user may manage the session's register. */
export async function certificatePdf(user: Viewer, certificateId: string) {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, session: sessionsInScope(user, "manage") },
    select: PDF_SELECT,
  });
  if (!certificate) return null;
  const pdf = await renderCertificatesPdf([pageFor(certificate)], `Certificate of attendance: ${certificate.person.name}`);
  return { pdf, filename: `certificate-${certificate.number}.pdf` };
}

/** Every certificate of a session in one PDF, a page each; null when the session has none or is out of scope. */
export async function sessionCertificatesPdf(user: Viewer, sessionId: string) {
  const certificates = await db.certificate.findMany({
    where: { sessionId, session: sessionsInScope(user, "manage") },
    orderBy: { person: { name: "asc" } },
    // A session's register is capped (MAX_REGISTER_SIZE), so this is bounded.
    select: PDF_SELECT,
  });
  if (certificates.length === 0) return null;
  const date = londonDate(certificates[0].session.startsAt);
  const pdf = await renderCertificatesPdf(
    certificates.map(pageFor),
    `Certificates of attendance: ${certificates[0].session.programme.name}, ${formatDate(certificates[0].session.startsAt)}`,
  );
  return { pdf, filename: `certificates-${date}.pdf` };
}

export class NoEmailAddressError extends DomainError {
  constructor(name: string) {
    super(`${name} has no email address. Download the certificate and give it to them instead`);
  }
}

/** Queue an email with the certificate attached, recorded in the session's history and the audit log. */
export async function emailCertificate(actor: Actor, certificateId: string, meta: RequestMeta) {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, session: sessionsInScope(actor, "manage") },
    select: PDF_SELECT,
  });
  // The id comes from a form, so a wrong one is a form error rather than a missing page.
  if (!certificate) throw new DomainError("That certificate does not exist. Reload the page and try again");
  if (!certificate.person.email) throw new NoEmailAddressError(certificate.person.name);
  const page = pageFor(certificate);
  const pdf = await renderCertificatesPdf([page], `Certificate of attendance: ${certificate.person.name}`);
  await db.$transaction(async (tx) => {
    await enqueueEmail(tx, {
      to: certificate.person.email!,
      subject: `Your certificate: ${page.programmeName}`,
      text: [
        `Dear ${page.holderName},`,
        "",
        `Thank you for attending ${page.programmeName} on ${page.date}. Your certificate is attached.`,
        "",
        `Certificate number: ${page.number}`,
        `Anyone can check it is genuine at ${page.verifyUrl}`,
        "",
        page.councilName,
      ].join("\n"),
      attachments: [{ filename: `certificate-${page.number}.pdf`, contentType: "application/pdf", contentBase64: pdf.toString("base64") }],
      sessionId: certificate.sessionId,
    });
    await tx.sessionChange.create({
      data: {
        sessionId: certificate.sessionId,
        actorId: actor.id,
        kind: "REGISTER",
        summary: `Certificate emailed to ${page.holderName}`,
        details: { certificateId: certificate.id, to: certificate.person.email },
      },
    });
    await writeAudit(
      tx,
      { actor, meta },
      {
        action: "certificate.email",
        entityType: "Certificate",
        entityId: certificate.id,
        details: { v: 1, sessionId: certificate.sessionId },
      },
    );
  });
  return { to: certificate.person.email };
}

/** The public check: only the holder's name, the programme and the date; null when there is no such certificate. */
export async function verifyCertificate(input: string): Promise<{ holderName: string; programmeName: string; date: string } | null> {
  const number = normaliseCertificateNumber(input);
  if (!number) return null;
  const certificate = await db.certificate.findUnique({
    where: { number },
    select: { person: { select: { name: true } }, session: { select: { startsAt: true, programme: { select: { name: true } } } } },
  });
  if (!certificate) return null;
  return {
    holderName: certificate.person.name,
    programmeName: certificate.session.programme.name,
    date: londonDate(certificate.session.startsAt),
  };
}
