import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AxeResults } from "axe-core";
import { expect, test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../prisma/demo-credentials";
import { TOTP_PERIOD_SECONDS, totpCodeForStep, totpStep } from "../setup/totp";
import { e2eServerEnv } from "./server-env";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };
export type DemoRole = "coordinator" | "facilitator" | "manager" | "lead" | "admin";
export const demoEmail = (role: DemoRole) => `${role}@demo.outreach.test`;

// ── Accessibility: each page template once per run ──

// A template is a route in one of its states: as normally shown, with form errors, or as its error page, at desktop
// or phone width. Journeys reach the same template many times; a scan takes seconds, so each is scanned the first time.
const scannedTemplates = new Set<string>();

/**
 * True for the first caller to meet this template. With AXE_SCANNED_DIR (scripts/test-all.sh gives every worker of
 * both databases' runs the same folder) that is the first in the whole run, since the markup does not depend on the
 * database: a marker file created with "wx" is claimed by exactly one worker. Without it, the first in this worker.
 */
function firstToScan(template: string): boolean {
  if (scannedTemplates.has(template)) return false;
  scannedTemplates.add(template);
  const dir = process.env.AXE_SCANNED_DIR;
  if (!dir) return true;
  try {
    writeFileSync(path.join(dir, createHash("sha1").update(template).digest("hex")), `${template}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function templateOf(page: Page): Promise<string> {
  // A page with JavaScript is named by its route id, which it has once hydrated: scanned before that, it would be
  // named by its path and could be scanned again under its route id later.
  if (await page.evaluate(() => "__remixContext" in window && !("__remixRouter" in window)))
    await page.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 15_000 });
  const { route, errorPage } = await page.evaluate(() => {
    const router = (window as { __remixRouter?: { state: { matches: { route: { id: string } }[]; errors: unknown } } }).__remixRouter;
    return {
      // Without JavaScript there is no router: the path, with anything that looks like an id or token generalised.
      route:
        router?.state.matches.at(-1)?.route.id ??
        location.pathname.replace(/\/[^/]*(\d|[A-Za-z0-9_-]{20,})[^/]*/g, "/:id").replace(/\/demo-[^/]+/g, "/:id"),
      errorPage: Boolean(router?.state.errors),
    };
  });
  const state = errorPage ? "error page" : (await page.title()).startsWith("Error:") ? "form errors" : "page";
  const width = (page.viewportSize()?.width ?? 1280) < 641 ? "phone" : "desktop";
  return `${route} | ${state} | ${width}`;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The page's WCAG 2.2 AA (and earlier levels) violations, one line each. axe-core is put in the page and run there:
 * @axe-core/playwright's AxeBuilder opened a blank page for every scan to join the results of frames (our pages have
 * none), which made a scan 0.8 s instead of 0.25 s.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, WCAG_TAGS);
}

/** Zero axe violations on the whole page, checked once per page template (firstToScan). */
export async function expectNoAxeViolations(page: Page) {
  if (!firstToScan(await templateOf(page))) return;
  expect(await axeViolations(page)).toEqual([]);
}

// ── Browser errors fail the journey ──

type Allowance = { path: string; status: number };
/** The page a URL belongs to: Remix fetches a page's data from its path plus ".data". */
const pagePath = (url: string) => new URL(url, "http://x").pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
const watchers = new WeakMap<BrowserContext, BrowserProblems>();

/**
 * Console errors (hydration mismatches included), uncaught exceptions and failed requests on every page a test opens.
 * A form post answered 4xx is the form's own error reply, which the journey asserts; any GET answered 4xx or 5xx, any
 * 5xx, and any request that fails is a problem unless the test said it goes there for that status (expectStatus).
 */
class BrowserProblems {
  readonly found: string[] = [];
  readonly allowances: Allowance[] = [];

  watchContext(context: BrowserContext, javaScriptEnabled: boolean) {
    watchers.set(context, this);
    for (const page of context.pages()) this.watchPage(page, javaScriptEnabled);
    context.on("page", (page) => this.watchPage(page, javaScriptEnabled));
  }

  private allowed(url: string, status: number) {
    const path = pagePath(url);
    return this.allowances.some((a) => a.path === path && a.status === status);
  }

  private watchPage(page: Page, javaScriptEnabled: boolean) {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // Chromium's note of an error status: the response listener below judges that request, knowing its method.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
      this.found.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.found.push(`uncaught error on ${page.url()}: ${error.message}`));
    page.on("response", (response) => {
      const status = response.status();
      const method = response.request().method();
      if (status < 400 || (method !== "GET" && status < 500) || this.allowed(response.url(), status)) return;
      this.found.push(`${status} for ${method} ${response.url()}`);
    });
    page.on("requestfailed", (request) => {
      // With JavaScript off, Chromium refuses the page's scripts (reported as "csp"): that is the point of the test.
      if (!javaScriptEnabled && request.resourceType() === "script" && request.failure()?.errorText === "csp") return;
      // Cancelled by the browser, not refused by the server: a download, or a load the next navigation superseded.
      if (request.failure()?.errorText === "net::ERR_ABORTED") return;
      this.found.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
    });
  }
}

/**
 * Open a page the test means to be refused or missing: allows exactly that status for that path in this test's
 * browser-error check, and asserts the status.
 */
export async function gotoExpectingStatus(page: Page, path: string, status: number) {
  expectStatus(page, path, status);
  const response = await page.goto(path);
  expect(response?.status()).toBe(status);
  return response;
}

/** Allow one status for one path (and nothing else) in this page's browser-error check. */
export function expectStatus(page: Page, path: string, status: number) {
  const problems = watchers.get(page.context());
  if (!problems) throw new Error("This page's browser context is not watched: open it with the page or newPage fixture");
  problems.allowances.push({ path: pagePath(path), status });
}

// ── Signing in ──

// The app accepts each time step's code once per user, and codes from one step either side of now. The journeys
// that sign in through the two-factor page each use their own user, so remembering the steps used in this worker is enough.
const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
const usedSteps = new Map<string, number>();
export const markTotpStepUsed = (email: string, step: number) => usedSteps.set(email, Math.max(step, usedSteps.get(email) ?? -Infinity));

/** A step whose code this user has not used: the previous, current or next one, else wait for the next step to begin. */
async function unusedStep(email: string): Promise<number> {
  for (;;) {
    const now = Date.now();
    const step = totpStep(now);
    const last = usedSteps.get(email) ?? -Infinity;
    // The previous step's code only while there is time to submit it before it falls out of the window.
    const candidates = (now % PERIOD_MS < PERIOD_MS - 5000 ? [step - 1] : []).concat([step, step + 1]);
    const free = candidates.find((s) => s > last);
    if (free !== undefined) return free;
    await new Promise((resolve) => setTimeout(resolve, (last - step) * PERIOD_MS + PERIOD_MS - (now % PERIOD_MS) + 200));
  }
}

/** On the "Enter your security code" page: enter a code not used before. */
export async function enterSecurityCode(page: Page, email: string, secret: string) {
  const step = await unusedStep(email);
  markTotpStepUsed(email, step);
  await page.getByLabel("Security code").fill(totpCodeForStep(secret, step));
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Sign in through the sign-in page (and the two-factor page when a secret is given), as a person would. */
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

type AppSessions = { cookieFor: (email: string) => Promise<{ name: string; value: string }> };

type Fixtures = {
  /** Signed in as a demo user (on `page`, or the page given), on the home page. */
  signInAs: (role: DemoRole, on?: Page) => Promise<void>;
  /** A page in a browser context of its own (another person, or other options), watched for browser errors. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  browserProblems: BrowserProblems;
};

export const test = base.extend<Fixtures, { appSessions: AppSessions }>({
  // Journeys that are not about signing in start their session the way the sign-in page does, in the server's
  // database with its cookie secret: no sign-in form, no two-factor code. The sign-in journeys use signIn.
  appSessions: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      Object.assign(process.env, e2eServerEnv);
      const { db } = await import("../../app/utils/db.server");
      const { startAuthSession } = await import("../../app/utils/auth.server");
      await use({
        async cookieFor(email) {
          const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, roles: { select: { role: true } } } });
          const setCookie = await startAuthSession(
            user.id,
            user.roles.map((r) => r.role),
            { ip: "127.0.0.1", userAgent: "Playwright" },
          );
          const [name, value] = setCookie.split(";")[0].split(/=(.*)/s);
          return { name, value };
        },
      });
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  browserProblems: [
    async ({ context, javaScriptEnabled }, use) => {
      const problems = new BrowserProblems();
      problems.watchContext(context, javaScriptEnabled !== false);
      await use(problems);
      expect(problems.found, "console errors and failed requests on the pages this test opened").toEqual([]);
    },
    { auto: true },
  ],
  newPage: async ({ browser, browserProblems }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      browserProblems.watchContext(context, options?.javaScriptEnabled !== false);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  signInAs: async ({ page, appSessions, baseURL }, use) => {
    await use(async (role, on = page) => {
      const cookie = await appSessions.cookieFor(demoEmail(role));
      await on.context().addCookies([{ ...cookie, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
      await on.goto("/");
      await expect(on.getByRole("heading", { level: 1 })).toContainText("Welcome");
    });
  },
});

export { expect };
