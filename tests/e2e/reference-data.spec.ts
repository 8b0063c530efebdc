import { expect, expectNoAxeViolations, gotoExpectingStatus, test } from "./fixtures";

test("a coordinator adds a programme, imports schools from GIAS, adds an INSET day and sees the school unavailable", async ({
  page,
  signInAs,
}) => {
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
  await expect(week.getByRole("row", { name: /Friday 13 November 2026/ })).toContainText(
    "Friday 13 November 2026 is an INSET day for Ysgol Gymraeg Northfield",
  );
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
  await gotoExpectingStatus(page, "/venues/import", 403);
  await expectNoAxeViolations(page);
});

test("an admin's tour of teams, venues, contacts and the calendar, with the error pages", async ({ page, signInAs }) => {
  await signInAs("admin");

  await page.goto("/teams");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add a team" }).click();
  await page.getByLabel("Home base postcode (optional)").fill("not a postcode");
  await page.getByRole("button", { name: "Add team" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a real base postcode, like NF1 3QA");
  await expect(page.getByLabel("Home base postcode (optional)")).toHaveValue("not a postcode");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name").fill("Driver trainers");
  await page.getByLabel("Home base postcode (optional)").fill("nf2 6rf");
  await page.getByLabel("Tom Okafor").check();
  await page.getByRole("button", { name: "Add team" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Driver trainers added");
  await page.getByRole("link", { name: "Driver trainers", exact: true }).click();
  await expect(page.getByLabel("Home base postcode (optional)")).toHaveValue("NF2 6RF");
  await expectNoAxeViolations(page);

  await page.goto("/venues/new");
  await page.getByLabel("Kind of venue").selectOption({ label: "Taxi operator" });
  await page.getByLabel("Name").fill("Northfield Cabs");
  await page.getByLabel("Postcode").fill("NF1 3Q");
  await page.getByRole("button", { name: "Add venue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a real postcode, like NF1 3QA");
  await expectNoAxeViolations(page);
  await page.getByLabel("Postcode").fill("nf1 3qa");
  await page.getByRole("button", { name: "Add venue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Northfield Cabs");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Name").fill("Operations manager");
  await page.getByLabel("Email address").fill("ops@cabs.example");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("table").filter({ hasText: "ops@cabs.example" })).toContainText("Primary");
  await page.getByRole("link", { name: "Change Operations manager" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /Back to Northfield Cabs/ }).click();
  await page.getByRole("link", { name: "Change address" }).click();
  await expectNoAxeViolations(page);

  await page.goto("/calendar");
  await page.getByRole("button", { name: "Add an academic year" }).click();
  await page.getByLabel("Academic year").fill("2027/28");
  const start = page.getByRole("group", { name: "First day of the academic year" });
  await start.getByLabel("Day").fill("1");
  await start.getByLabel("Month").fill("9");
  await start.getByLabel("Year").fill("2028");
  const end = page.getByRole("group", { name: "Last day of the academic year" });
  await end.getByLabel("Day").fill("31");
  await end.getByLabel("Month").fill("8");
  await end.getByLabel("Year").fill("2028");
  await page.getByRole("button", { name: "Add academic year" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The end date must be after the start date");
  await expectNoAxeViolations(page);
  await start.getByLabel("Year").fill("2027");
  await page.getByRole("button", { name: "Add academic year" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Academic year 2027/28");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add a term" }).click();
  await expectNoAxeViolations(page);

  await page.goto("/calendar/import");
  await page.getByLabel("CSV file").setInputFiles("tests/fixtures/terms/bad-terms.csv");
  await page.getByRole("button", { name: "Import term dates" }).click();
  await expect(page.getByRole("table", { name: "Problems in the file" })).toContainText("Line 3: end_date is before start_date");
  await expectNoAxeViolations(page);

  await page.goto("/venues?kind=SECONDARY_SCHOOL&q=northfield%20academy");
  await page.getByRole("link", { name: "Northfield Academy" }).click();
  await page.getByRole("link", { name: /Manage Northfield Academy's own term dates/ }).click();
  await expectNoAxeViolations(page);
  await page.goto("/venues?q=Hollins");
  await page.getByRole("link", { name: "Hollins Park High School" }).click();
  await page
    .getByRole("link", { name: /^Remove closure/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove this closure?");
  await expectNoAxeViolations(page);
});
