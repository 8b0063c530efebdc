import Database from "better-sqlite3";
import pg from "pg";
import type { BrowserContextOptions, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectStatus, test } from "./fixtures";

// The demo data (prisma/seed.ts, seedInvitationDemo) has provisional sessions at these schools; the e2e database
// is read directly only to find their ids, as a coordinator would from the diary.
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

/** Coordinator sends the invitation and reads the response link from the development mailbox. */
async function inviteAndReadLink(page: Page, venueName: string): Promise<{ sessionId: string; link: string }> {
  const sessionId = await provisionalSessionAt(venueName);
  await page.goto(`/sessions/${sessionId}/invite`);
  await expect(page).toHaveTitle("Invite the venue – Outreach");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Invitation sent to");
  await expect(page.locator("#session-status")).toContainText("Invited");
  await expectNoAxeViolations(page);

  await page.goto("/dev/mailbox");
  await expectNoAxeViolations(page);
  await page
    .getByRole("link", { name: new RegExp(`^Invitation: .* at ${venueName.replace(/'/g, ".")}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(venueName);
  await expect(page.locator("main")).toContainText("text/calendar; method=REQUEST");
  await expectNoAxeViolations(page);
  const link = await page.locator("#links a").filter({ hasText: "/respond/" }).first().getAttribute("href");
  expect(link).toBeTruthy();
  return { sessionId, link: new URL(link!).pathname };
}

/** The venue contact has no account: a fresh browser context with no cookies. */
async function asVenue(newPage: (options?: BrowserContextOptions) => Promise<Page>) {
  const page = await newPage();
  return { page, close: () => page.context().close() };
}

test("coordinator invites, the venue accepts from the emailed link, the session is confirmed", async ({ page, newPage, signInAs }) => {
  await signInAs("coordinator");
  const { sessionId, link } = await inviteAndReadLink(page, "Moorside High School");

  const venue = await asVenue(newPage);
  const response = await venue.page.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toContain("no-referrer");
  await expect(venue.page.getByRole("heading", { level: 1 })).toHaveText("Can you host this session?");
  await expectNoAxeViolations(venue.page);

  await venue.page.getByRole("button", { name: "Send your answer" }).click();
  await expect(venue.page).toHaveTitle("Error: Reply to an invitation – Outreach");
  await expect(venue.page.locator(".govuk-error-summary")).toContainText("Select whether you can host the session on this date");
  await expectNoAxeViolations(venue.page);

  await venue.page.getByLabel("Yes, we can host it on this date").check();
  await venue.page.getByLabel("How many pupils do you expect? (optional)").fill("175");
  await venue.page.getByLabel("Who should the team ask for on the day? (optional)").fill("Mr Patel, 01632 960123");
  await venue.page.getByRole("button", { name: "Send your answer" }).click();
  await expect(venue.page.locator(".govuk-notification-banner")).toContainText("the session is confirmed");
  await expect(venue.page.locator(".govuk-inset-text")).toContainText("You accepted this invitation");
  await expectNoAxeViolations(venue.page);
  await venue.close();

  await page.goto(`/sessions/${sessionId}/invite`);
  await expect(page.locator("#session-status")).toContainText("Confirmed");
  await expect(page.locator("table")).toContainText("Accepted");
  await expect(page.locator("table")).toContainText("Mr Patel, 01632 960123");
  await expectNoAxeViolations(page);

  await page.goto("/dev/mailbox");
  await expect(page.getByRole("link", { name: /accepted the invitation/ }).first()).toBeVisible();
});

test("the venue declines with a reason", async ({ page, newPage, signInAs }) => {
  await signInAs("coordinator");
  const { sessionId, link } = await inviteAndReadLink(page, "Westgate Free School");
  const venue = await asVenue(newPage);
  await venue.page.goto(link);
  await venue.page.getByLabel("No, we cannot host it").check();
  await venue.page.getByLabel("If you cannot host it, why not?").fill("Mock exams all that week");
  await venue.page.getByRole("button", { name: "Send your answer" }).click();
  await expect(venue.page.locator(".govuk-notification-banner")).toContainText("Thank you for letting us know");
  await expectNoAxeViolations(venue.page);
  await venue.close();

  await page.goto(`/sessions/${sessionId}/invite`);
  await expect(page.locator("#session-status")).toContainText("Declined");
  await expect(page.locator("table")).toContainText("Reason: Mock exams all that week");
  await expectNoAxeViolations(page);
});

test("the venue asks for another date", async ({ page, newPage, signInAs }) => {
  await signInAs("coordinator");
  const { sessionId, link } = await inviteAndReadLink(page, "Elmwood Academy");
  const venue = await asVenue(newPage);
  await venue.page.goto(link);
  await venue.page.getByLabel("Not on this date: suggest another").check();
  await venue.page.getByLabel("If you would like another date, which dates or times would suit you?").fill("Any Tuesday morning in March");
  const first = venue.page.getByRole("group", { name: "Preferred date 1 (optional)" });
  await first.getByLabel("Day").fill("31");
  await first.getByLabel("Month").fill("2");
  await first.getByLabel("Year").fill("2027");
  await venue.page.getByRole("button", { name: "Send your answer" }).click();
  await expect(venue.page.locator(".govuk-error-summary")).toContainText("Preferred date must be a real date");
  await expect(venue.page.getByLabel("If you would like another date, which dates or times would suit you?")).toHaveValue(
    "Any Tuesday morning in March",
  );
  await expectNoAxeViolations(venue.page);
  await first.getByLabel("Day").fill("9");
  await first.getByLabel("Month").fill("3");
  await venue.page.getByRole("button", { name: "Send your answer" }).click();
  await expect(venue.page.locator(".govuk-notification-banner")).toContainText("another date");
  await venue.close();

  await page.goto(`/sessions/${sessionId}/invite`);
  await expect(page.locator("#session-status")).toContainText("Invited");
  await expect(page.locator("table")).toContainText("Asked for another date");
  await expect(page.locator("table")).toContainText("Tuesday 9 March 2027");
});

test("an expired link and a tampered link get the same plain explanation", async ({ page, newPage, signInAs }) => {
  await signInAs("coordinator");
  await page.goto("/dev/mailbox");
  await page
    .getByRole("link", { name: /^Invitation: .* at Harbour View School/ })
    .first()
    .click();
  // Seeded as if sent three weeks ago (by then the demo's APP_URL): open its path on this server.
  const expired = new URL((await page.locator("#links a").filter({ hasText: "/respond/" }).first().getAttribute("href"))!).pathname;

  const venue = await asVenue(newPage);
  for (const link of [expired, `${expired.slice(0, -3)}xyz`]) {
    expectStatus(venue.page, link, 404);
    const response = await venue.page.goto(link);
    expect(response?.status()).toBe(404);
    await expect(venue.page.getByRole("heading", { level: 1 })).toHaveText("This link is no longer valid");
    await expect(venue.page.locator("main")).toContainText("Contact the Northfield Borough Council prevention team");
    await expect(venue.page.locator("main")).not.toContainText("Harbour View");
    await expectNoAxeViolations(venue.page);
  }
  await venue.close();
});

test("a coordinator makes a calendar feed for a team and subscribes to it", async ({ page, signInAs, request }) => {
  await signInAs("coordinator");
  await page.goto("/account/feed");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Make a feed link" }).click();
  await expect(page.getByRole("heading", { name: "Your feed link is ready" })).toBeVisible();
  await expectNoAxeViolations(page);
  const url = await page.getByLabel("Feed link (https)").inputValue();
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  const again = await request.get(url, { headers: { "If-None-Match": feed.headers()["etag"] } });
  expect(again.status()).toBe(304);
});
