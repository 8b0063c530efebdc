import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, expectNoAxeViolations, gotoExpectingStatus, test } from "./fixtures";

// Sessions seeded with fixed ids by prisma/seed.ts (DEMO_ATTENDANCE_SESSIONS).
const SCHOOL_SESSION = "demo-school-play-awaiting-attendance";
const DRIVER_SESSION = "demo-driver-training-recent";
const DRIVER_SESSION_UPCOMING = "demo-driver-training-upcoming";

async function pdfText(path: string): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false,
    standardFontDataUrl: "node_modules/pdfjs-dist/standard_fonts/",
  }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items
    .map((item) => ("str" in item ? item.str : ""))
    .join(" ")
    .replace(/\s+/g, " ");
}

test.describe.configure({ mode: "serial" });

test("a facilitator records year-group counts for a school session", async ({ page, signInAs }) => {
  await signInAs("facilitator");
  await page.goto(`/sessions/${SCHOOL_SESSION}/attendance`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attendance");
  await expectNoAxeViolations(page);

  await page.getByLabel("Girls in Year 10").fill("-4");
  await page.getByLabel("Boys in Year 10").fill("lots");
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page).toHaveTitle("Error: Attendance – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the number of girls in Year 10 as a whole number, 0 or more");
  await expect(page.getByLabel("Girls in Year 10")).toHaveValue("-4");
  await expectNoAxeViolations(page);

  await page.getByLabel("Girls in Year 10").fill("96");
  await page.getByLabel("Boys in Year 10").fill("101");
  await page.getByLabel("Other or not recorded in Year 10").fill("0");
  await page.getByLabel("Adults present").fill("7");
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Attendance saved");
  await expect(page.locator(".govuk-summary-list")).toContainText("Delivered");
  await expect(page.locator(".govuk-summary-list")).toContainText("197");
  await expectNoAxeViolations(page);
});

