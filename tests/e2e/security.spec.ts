// The built app runs under its Content-Security-Policy in a real browser: Remix hydrates, GOV.UK Frontend
// initialises, and Chromium reports no CSP violation. Forms posted with JavaScript (Remix fetch) and without it
// both pass the CSRF origin check.
import type { Page } from "@playwright/test";
import { demoEmail, DEMO_PASSWORD, DEMO_TOTP_SECRET, enterSecurityCode, expect, expectNoAxeViolations, test } from "./fixtures";

/** Collect CSP violations and console errors from the moment the page starts loading. */
function watchForCspProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function expectScriptsRan(page: Page) {
  // The inline nonce'd script in root.tsx, GOV.UK Frontend's module script, and Remix's hydration all ran.
  await expect(page.locator("body")).toHaveClass(/js-enabled/);
  await expect(page.locator("body")).toHaveClass(/govuk-frontend-supported/);
  await expect(page.locator('[data-module="govuk-skip-link"]')).toHaveAttribute("data-govuk-skip-link-init", "");
  await page.waitForFunction(() => "__remixRouter" in window);
}

test("pages run their JavaScript under the CSP with no violations, and a signed-in journey works", async ({ page }) => {
  const problems = watchForCspProblems(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  const response = await page.goto("/sign-in");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await expectScriptsRan(page);
  await expectNoAxeViolations(page);

  // Submitted by Remix's client-side router (fetch with Sec-Fetch-Site: same-origin).
  await page.getByLabel("Email address").fill(demoEmail("admin"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Admins must use two-factor: the code step is submitted by the client-side router too.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your security code");
  await enterSecurityCode(page, demoEmail("admin"), DEMO_TOTP_SECRET);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
  await expectScriptsRan(page);
  await expectNoAxeViolations(page);

  // Client-side navigation loads route modules and data under the same policy.
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain form post from our own page passes the origin check", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(demoEmail("coordinator"));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
  });
});

test("a form posted from another site is refused with 403", async ({ page }) => {
  // An attacker's page on another origin that submits a form to the service.
  await page.goto("/sign-in");
  const action = new URL("/sign-in", page.url()).toString();
  await page.route("http://attacker.test/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en"><title>x</title><form method="post" action="${action}"><input name="email" value="x@example.test"><input name="password" value="x"></form><script>document.forms[0].submit()</script></html>`,
    }),
  );
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === action && r.request().method() === "POST"),
    page.goto("http://attacker.test/"),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This form was sent from another website");
  await expectNoAxeViolations(page);
});
