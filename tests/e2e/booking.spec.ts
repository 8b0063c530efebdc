import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectStatus, gotoExpectingStatus, test } from "./fixtures";

// A Wednesday about three months ahead: clear of the demo diary, which fills the next few weeks.
function futureWednesday(): { day: number; month: number; year: number; iso: string } {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 90);
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), iso: d.toISOString().slice(0, 10) };
}

async function fillBooking(
  page: Page,
  input: { venue: string; date: { day: number; month: number; year: number }; start: string; end: string; pupils?: string },
) {
  await page.getByLabel("Programme", { exact: true }).selectOption({ label: "Somebody's Daughter" });
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: input.venue });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Open Door touring company" });
  await page.locator("#date-day").fill(String(input.date.day));
  await page.locator("#date-month").fill(String(input.date.month));
  await page.locator("#date-year").fill(String(input.date.year));
  await page.getByLabel("Start time").fill(input.start);
  await page.getByLabel("End time").fill(input.end);
  await page.getByLabel("Year 10").check();
  await page.getByLabel("Expected pupils").fill(input.pupils ?? "120");
}

test("a coordinator books, is stopped from double-booking the team, moves one session and cancels another", async ({ page, signInAs }) => {
  const date = futureWednesday();
  await signInAs("coordinator");

  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Book a session" }).click();
  await expect(page).toHaveTitle("Book a session – Outreach");
  await expectNoAxeViolations(page);

  // Empty form: every problem named, no 500.
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page).toHaveTitle("Error: Book a session – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Select a programme");
  await expectNoAxeViolations(page);

  await fillBooking(page, { venue: "Northfield Community Centre (NF1 4DJ)", date, start: "10:00", end: "11:30" });
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session booked as provisional");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Somebody's Daughter");
  await expect(page.locator(".govuk-summary-list")).toContainText("10am to 11:30am (UK time)");
  await expect(page.locator("main .govuk-tag").first()).toHaveText("Provisional");
  await expectNoAxeViolations(page);
  const firstUrl = new URL(page.url()).pathname;

  // The same team, an overlapping slot at another venue: refused, naming and linking the clash.
  await page.goto("/sessions/new");
  await fillBooking(page, { venue: "Ashgrove Youth Hub (NF2 6RF)", date, start: "11:00", end: "12:00", pupils: "60" });
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page).toHaveTitle("Error: Book a session – Outreach");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Open Door touring company is already booked: Somebody's Daughter at Northfield Community Centre");
  await expect(
    summary.getByRole("link", { name: /^Somebody's Daughter at Northfield Community Centre \(Open Door touring company\)/ }),
  ).toHaveAttribute("href", firstUrl);
  await expect(page.getByLabel("Start time")).toHaveValue("11:00");
  await expectNoAxeViolations(page);

  // Move the first session to the afternoon.
  await page.goto(firstUrl);
  await page.getByRole("button", { name: "Move session" }).click();
  await expect(page).toHaveTitle("Move a session – Outreach");
  await expectNoAxeViolations(page);
  await page.getByLabel("Start time").fill("13:00");
  await page.getByLabel("End time").fill("14:30");
  await page.getByLabel("Reason for the move (optional)").fill("The school asked for the afternoon");
  await page.getByRole("button", { name: "Move session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session moved");
  await expect(page.locator(".govuk-summary-list")).toContainText("1pm to 2:30pm (UK time)");
  await expect(page.getByRole("table")).toContainText("Moved: The school asked for the afternoon");
  await expectNoAxeViolations(page);

  // Change who is coming: a bad number is named and what was typed stays; then the change is saved.
  await page.getByRole("button", { name: "Change details" }).click();
  await expect(page).toHaveTitle("Change session details – Outreach");
  await expectNoAxeViolations(page);
  await page.getByLabel("Expected pupils").fill("about 90");
  await page.getByLabel("Notes for the venue").fill("Drama studio, please");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page).toHaveTitle("Error: Change session details – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Expected pupils must be a whole number");
  await expect(page.getByLabel("Notes for the venue")).toHaveValue("Drama studio, please");
  await expectNoAxeViolations(page);
  await page.getByLabel("Expected pupils").fill("90");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Details changed");
  await expect(page.locator(".govuk-summary-list")).toContainText("90 pupils expected");
  await expect(page.getByRole("table")).toContainText("Notes for the venue: none → Drama studio, please");
  await expectNoAxeViolations(page);

  // Now the slot the first session left is free: book it, then cancel that one.
  await page.goto("/sessions/new");
  await fillBooking(page, { venue: "Ashgrove Youth Hub (NF2 6RF)", date, start: "09:00", end: "10:00", pupils: "60" });
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session booked as provisional");
  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page).toHaveTitle("Cancel a session – Outreach");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page).toHaveTitle("Error: Cancel a session – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter why the session is cancelled");
  await expectNoAxeViolations(page);
  await page.getByLabel("Why is the session cancelled?").fill("Youth hub flooded");
  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session cancelled");
  await expect(page.locator("main .govuk-tag").first()).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Move session" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The diary in week, month and list views, and the team's day sheet.
  await page.goto(`/diary?week=${date.iso}`);
  await expect(page.getByRole("table")).toContainText("13:00–14:30 Somebody's Daughter");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Month" }).click();
  await expect(page).toHaveTitle("Diary: month – Outreach");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "List" }).click();
  await expect(page.getByRole("link", { name: "Download these sessions as CSV" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(firstUrl);
  await page.getByRole("link", { name: /day sheet/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Day sheet");
  await expect(page.locator("main")).toContainText("Get in from");
  await expectNoAxeViolations(page);
});

test("a coordinator finds a free date for a school and books it from the list", async ({ page, signInAs }) => {
  // About four months ahead, after the first journey's bookings; a Monday so the search starts on a working day.
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 120);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  await signInAs("coordinator");
  await page.goto("/sessions/new");
  await page.getByRole("link", { name: "Find free dates" }).click();
  await expect(page).toHaveTitle("Find free dates – Outreach");
  await expectNoAxeViolations(page);
  await page.getByLabel("Programme", { exact: true }).selectOption({ label: "Somebody's Daughter" });
  await page.getByLabel("Venue", { exact: true }).selectOption({ label: "Castle Mead Academy (NF3 6JN)" });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Open Door second company" });
  await page.locator("#date-day").fill(String(d.getUTCDate()));
  await page.locator("#date-month").fill(String(d.getUTCMonth() + 1));
  await page.locator("#date-year").fill(String(d.getUTCFullYear()));
  await page.getByLabel("Start time").fill("25:00");
  await page.getByLabel("End time").fill("15:00");
  // A search form (GET): its errors come back as 400.
  expectStatus(page, "/sessions/find-dates", 400);
  await page.getByRole("button", { name: "Find free dates" }).click();
  await expect(page).toHaveTitle("Error: Find free dates – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the start time in the 24-hour clock");
  await expectNoAxeViolations(page);
  await page.getByLabel("Start time").fill("13:30");
  await page.getByRole("button", { name: "Find free dates" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: /free dates? for Open Door second company at Castle Mead Academy$/ }),
  ).toBeVisible();
  await expect(page).toHaveTitle("Find free dates – Outreach");
  await expectNoAxeViolations(page);
  await page
    .locator("main table")
    .getByRole("link", { name: /^Book / })
    .first()
    .click();
  await expect(page).toHaveTitle("Book a session – Outreach");
  await expect(page.getByLabel("Start time")).toHaveValue("13:30");
  await expect(page.getByLabel("Venue", { exact: true })).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Session booked as provisional");
  await expect(page.locator(".govuk-summary-list")).toContainText("1:30pm to 3pm (UK time)");
  await expect(page.locator(".govuk-summary-list")).toContainText("Castle Mead Academy");
  await expectNoAxeViolations(page);
});

test("a facilitator sees their team's diary read-only", async ({ page, signInAs }) => {
  await signInAs("facilitator");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Diary" }).click();
  await expect(page).toHaveTitle("Diary: week – Outreach");
  await expect(page.getByRole("link", { name: "Book a session" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto("/sessions");
  const first = page.locator("main table a").first();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move session" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await gotoExpectingStatus(page, "/sessions/new", 403);
});
