import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../prisma/demo-credentials";
import { TOTP_PERIOD_SECONDS, totpCodeForStep, totpStep } from "../setup/totp";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };
export type DemoRole = "coordinator" | "facilitator" | "manager" | "lead" | "admin";
export const demoEmail = (role: DemoRole) => `${role}@demo.outreach.test`;
// Leads and admins must use two-factor; the demo ones are enrolled with DEMO_TOTP_SECRET.
const TWO_FACTOR_ROLES: readonly DemoRole[] = ["lead", "admin"];

/** WCAG 2.2 AA (and earlier levels): zero violations on the whole page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

// The app accepts each time step's code once per user, and codes from one step either side of now. Remember the
// steps used against this database in this run, so the next sign-in picks one not used yet and waits only when none is left.
// Kept in a file, not in memory: Playwright starts a new worker process after a failed test, and a worker that
// forgot would present a used code.
const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
const USED_STEPS_FILE = path.join(
  tmpdir(),
  `outreach-e2e-totp-${createHash("sha256")
    .update(`${process.env.E2E_DATABASE_URL ?? "file:./prisma/e2e.db"} ${process.env.E2E_RUN_ID ?? ""}`)
    .digest("hex")
    .slice(0, 12)}.json`,
);
const readUsedSteps = (): Record<string, number> => {
  try {
    return JSON.parse(readFileSync(USED_STEPS_FILE, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
};
export const markTotpStepUsed = (email: string, step: number) => {
  const used = readUsedSteps();
  used[email] = Math.max(step, used[email] ?? -Infinity);
  writeFileSync(USED_STEPS_FILE, JSON.stringify(used));
};

async function unusedStep(email: string): Promise<number> {
  for (;;) {
    const now = Date.now();
    const step = totpStep(now);
    const last = readUsedSteps()[email] ?? -Infinity;
    // The previous step's code only while there is time to submit it before it falls out of the window.
    const candidates = (now % PERIOD_MS < PERIOD_MS - 5000 ? [step - 1] : []).concat([step, step + 1]);
    const free = candidates.find((s) => s > last);
    if (free !== undefined) return free;
    await new Promise((resolve) => setTimeout(resolve, (last - step) * PERIOD_MS + PERIOD_MS - (now % PERIOD_MS) + 200));
  }
}

/** On the "Enter your security code" page: enter a code not used before, retrying if the app says it was. */
export async function enterSecurityCode(page: Page, email: string, secret: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const step = await unusedStep(email);
    markTotpStepUsed(email, step);
    await page.getByLabel("Security code").fill(totpCodeForStep(secret, step));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in/two-factor"),
      page.getByRole("button", { name: "Continue" }).click(),
    ]);
    if (response.status() !== 401) return;
    // Used already by another worker or an earlier run against this database: try the next one.
    await expect(page.locator("#code-error")).toContainText("already been used");
  }
  throw new Error(`Could not sign in ${email} with a fresh two-factor code`);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, totpSecret?: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (totpSecret) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your security code");
    await enterSecurityCode(page, email, totpSecret);
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
}

/** Sign in as a demo user, with a two-factor code for the roles that must use it. */
export const signInAsRole = (page: Page, role: DemoRole) =>
  signIn(page, demoEmail(role), DEMO_PASSWORD, TWO_FACTOR_ROLES.includes(role) ? DEMO_TOTP_SECRET : undefined);

export const test = base.extend<{ signInAs: (role: DemoRole) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use((role) => signInAsRole(page, role));
  },
});

export { expect };
