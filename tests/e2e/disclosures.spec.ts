import { expect, expectNoAxeViolations, gotoExpectingStatus, test } from "./fixtures";

const MARKER = "KINGFISHER-E2E-5512";

function londonToday(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()).split("-");
  return { day, month, year };
}

test("a facilitator logs a disclosure on a phone and sees only a receipt; the lead reviews it; a manager is refused", async ({
  newPage,
  signInAs,
}) => {
  // Each person in a browser of their own.
  const pageFor = async (role: Parameters<typeof signInAs>[0], viewport = { width: 1280, height: 900 }) => {
    const page = await newPage({ viewport });
    await signInAs(role, page);
    return page;
  };

  // ── Facilitator, phone-sized ──
  const phone = await pageFor("facilitator", { width: 390, height: 844 });
  await phone.goto("/disclosures/new");
  await expect(phone).toHaveTitle("Log a disclosure – Outreach");
  await expectNoAxeViolations(phone);
  await expect(
    phone.locator(".govuk-warning-text", { hasText: "Do not write the young person's name or other identifying details" }),
  ).toBeVisible();

  await phone.getByRole("radio", { name: /Castle Mead Academy/ }).check();
  await phone.locator("#disclosedTime").fill("00:05");
  await phone.getByLabel("Year group").selectOption("Y10");
  await phone.getByRole("radio", { name: "Girl", exact: true }).check();
  await phone.getByRole("radio", { name: "Yes" }).check();
  await phone.getByRole("checkbox", { name: "Child sexual exploitation" }).check();
  await phone.getByRole("radio", { name: "High" }).check();
  const account = phone.getByLabel("What the young person said, in their own words");
  await account.fill(`A man called Dean picks them up after school. ${MARKER}`);
  await phone.getByLabel("What you did straight away (optional)").fill("Stayed with them and told the school DSL.");
  await phone.getByRole("button", { name: "Log disclosure" }).click();

  // The name check refuses it, names what it found, and keeps the writing.
  await expect(phone).toHaveTitle("Error: Log a disclosure – Outreach");
  await expect(phone.locator(".govuk-error-summary")).toContainText('Remove "called Dean"');
  await expect(account).toHaveValue(new RegExp(MARKER));
  await expectNoAxeViolations(phone);

  await account.fill(`An older man picks them up after school. ${MARKER}`);
  await phone.getByRole("button", { name: "Log disclosure" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Disclosure logged");
  const reference = (await phone.locator(".govuk-panel__body strong").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^D-\d{4}-[2-9A-HJ-NP-Z]{6}$/);
  expect(await phone.content()).not.toContain(MARKER);
  await expectNoAxeViolations(phone);
  await expect(phone.getByRole("link", { name: "Open the record" })).toHaveCount(0);

  // The receipt is shown once; the list and the record are closed to the facilitator.
  await phone.reload();
  await expect(phone).toHaveURL(/\/disclosures\/new$/);
  await gotoExpectingStatus(phone, "/disclosures", 403);
  expect(await phone.content()).not.toContain(MARKER);

  // ── Lead: the list shows it (the alert email is in the outbox), opens it, adds an addendum and an action, marks the referral ──
  const lead = await pageFor("lead");
  await lead.goto("/disclosures");
  await expectNoAxeViolations(lead);
  await lead.getByRole("link", { name: reference }).click();
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText(`Disclosure ${reference}`);
  await expect(lead.locator("main")).toContainText(MARKER);
  await expectNoAxeViolations(lead);
  const recordUrl = lead.url();

  await lead.getByLabel("Addendum", { exact: true }).fill("They said it has happened twice.");
  await lead.getByLabel("Reason for the addendum").fill("Further information from the facilitator");
  await lead.getByRole("button", { name: "Add addendum" }).click();
  await expect(lead.locator(".govuk-notification-banner")).toContainText("Addendum added");
  await expect(lead.locator("main")).toContainText("They said it has happened twice.");

  const { day, month, year } = londonToday();
  await lead.getByLabel("What needs to be done").fill("Confirm the strategy meeting date");
  await lead.getByLabel("Owner").selectOption({ label: "Grace Mensah" });
  await lead.locator("#dueDate-day").fill(day);
  await lead.locator("#dueDate-month").fill(month);
  await lead.locator("#dueDate-year").fill(year);
  await lead.getByRole("button", { name: "Add action" }).click();
  await expect(lead.locator(".govuk-notification-banner")).toContainText("Action added");
  await expect(lead.locator("main")).toContainText("Confirm the strategy meeting date");
  await expectNoAxeViolations(lead);

  await lead.getByRole("radio", { name: "MASH (multi-agency safeguarding hub)" }).check();
  await lead.locator("#referralAt-day").fill(day);
  await lead.locator("#referralAt-month").fill(month);
  await lead.locator("#referralAt-year").fill(year);
  await lead.locator("#referralTime").fill("00:06");
  await lead.getByLabel("Referral reference (optional)").fill("MASH-4471");
  await lead.getByRole("radio", { name: "Referred" }).check();
  await lead.getByRole("button", { name: "Save changes" }).click();
  await expect(lead.locator(".govuk-notification-banner")).toContainText("Changes saved");
  const chronology = lead.locator("table", { has: lead.getByRole("columnheader", { name: "What changed" }) });
  await expect(chronology).toContainText("referralTo");
  await expect(chronology).toContainText("MASH");
  await expectNoAxeViolations(lead);

  const reloaded = await lead.goto(recordUrl);
  expect(reloaded?.headers()["cache-control"]).toBe("no-store");
  await lead.getByRole("link", { name: "Who has read or changed this record" }).click();
  await expect(lead.locator("main")).toContainText("disclosure.read");
  await expect(lead.locator("main")).toContainText("disclosure.change");
  await expectNoAxeViolations(lead);
  await lead.goto("/disclosures/dashboard");
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Disclosures dashboard");
  await expectNoAxeViolations(lead);

  // ── Manager: refused, and sees nothing of it ──
  const manager = await pageFor("manager");
  await gotoExpectingStatus(manager, recordUrl, 403);
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to view this page");
  expect(await manager.content()).not.toContain(MARKER);
  await expectNoAxeViolations(manager);

  // ── Admin: sees who did what to the record in the audit log, never its content ──
  const admin = await pageFor("admin");
  await admin.goto(`/admin/audit?entityType=Disclosure&entityId=${recordUrl.split("/").pop()}`);
  await expect(admin.locator("main")).toContainText("disclosure.addendum");
  await expect(admin.locator("main")).toContainText("disclosure.create");
  expect(await admin.content()).not.toContain(MARKER);
  await expectNoAxeViolations(admin);
  await gotoExpectingStatus(admin, recordUrl, 403);
});

test("a lead's settings, categories and retention pages are accessible", async ({ page: lead, signInAs }) => {
  await signInAs("lead");
  for (const [path, heading] of [
    ["/disclosures/settings", "Name check and retention"],
    ["/disclosures/categories", "Concern categories"],
    ["/disclosures/retention", "Records past retention"],
  ] as const) {
    await lead.goto(path);
    await expect(lead.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(lead);
  }
});