test("a manager sees the totals but cannot change them", async ({ page, signInAs }) => {
  await signInAs("manager");
  await page.goto(`/sessions/${SCHOOL_SESSION}/attendance`);
  await expect(page.getByRole("table", { name: "Pupils by year group" })).toContainText("Year 10");
  await expect(page.getByRole("button", { name: "Save attendance" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a coordinator builds a driver register from CSV, marks it, downloads and verifies a certificate", async ({ page, signInAs }) => {
  await signInAs("coordinator");
  await page.goto(`/sessions/${DRIVER_SESSION}/register`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add people from a file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add people from a file");
  await expectNoAxeViolations(page);
  // A file with the same licence twice is refused as a whole, with the row named.
  await page.getByLabel("Upload a CSV file").setInputFiles("tests/fixtures/registers/drivers-duplicate-licence.csv");
  await page.getByRole("button", { name: "Add people" }).click();
  await expect(page).toHaveTitle(/^Error: Add people from a file/);
  await expect(page.locator(".govuk-error-summary")).toContainText("Row 3: Licence number NB-30001 is also on row 2");
  await expectNoAxeViolations(page);

  await page.getByLabel("Upload a CSV file").setInputFiles("tests/fixtures/registers/drivers.csv");
  await page.getByRole("button", { name: "Add people" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("3 people added to the register");
  const register = page.getByRole("table", { name: "People on the register" });
  await expect(register).toContainText("Amir Hussain");
  await expect(register).toContainText("Beth Morgan");
  await expect(register).toContainText("Carlos Silva");
  await expectNoAxeViolations(page);

  await page.getByRole("group", { name: "Did Amir Hussain attend?" }).getByLabel("Attended").check();
  await page.getByRole("group", { name: "Did Beth Morgan attend?" }).getByLabel("Attended").check();
  await page.getByRole("group", { name: "Did Carlos Silva attend?" }).getByLabel("Absent").check();
  await page.getByRole("button", { name: "Save the register" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Register saved: 2 attended, 1 absent");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Email certificate to Amir Hussain" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Certificate queued to be emailed to amir.hussain@example.test");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download certificate for Amir Hussain" }).click(),
  ]);
  const file = test.info().outputPath("certificate.pdf");
  await download.saveAs(file);
  const text = await pdfText(file);
  expect(text).toContain("Amir Hussain");
  expect(text).toContain("Safeguarding for taxi and private-hire drivers");
  const number = /Certificate number: ([2-9A-HJ-NP-Z]{26})/.exec(text)?.[1];
  expect(number).toBeDefined();

  await page.goto(`/sessions/${DRIVER_SESSION}/register/sign-in-sheet`);
  await expect(page.getByRole("table")).toContainText("NB-20417");
  await expectNoAxeViolations(page);

  // The public check needs no sign-in and shows only name, programme and date.
  await page.getByRole("button", { name: "Sign out" }).click();
  const response = await page.goto(`/certificates/verify/${number}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toContain("no-referrer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certificate is genuine");
  await expect(page.locator(".govuk-summary-list")).toContainText("Amir Hussain");
  await expect(page.locator("main")).not.toContainText("NB-20417");
  await expect(page.locator("main")).not.toContainText("amir.hussain@example.test");
  await expectNoAxeViolations(page);

  await gotoExpectingStatus(page, "/certificates/verify/23456789ABCDEFGHJKLMNPQRST", 404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Certificate not found");
  await expectNoAxeViolations(page);
});

test("a coordinator finds people and refreshers due, and invites them to the next session", async ({ page, signInAs }) => {
  await signInAs("coordinator");
  await page.getByRole("link", { name: "People" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  await expectNoAxeViolations(page);
  await page.getByLabel("Search by name, email, organisation or licence number").fill("NB-20417");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Amir Hussain" }).click();
  await expect(page.getByRole("table", { name: "Certificates" })).toContainText("Safeguarding for taxi and private-hire drivers");
  await expectNoAxeViolations(page);

  // Add a driver who trained before to the next session, found by licence number; then someone new, with an error first.
  await page.goto(`/sessions/${DRIVER_SESSION_UPCOMING}/register/add`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a person to the register");
  await expectNoAxeViolations(page);
  await page.getByLabel("Search by name, email or licence number").fill("NB-20988");
  await page.getByRole("button", { name: "Search" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add Beth Morgan" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Beth Morgan added to the register");
  await page.goto(`/sessions/${DRIVER_SESSION_UPCOMING}/register/add`);
  await page.getByLabel("Full name").fill("Nadia Karim");
  await page.getByRole("button", { name: "Add to the register" }).click();
  await expect(page).toHaveTitle(/^Error: Add a person to the register/);
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the driver's licence or badge number");
  await expect(page.getByLabel("Full name")).toHaveValue("Nadia Karim");
  await expectNoAxeViolations(page);
  await page.getByLabel("Licence or badge number").fill("NB-22222");
  await page.getByLabel("Licensing authority").fill("Northfield Borough Council");
  await page.getByLabel("Taxi operator (optional)").selectOption({ label: "A1 Private Hire" });
  await page.getByRole("button", { name: "Add to the register" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Nadia Karim added to the register");
  await expectNoAxeViolations(page);

  await page.goto("/refreshers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refreshers due");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Invite to the session" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select at least one person");
  await expectNoAxeViolations(page);
  await page.getByLabel("Select Gary Holt (Safeguarding for taxi and private-hire drivers)").check();
  await page.getByLabel("Invite the people you selected to").selectOption(DRIVER_SESSION_UPCOMING);
  await page.getByRole("button", { name: "Invite to the session" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("1 person added to the register");
  await expectNoAxeViolations(page);
});

test("counts and the register work without JavaScript", async ({ newPage, signInAs }) => {
  const page = await newPage({ javaScriptEnabled: false });
  await signInAs("coordinator", page);
  // A correction to the counts recorded earlier in this journey.
  await page.goto(`/sessions/${SCHOOL_SESSION}/attendance`);
  await page.getByLabel("Girls in Year 10").fill("98");
  await page.getByRole("button", { name: "Save attendance" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Attendance saved");
  await expect(page.locator(".govuk-summary-list")).toContainText("199");
  // Carlos Silva was there after all: correct him to attended.
  await page.goto(`/sessions/${DRIVER_SESSION}/register`);
  await page.getByRole("group", { name: "Did Carlos Silva attend?" }).getByLabel("Attended").check();
  await page.getByRole("button", { name: "Save the register" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Register saved: 3 attended, 0 absent");
  await expect(page.getByRole("link", { name: "Download certificate for Carlos Silva" })).toBeVisible();
});
