import Database from "better-sqlite3";
import nodemailer from "nodemailer";
import pg from "pg";
import type { Page } from "@playwright/test";
import { outlookReply } from "../support/reply-messages";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { E2E_REPLY_SMTP_PORT } from "./server-env";

// Answers pressed in Outlook reach the app as a council's mail server would deliver them: over SMTP to the reply
// listener (`npm run replies`, started beside the server by playwright.config.ts). The coordinator sees them.

/** A provisional demo session at the venue (seeded), found as the coordinator would find it in the diary. */
async function provisionalSessionAt(venueName: string): Promise<string> {
  const url = process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db";
  const sql = `SELECT s.id FROM "Session" s JOIN "Venue" v ON v.id = s."venueId" WHERE v.name = $1 AND s.status = 'PROVISIONAL' ORDER BY s."startsAt" LIMIT 1`;
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    const row = sqlite.prepare(sql.replace("$1", "?")).get(venueName) as { id: string } | undefined;
    sqlite.close();
    if (!row) throw new Error(`no provisional session at ${venueName}`);
    return row.id;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(sql, [venueName]);
  await client.end();
  if (!rows[0]) throw new Error(`no provisional session at ${venueName}`);
  return rows[0].id;
}

/** The newest email whose subject matches, opened in the development mailbox; returns its calendar, unfolded. */
async function openNewestEmail(page: Page, subject: RegExp) {
  await page.goto("/dev/mailbox");
  await page.getByRole("link", { name: subject }).first().click();
  await expectNoAxeViolations(page);
  const ics = (await page.locator("pre").last().textContent())!.replace(/\r?\n[ \t]/g, "");
  const field = (name: string) => new RegExp(`^${name}[;:](.*)$`, "m").exec(ics)?.[1] ?? "";
  return { ics, field };
}

/** Coordinator invites the venue; returns what a calendar client would reply to: the organiser, UID and attendee. */
async function invite(page: Page, venueName: string) {
  const sessionId = await provisionalSessionAt(venueName);
  await page.goto(`/sessions/${sessionId}/invite`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Invitation sent to");
  const { field } = await openNewestEmail(page, new RegExp(`^Invitation: .* at ${venueName}`));
  const organizer = /mailto:(replies\+[^\s;]+@replies\.outreach\.test)/i.exec(field("ORGANIZER"))![1];
  const attendee = /mailto:(\S+)$/i.exec(field("ATTENDEE"))![1];
  const dtstart = /(\d{8})T(\d{6})/.exec(field("DTSTART"))!;
  return { sessionId, organizer, attendee, uid: field("UID"), date: dtstart[1] };
}

async function sendToListener(raw: Buffer, to: string) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: E2E_REPLY_SMTP_PORT, secure: false, ignoreTLS: true });
  await transport.sendMail({ envelope: { from: "dsl@school.example", to: [to] }, raw });
}

test("a venue accepts in Outlook: the reply arrives by SMTP and the coordinator sees the session confirmed", async ({ page, signInAs }) => {
  await signInAs("coordinator");
  const { sessionId, organizer, attendee, uid } = await invite(page, "Greenhill Academy");
  await sendToListener(outlookReply({ to: organizer, uid, attendee }), organizer);

  await page.goto(`/sessions/${sessionId}`);
  await expect(page.locator("main strong.govuk-tag").first()).toHaveText("Confirmed");
  await expect(page.locator("main")).toContainText("accepted the invitation in their calendar");
  await expect(page.getByRole("table", { name: "Invitations" })).toContainText("Accepted");
  await expectNoAxeViolations(page);
  // The coordinator is told, as for answers on the response page.
  await openNewestEmail(page, /accepted the invitation in their calendar: .*Greenhill Academy/);
});

test("a venue proposes a new time in Outlook; the coordinator accepts it and the updated invitation goes out", async ({
  page,
  signInAs,
}) => {
  await signInAs("coordinator");
  const { sessionId, organizer, attendee, uid, date } = await invite(page, "Meadowbank Special School");
  // Outlook's "Propose new time": the same day after lunch (a Windows zone name, as Outlook writes it).
  const raw = outlookReply(
    { to: organizer, uid, attendee, method: "COUNTER", start: `${date}T123000`, end: `${date}T140000` },
    "New Time Proposed",
  );
  await sendToListener(raw, organizer);

  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("heading", { name: "Asked for another date" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /Accept or decline/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The venue asked for another date");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Accept the proposed time" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session moved to the proposed time");
  await expect(page.locator("main")).toContainText("12:30pm");

  const { field } = await openNewestEmail(page, /^Updated: .* at Meadowbank Special School/);
  expect(field("METHOD")).toBe("REQUEST");
  expect(field("UID")).toBe(uid);
  expect(field("SEQUENCE")).toBe("1");
  expect(field("DTSTART")).toContain(`${date}T123000`);
});
