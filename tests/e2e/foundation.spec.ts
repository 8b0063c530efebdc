import { axeViolations, demoEmail, expect, expectNoAxeViolations, gotoExpectingStatus, signIn, test, type DemoRole } from "./fixtures";

const NAVIGATION: Record<DemoRole, string[]> = {
  coordinator: [
    "Home",
    "Diary",
    "Book a session",
    "Tour plans",
    "Venues",
    "Programmes",
    "Teams",
    "Calendar",
    "People",
    "Refreshers",
    "Reports",
    "Outbox",
    "Log a disclosure",
  ],
  facilitator: ["Home", "Diary", "Venues", "Programmes", "Log a disclosure"],
  manager: ["Home", "Diary", "Tour plans", "Venues", "Programmes", "People", "Refreshers", "Reports"],
  lead: ["Home", "Reports", "Audit log", "Disclosures", "Log a disclosure"],
  admin: [
    "Home",
    "Diary",
    "Book a session",
    "Tour plans",
    "Venues",
    "Programmes",
    "Teams",
    "Calendar",
    "People",
    "Refreshers",
    "Reports",
    "Outbox",
    "Users",
    "Audit log",
  ],
};

for (const role of Object.keys(NAVIGATION) as DemoRole[]) {
  test(`${role} sees only their role's navigation`, async ({ page, signInAs }) => {
    await signInAs(role);
    await expect(page).toHaveTitle("Home – Outreach");
    const nav = page.getByRole("navigation", { name: "Menu" });
    await expect(nav.getByRole("link")).toHaveText(NAVIGATION[role]);
    await expect(page.locator("main dd").first()).toHaveText(/^\d[\d,]*$/);
    await expectNoAxeViolations(page);
  });
}

test("a wrong password shows the GOV.UK error summary and keeps the email", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(demoEmail("coordinator"));
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveTitle("Error: Sign in – Outreach");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a correct email address and password" })).toHaveAttribute("href", "#email");
  await expect(page.getByLabel("Email address")).toHaveValue(demoEmail("coordinator"));
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectNoAxeViolations(page);
});

test("empty fields are each named in the error summary", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your password");
  await expect(page.locator("#email-error")).toContainText("Error: Enter your email address");
  await expectNoAxeViolations(page);
});

test("a coordinator gets the 403 page on /admin", async ({ page, signInAs }) => {
  await signInAs("coordinator");
  await gotoExpectingStatus(page, "/admin", 403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to view this page");
  await expectNoAxeViolations(page);
});

test("an unknown page is a 404 page", async ({ page }) => {
  await gotoExpectingStatus(page, "/no-such-page", 404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});

test("an admin creates a user who then signs in, and signs out", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.getByRole("link", { name: "Users" }).first().click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add a user" }).click();
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page).toHaveTitle(/^Error: Add a user/);
  await expectNoAxeViolations(page);
  const stamp = Date.now().toString(36);
  const email = `new-${stamp}@example.test`;
  const name = `Rhys Evans ${stamp}`;
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Manager").check();
  await page.getByLabel("Temporary password").fill("a-temporary-password-123");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(`${name} can now sign in`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("You have been signed out");
  await signIn(page, email, "a-temporary-password-123");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${name}`);
});

test("the accessibility statement is reachable from the footer without signing in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement for Outreach");
  await expectNoAxeViolations(page);
});

test("pages work without JavaScript", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(demoEmail("manager"));
  await page.getByLabel("Password").fill("demo-password-1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
});

test("the accessibility check finds what axe finds (the check itself works)", async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><title>Check</title><main><img src="/favicon.ico"><input></main></html>');
  const violations = (await axeViolations(page)).join("\n");
  expect(violations).toContain("image-alt");
  expect(violations).toContain("label");
});
