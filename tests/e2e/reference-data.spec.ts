import { expect, expectNoAxeViolations, test } from "./fixtures";

test("a coordinator adds a programme, imports schools from GIAS, adds an INSET day and sees the school unavailable", async ({ page, signInAs }) => {
  await signInAs("coordinator");

  // A programme, with one validation round trip first.
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Programmes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programmes");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add a programme" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add programme" }).click();
  await expect(page).toHaveTitle("Error: Add a programme – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the programme name");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill("Chelsea's Choice");
  await page.getByLabel("Kind").selectOption({ label: "Theatre play in school" });
  await page.getByLabel("Provider (optional)").fill("Alter Ego Creative Solutions");
  await page.getByLabel("Year 9").check();
  await page.getByLabel("Year 10").check();
  await page.getByLabel("Default duration").fill("90");
  await page.getByLabel("Capacity per session (optional)").fill("240");
  await page.getByRole("button", { name: "Add programme" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chelsea's Choice");
  await expect(page.locator(".govuk-notification-banner")).toContainText("Chelsea's Choice added");
  await expectNoAxeViolations(page);

  // Import the GIAS fixture through the upload page.
  await page.goto("/venues");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import schools from GIAS" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import schools" }).click();
  await expect(page).toHaveTitle("Error: Import schools from GIAS – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Select a CSV file");
  await expectNoAxeViolations(page);
  await page.getByLabel("Local authority code").fill("999");
  await page.getByLabel("GIAS CSV file").setInputFiles("tests/fixtures/gias/edubasealldata20261101.csv");
  await page.getByRole("button", { name: "Import schools" }).click();
  await expect(page.locator(".govuk-panel")).toContainText("22 added");
  await expect(page.getByRole("table", { name: "Summary" })).toContainText("In another local authority");
  await expectNoAxeViolations(page);

  // Find the imported school and give it an INSET day.
  await page.goto("/venues?laCode=999&q=Ysgol");
  await page.getByRole("link", { name: "Ysgol Gymraeg Northfield" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ysgol Gymraeg Northfield");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add an INSET day, exam period or closure" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("INSET day").check();
  const first = page.getByRole("group", { name: "First day" });
  await first.getByLabel("Day").fill("13");
  await first.getByLabel("Month").fill("11");
  await first.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Add", exact: true }).click();

  // The venue page shows that week, with the school unavailable on the INSET day only.
  await expect(page.locator(".govuk-notification-banner")).toContainText("Closure added");
  const week = page.getByRole("table", { name: /Week beginning Monday 9 November 2026/ });
  await expect(week.getByRole("row", { name: /Friday 13 November 2026/ })).toContainText("Friday 13 November 2026 is an INSET day for Ysgol Gymraeg Northfield");
  await expect(week.getByRole("row", { name: /Thursday 12 November 2026/ })).toContainText("Available");
  await expectNoAxeViolations(page);

  // The school calendar page.
  await page.goto("/calendar");
  await expect(page.getByRole("table", { name: "Academic years" })).toContainText("2026/27");
  await expectNoAxeViolations(page);
});

test("a facilitator can read venues but not open the import page", async ({ page, signInAs }) => {
  await signInAs("facilitator");
  await page.goto("/venues");
  await expect(page.getByRole("button", { name: "Import schools from GIAS" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const response = await page.goto("/venues/import");
  expect(response?.status()).toBe(403);
  await expectNoAxeViolations(page);
});
