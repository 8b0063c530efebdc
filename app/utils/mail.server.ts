// Email: the look of every message (GOV.UK-plain HTML with inline styles, and a plain-text twin) and the SMTP
// transport the outbox worker sends with. Nothing here is called inside a database transaction.
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { env } from "./env.server";

/** The bare address of MAIL_FROM ("Outreach <outreach@council.gov.uk>" → "outreach@council.gov.uk"). */
export function senderAddress(): string {
  const from = env().MAIL_FROM;
  return (from.match(/<([^>]+)>/)?.[1] ?? from).trim();
}

let transport: Transporter | null | undefined;

/** The SMTP transport, or null when SMTP_URL is not set (messages stay in the outbox / development mailbox). */
export function mailTransport(): Transporter | null {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

/** The development mailbox replaces sending when there is no SMTP server, outside production (or in the demo). */
export function devMailboxEnabled(): boolean {
  const e = env();
  return !e.SMTP_URL && (e.NODE_ENV !== "production" || e.DEMO_MODE);
}

export type EmailContent = {
  heading: string;
  paragraphs: string[];
  /** Label / value rows, shown as a definition list. */
  details?: [string, string][];
  action?: { text: string; href: string };
  footer?: string[];
};

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const FONT = "font-family: Arial, Helvetica, sans-serif; color: #0b0c0c;";

/** Render an email as HTML (inline styles only: mail clients drop style sheets) and as plain text. */
export function renderEmail(content: EmailContent): { html: string; text: string } {
  const council = env().COUNCIL_NAME;
  const p = (s: string) =>
    `<p style="${FONT} font-size: 19px; line-height: 1.32; margin: 0 0 20px;">${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const rows = (content.details ?? [])
    .map(
      ([k, v]) =>
        `<tr><th scope="row" style="${FONT} font-size: 19px; text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6;">${escapeHtml(k)}</th>` +
        `<td style="${FONT} font-size: 19px; padding: 10px 0; border-bottom: 1px solid #b1b4b6;">${escapeHtml(v).replace(/\n/g, "<br>")}</td></tr>`,
    )
    .join("");
  const html = [
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(content.heading)}</title></head>`,
    `<body style="margin: 0; padding: 0; background: #ffffff;">`,
    `<div style="background: #1d70b8; padding: 15px 20px;"><span style="${FONT} color: #ffffff; font-size: 24px; font-weight: bold;">${escapeHtml(council)}</span></div>`,
    `<div style="max-width: 640px; padding: 20px;">`,
    `<h1 style="${FONT} font-size: 32px; line-height: 1.1; margin: 0 0 30px;">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map(p),
    rows ? `<table style="border-collapse: collapse; width: 100%; margin: 0 0 30px;">${rows}</table>` : "",
    content.action
      ? `<p style="${FONT} font-size: 19px; margin: 0 0 30px;"><a href="${escapeHtml(content.action.href)}" style="color: #1d70b8; font-weight: bold;">${escapeHtml(content.action.text)}</a></p>`
      : "",
    ...(content.footer ?? []).map(p),
    `</div></body></html>`,
  ].join("\n");
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((s) => [s, ""]),
    ...(content.details ?? []).flatMap(([k, v]) => [`${k}: ${v}`]),
    ...(content.details?.length ? [""] : []),
    ...(content.action ? [`${content.action.text}:`, content.action.href, ""] : []),
    ...(content.footer ?? []).flatMap((s) => [s, ""]),
    "—",
    council,
  ].join("\n");
  return { html, text };
}

/** The Message-ID of an outbox row's email: a bounce quoting it names the message (and address) that failed. */
export const outboxMessageId = (id: string) => `<${id}@${senderAddress().split("@")[1] ?? "outreach"}>`;

export type StoredEmail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  icsMethod: string | null;
  replyTo: string | null;
  attachments: unknown;
};

type StoredAttachment = { filename: string; contentType: string; contentBase64: string };

/**
 * The MIME message for an outbox row. A calendar goes in twice, as nodemailer does it: a
 * `text/calendar; method=X` alternative (what Outlook and Gmail act on) and an `invite.ics` attachment.
 * The MIME method is taken from the ICS itself, so the two can never disagree.
 */
export function toMailOptions(message: StoredEmail): Mail.Options {
  const options: Mail.Options = {
    from: { name: env().COUNCIL_NAME, address: senderAddress() },
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? undefined,
    replyTo: message.replyTo ?? undefined,
    messageId: outboxMessageId(message.id),
    attachments: ((message.attachments as StoredAttachment[] | null) ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, "base64"),
    })),
  };
  if (message.ics) {
    const method = message.ics.match(/^METHOD:(\w+)\r?$/m)?.[1] ?? message.icsMethod ?? "PUBLISH";
    options.icalEvent = { method, filename: "invite.ics", content: message.ics };
  }
  return options;
}

export async function sendEmail(transporter: Transporter, message: StoredEmail): Promise<void> {
  await transporter.sendMail(toMailOptions(message));
}
