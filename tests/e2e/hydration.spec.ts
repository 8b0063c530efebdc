// A click or key that comes before React has hydrated the page makes React 18 hydrate there and then, synchronously
// (app/entry.client.tsx). React's scheduler is held here, so its own first render waits for the test: without the
// page's data decoded before hydrateRoot, that click failed with "Root did not complete" (React error #345), which the
// browser-error check of every journey reports.
import { expect, test } from "./fixtures";

/** What the init script below adds to the page's window. */
type HeldScheduler = { heldSchedulerMessages: () => number; releaseScheduler: () => void };

test("a click before the page has hydrated hydrates it at once, without an error", async ({ page }) => {
  await page.addInitScript(() => {
    // React's scheduler runs its work from a MessageChannel message: hold those messages until the test lets them go.
    const RealMessageChannel = window.MessageChannel;
    const held: (() => void)[] = [];
    let holding = true;
    const w = window as unknown as HeldScheduler;
    w.heldSchedulerMessages = () => held.length;
    w.releaseScheduler = () => {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
    };
    window.MessageChannel = class {
      port1: MessagePort;
      port2: MessagePort;
      constructor() {
        const channel = new RealMessageChannel();
        this.port1 = channel.port1;
        this.port2 = channel.port2;
        const post = channel.port2.postMessage.bind(channel.port2) as (message: unknown) => void;
        channel.port2.postMessage = (message: unknown) => (holding ? held.push(() => post(message)) : post(message));
      }
    };
  });
  await page.goto("/sign-in");
  // hydrateRoot has run and asked the scheduler for its first render, which is held.
  await page.waitForFunction(() => (window as unknown as HeldScheduler).heldSchedulerMessages() > 0);
  expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);

  await page.getByLabel("Email address").click();
  // React hydrated in answer to the click, with its scheduler still held.
  expect(await page.evaluate(() => "__remixRouter" in window)).toBe(true);

  // And the page works as hydrated: the empty form is posted by Remix and answered with the GOV.UK error summary.
  await page.evaluate(() => (window as unknown as HeldScheduler).releaseScheduler());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("There is a problem");
});
