import { expect, expectNoAxeViolations, test } from "./fixtures";

test("a manager adds a target (after fixing a date), sees its progress, changes it and deletes it", async ({ page, signInAs }) => {
  await signInAs("manager");

  await page.goto("/reports/targets");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Current targets");
  // The demo's own targets, with progress and a status.
  await expect(page.getByRole("table")).toContainText("Pupils reached");
  await expect(page.getByRole("table")).toContainText(/\d[\d,]* of 4,000 \(\d+%\)/);
  await expect(page.getByRole("table")).toContainText("open secondary schools and colleges in the area");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add a target" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a target");
  await expectNoAxeViolations(page);
  await page.getByLabel("Sessions delivered").check();
  await page.getByLabel("Target", { exact: true }).fill("40");
  const from = page.getByRole("group", { name: "Start of the period" });
  await from.getByLabel("Day").fill("1");
  await from.getByLabel("Month").fill("9");
  await from.getByLabel("Year").fill("2026");
  const to = page.getByRole("group", { name: "End of the period" });
  await to.getByLabel("Day").fill("31");
  await to.getByLabel("Month").fill("2");
  await to.getByLabel("Year").fill("2027");
  await page.getByRole("button", { name: "Add target" }).click();
  await expect(page).toHaveTitle("Error: Add a target – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("The end date must be a real date");
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("40"); // the input is kept
  await expectNoAxeViolations(page);
  await page.locator(".govuk-error-summary").getByRole("link", { name: "The end date must be a real date" }).click();
  await expect(to.getByLabel("Day")).toBeFocused();
  await to.getByLabel("Day").fill("31");
  await to.getByLabel("Month").fill("3");
  await page.getByRole("button", { name: "Add target" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Current targets");
  await expect(page.locator(".govuk-notification-banner")).toContainText("Target added: Sessions delivered, 1 Sept 2026 to 31 Mar 2027");
  const row = page.getByRole("row", { name: /Sessions delivered All programmes/ });
  await expect(row).toContainText(/\d+ of 40 \(\d+%\)/);
  await expect(row).toContainText(/\d+ \(\d+ booked\)/);
  await expect(row.locator(".govuk-tag")).toHaveText(/Achieved|On track|At risk/);
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: /^Change/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change a target");
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("40");
  await expectNoAxeViolations(page);
  await page.getByLabel("Target", { exact: true }).fill("1,500");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Target changed: Sessions delivered, 1 Sept 2026 to 31 Mar 2027");
  await expect(row).toContainText(/\d+ of 1,500 \(\d+%\)/);
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: /^Delete/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete a target");
  await expect(page.getByRole("group", { name: "Are you sure you want to delete this target?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveTitle("Error: Delete a target – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Select yes if you want to delete this target");
  await expectNoAxeViolations(page);
  await page.getByLabel("Yes, delete it").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Target deleted: Sessions delivered, 1 Sept 2026 to 31 Mar 2027");
  await expect(page.getByRole("row", { name: /Sessions delivered All programmes/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Past targets are a filter away.
  await page.getByRole("link", { name: "Show past targets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Past targets");
  await expectNoAxeViolations(page);
});
