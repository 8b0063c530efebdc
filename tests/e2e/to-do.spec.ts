import { expect, expectNoAxeViolations, test } from "./fixtures";

const figure = async (page: import("@playwright/test").Page, label: string) =>
  Number((await page.getByTestId(`figure-${label}`).innerText()).replace(/,/g, ""));

// The coordinator's home page is a to-do list: each booking figure opens the list it counts, with its action.
test("a coordinator works through the to-do list from the home page", async ({ page, signInAs }) => {
  await signInAs("coordinator");
  await page.goto("/");
  await expectNoAxeViolations(page);

  // Provisional sessions to invite: the list holds what the figure counts; filter by team (a GET form), invite all.
  const toInvite = await figure(page, "Provisional sessions to invite");
  expect(toInvite).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Provisional sessions to invite" }).click();
  await expect(page).toHaveTitle("Provisional sessions to invite – Outreach");
  await expect(page.locator("caption")).toContainText(`${toInvite} ${toInvite === 1 ? "session" : "sessions"} to invite`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Team").selectOption({ label: "Open Door touring company" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/team=/);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: /^Invite all/ }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(/[1-9]\d* invitations? sent\./);
  await expect(page).toHaveURL(/team=/);
  await expect(page.locator("caption")).toHaveText(/^0 sessions to invite/);
  await expectNoAxeViolations(page);

  // Invitations awaiting a reply: the venues just invited are here; "chase" sends one a reminder with a new link.
  await page.goto("/");
  const awaiting = await figure(page, "Invitations awaiting a reply");
  await page.getByRole("link", { name: "Invitations awaiting a reply" }).click();
  await expect(page).toHaveTitle("Invitations awaiting a reply – Outreach");
  await expect(page.locator("caption")).toContainText(`${awaiting} ${awaiting === 1 ? "session" : "sessions"} awaiting a reply`);
  await expectNoAxeViolations(page);
  await page
    .getByRole("button", { name: /^Chase (?!all)/ })
    .first()
    .click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Reminder to reply sent to");
  await expectNoAxeViolations(page);

  // Sessions awaiting attendance: each row leads to the attendance form.
  await page.goto("/");
  await page.getByRole("link", { name: "Sessions awaiting attendance" }).click();
  await expect(page).toHaveTitle("Sessions awaiting attendance – Outreach");
  await expectNoAxeViolations(page);
  await page
    .getByRole("link", { name: /^Record attendance/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+\/attendance$/);
});
