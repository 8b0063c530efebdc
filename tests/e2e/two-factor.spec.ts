import Database from "better-sqlite3";
import pg from "pg";
import type { Page } from "@playwright/test";
import { enterSecurityCode, expect, expectNoAxeViolations, gotoExpectingStatus, markTotpStepUsed, signIn, test } from "./fixtures";
import { totpCodeForStep, totpStep } from "../setup/totp";

/** An admin adds a user through the Users pages and signs out. */
async function adminAddsUser(
  page: Page,
  signInAs: (role: "admin") => Promise<void>,
  user: { name: string; email: string; role: string; password: string },
) {
  await signInAs("admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel(user.role, { exact: true }).check();
  await page.getByLabel("Temporary password").fill(user.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(`${user.name} can now sign in`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("You have been signed out");
}

/** Run one statement with one parameter against the e2e database; returns the rows. */
async function query<T>(sql: string, param: string): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db";
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length));
    const statement = sqlite.prepare(sql.replace("$1", "?"));
    const rows = (statement.reader ? statement.all(param) : (statement.run(param), [])) as T[];
    sqlite.close();
    return rows;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql, [param]);
  await client.end();
  return rows as T[];
}

/** The text of the email queued to an address (the outbox; the SMTP sender is not part of these tests). */
async function emailTo(to: string): Promise<string> {
  const [row] = await query<{ text: string }>('SELECT "text" FROM "OutboxMessage" WHERE "to" = $1', to);
  if (!row) throw new Error(`No email to ${to}`);
  return row.text;
}

test("a new lead must set up two-factor at first sign-in, then signs in with a fresh code", async ({ page, signInAs }) => {
  // Each sign-in needs a code from a time step not used before, so this journey waits for new 30-second steps.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const lead = {
    name: `Ife Adebayo ${stamp}`,
    email: `lead-${stamp}@example.test`,
    role: "Safeguarding lead",
    password: "a-temporary-password-123",
  };
  await adminAddsUser(page, signInAs, lead);

  await page.getByLabel("Email address").fill(lead.email);
  await page.getByLabel("Password").fill(lead.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor authentication");
  await expect(page.getByRole("img", { name: "QR code to add Outreach to your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing else can be reached until two-factor is set up.
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/sign-in\/set-up-two-factor\?redirectTo=%2Fadmin%2Faudit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor authentication");

  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const step = totpStep();
  const near = [step - 1, step, step + 1].map((s) => totpCodeForStep(secret, s));
  await page
    .getByLabel("Enter the 6-digit code the app shows")
    .fill(["000000", "111111", "222222", "333333"].find((c) => !near.includes(c))!);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page).toHaveTitle("Error: Set up two-factor authentication – Outreach");
  await expect(page.locator(".govuk-error-summary")).toContainText("The code is not correct");
  await expectNoAxeViolations(page);

  const enrolStep = totpStep();
  markTotpStepUsed(lead.email, enrolStep);
  await page.getByLabel("Enter the 6-digit code the app shows").fill(totpCodeForStep(secret, enrolStep));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication is on");
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill(lead.email);
  await page.getByLabel("Password").fill(lead.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your security code");
  await expectNoAxeViolations(page);
  await enterSecurityCode(page, lead.email, secret);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${lead.name}`);

  await page.getByRole("link", { name: /your account/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Manage two-factor authentication" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor authentication");
  await expect(page.locator(".govuk-summary-list")).toContainText("10");
  await expectNoAxeViolations(page);
  await page.goto("/account/sessions");
  await expect(page.getByRole("cell", { name: "This browser" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a user resets a forgotten password with the emailed link", async ({ page, signInAs }) => {
  const stamp = Date.now().toString(36);
  const user = { name: `Cara Doyle ${stamp}`, email: `reset-${stamp}@example.test`, role: "Manager", password: "a-temporary-password-123" };
  await adminAddsUser(page, signInAs, user);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expectNoAxeViolations(page);

  const link = (await emailTo(user.email)).match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0];
  expect(link).toBeDefined();
  const response = await page.goto(new URL(link!).pathname);
  // The token never leaves in a Referer.
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill("1qaz2wsx3edc");
  await page.getByLabel("Confirm new password").fill("1qaz2wsx3edc");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Password is too common");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill("paper-kite-summer-drum");
  await page.getByLabel("Confirm new password").fill("paper-kite-summer-drum");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Your password has been changed");

  // The link works once.
  await gotoExpectingStatus(page, new URL(link!).pathname, 404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has already been used");
  await expectNoAxeViolations(page);
  await signIn(page, user.email, "paper-kite-summer-drum");
});

test("too many requests for reset links get the 429 page with Retry-After", async ({ page }) => {
  try {
    for (let i = 0; i < 10; i++) await page.request.post("/forgot-password", { form: { email: `nobody-${i}@example.test` } });
    await page.goto("/forgot-password");
    await page.getByLabel("Email address").fill("nobody@example.test");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/forgot-password"),
      page.getByRole("button", { name: "Send the link" }).click(),
    ]);
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Too many requests");
    await expect(page.locator("main")).toContainText("There have been too many attempts. Wait");
    await expectNoAxeViolations(page);
  } finally {
    // Every test browser shares one address: do not leave later tests limited.
    await query('DELETE FROM "RateLimitBucket" WHERE "key" LIKE $1', "password-reset-request:%");
  }
});
