import { AxeBuilder } from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-1234";
export type DemoRole = "coordinator" | "facilitator" | "manager" | "lead" | "admin";
export const demoEmail = (role: DemoRole) => `${role}@demo.outreach.test`;

/** WCAG 2.2 AA (and earlier levels): zero violations on the whole page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
}

export const test = base.extend<{ signInAs: (role: DemoRole) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use((role) => signIn(page, demoEmail(role)));
  },
});

export { expect };
