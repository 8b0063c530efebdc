import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures";

/** The version page refreshes itself while planning; wait until this version is a finished draft. */
async function waitForDraft(page: Page, version: number) {
  await expect(page.locator("#plan-status")).toContainText(`Version ${version}: Draft`, { timeout: 60_000 });
}

// Issue 15: plan the summer term for the demo borough, pin one session, remove a date, re-plan, book, invite all.
test("a coordinator plans the summer term, changes it, books it and invites every school", async ({ page, signInAs }) => {
  test.setTimeout(150_000);
  await signInAs("coordinator");
  await page.goto("/plans");
  await expect(page).toHaveTitle("Tour plans – Outreach");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Plan a tour" }).click();
  await expect(page).toHaveTitle("Plan a tour – Outreach");
  await page.getByLabel("Programme").selectOption({ label: "Somebody's Daughter" });
  await page.getByRole("button", { name: "Show its schools" }).click();
  await expect(page).toHaveURL(/programme=/);
  await expectNoAxeViolations(page);

  // A form error keeps what was typed.
  await page.getByRole("group", { name: "First day of the plan" }).getByLabel("Day").fill("31");
  await page.getByRole("group", { name: "First day of the plan" }).getByLabel("Month").fill("2");
  await page.getByRole("group", { name: "First day of the plan" }).getByLabel("Year").fill("2027");
  await page.getByRole("button", { name: "Make the plan" }).click();
  await expect(page).toHaveTitle("Error: Plan a tour – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Select at least one team");
  await expect(page.getByRole("group", { name: "First day of the plan" }).getByLabel("Day")).toHaveValue("31");
  await expectNoAxeViolations(page);

  // The summer term 2027.
  const date = async (legend: string, d: string, m: string, y: string) => {
    const group = page.getByRole("group", { name: legend });
    await group.getByLabel("Day").fill(d);
    await group.getByLabel("Month").fill(m);
    await group.getByLabel("Year").fill(y);
  };
  await date("First day of the plan", "12", "4", "2027");
  await date("Last day of the plan", "21", "7", "2027");
  await page.getByLabel("Open Door touring company").check();
  await page.getByRole("button", { name: "Make the plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[^/?]+$/);
  await waitForDraft(page, 1);
  await expectNoAxeViolations(page);
  await expect(page.getByRole("img", { name: /The whole tour/ })).toBeVisible();
  await expect(page.getByText(/no plan can use fewer than \d+/)).toBeVisible();

  // Pin the first session: version 2 keeps it.
  await page.getByRole("button", { name: /^Pin / }).first().click();
  await expect(page).toHaveURL(/version=/);
  await waitForDraft(page, 2);
  await expect(page.getByTestId("plan-changes")).toContainText("Pinned:");
  await expectNoAxeViolations(page);

  // Leave out a date: version 3 plans again without it.
  await page
    .getByRole("button", { name: /^Leave out this date/ })
    .last()
    .click();
  await waitForDraft(page, 3);
  await expect(page.getByText(/dates are left out of this version/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Book every session, then invite every school.
  await page.getByRole("button", { name: "Create provisional bookings" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(/\d+ provisional sessions booked/);
  await expect(page.locator("#plan-status")).toContainText("Version 3: Booked");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Invite all" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(/[1-9]\d* invitations? sent\./);
  await expectNoAxeViolations(page);

  // The versions stay; the list shows the plan as booked.
  await page.goto("/plans");
  await expect(page.locator("table")).toContainText("Version 3: Booked");
  await expectNoAxeViolations(page);
});
