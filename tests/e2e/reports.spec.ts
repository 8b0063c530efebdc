import { readFile } from "node:fs/promises";
import { parseCsv } from "../../app/utils/csv.server";
import { expect, expectNoAxeViolations, gotoExpectingStatus, test } from "./fixtures";

test("a manager reads reach for a period, finds schools not yet reached, and downloads the quarterly report", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reach: academic year");
  await expect(page.locator("main")).toContainText("Pupils reached");
  // The demo's targets, with their progress, whatever period is chosen.
  const targets = page.getByRole("table", { name: "Targets running today, with their progress so far" });
  await expect(targets).toContainText("of 4,000");
  await expect(targets).toContainText("Schools and colleges covered");
  // The demo's disclosures after sessions are each a small group: a manager sees them suppressed.
  await expect(page.getByRole("table", { name: "Disclosures by risk" })).toContainText("fewer than 5");
  // Charts drawn on the server: images named by their title and description, with the figures in a table beneath.
  await expect(page.getByRole("img", { name: /^Pupils reached per month/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Schools and colleges covered/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pupils reached per month: the figures" })).toBeVisible();
  // Each figure beside the same period a year earlier, and a forecast for each target.
  await expect(page.locator("main")).toContainText(/Pupils reached[\s\S]*; [\d,]+ in \d{4}\/\d{2}/);
  await expect(targets).toContainText("With the sessions booked,");
  await expectNoAxeViolations(page);

  await page.getByText("Change the period or programme").click();
  await page.getByRole("radio", { name: "This financial year (1 April to 31 March)" }).check();
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reach: financial year");
  await expect(page).toHaveURL(/period=financial-year/);
  await expectNoAxeViolations(page);

  await page.getByText("Change the period or programme").click();
  await page.getByRole("radio", { name: "Dates I choose" }).check();
  await page.locator("#from-day").fill("31");
  await page.locator("#from-month").fill("2");
  await page.locator("#from-year").fill("2026");
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page.locator(".govuk-inset-text")).toContainText("The start and end dates must be real dates");
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /^\d+ of \d+/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Schools covered");
  await expectNoAxeViolations(page);
  await page.getByText("Change the period or programme").click();
  await page.getByRole("radio", { name: "Not covered and nothing booked" }).check();
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/show=not-booked/);
  await expect(page.locator("caption")).toContainText("not covered and nothing booked");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Back to reach" }).click();
  await page.getByRole("link", { name: "Quarterly report for commissioners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Quarterly report \d{4}-\d{2}$/);
  await expect(page.getByRole("columnheader", { name: /Year to date/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Sessions delivered by kind/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Disclosures per 1,000 pupils reached/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^outreach-quarterly-\d{4}-\d{2}\.csv$/);
  const rows = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(rows[0][0]).toBe("Measure");
  expect(
    rows
      .find((r) => r[0] === "Pupils reached")
      ?.slice(1)
      .every((cell) => /^\d+$/.test(cell)),
  ).toBe(true);
  const disclosures = rows.find((r) => r[0] === "Disclosures at or after sessions")!.slice(1);
  expect(disclosures.filter((cell) => /^[1-4]$/.test(cell))).toEqual([]);

  // What happened after disclosures, for the Board: figures only, small counts suppressed, no way to a record.
  await page.getByRole("link", { name: "After disclosures, for the Safeguarding Board" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^After disclosures \d{4}-\d{2}$/);
  await expect(page.getByRole("table", { name: "Referrals made, and to whom" })).toBeVisible();
  await expect(page.locator("main a[href^='/disclosures/']")).toHaveCount(0);
  for (const cell of await page.locator("main td").allTextContents()) expect(cell.trim()).not.toMatch(/^[1-4]$/);
  await expectNoAxeViolations(page);
});

test("a manager switches to last year, opens the annual review, downloads its PDF and CSV, and reaches no disclosure record", async ({
  page,
  signInAs,
}) => {
  await signInAs("manager");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reach: academic year");
  await expectNoAxeViolations(page);

  await page.getByText("Change the period or programme").click();
  await page.getByRole("radio", { name: "Last academic year" }).check();
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/period=last-academic-year/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Reach: academic year");
  await expect(page.getByRole("img", { name: /^Pupils reached per month/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Annual review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Annual review \d{4}\/\d{2}$/);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Headline figures" })).toContainText("Pupils reached");
  await expect(page.getByRole("img", { name: /^Disclosures by risk/ })).toBeVisible();
  await expect(page.locator("main a[href^='/disclosures']")).toHaveCount(0);
  for (const cell of await page.getByRole("table", { name: "Disclosures by risk" }).locator("td").allTextContents())
    expect(cell.trim()).not.toMatch(/^[1-4]$/);
  await expectNoAxeViolations(page);

  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download this review as a PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^outreach-annual-review-academic-\d{4}-\d{2}\.pdf$/);
  const bytes = await readFile((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download this review as CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^outreach-annual-review-academic-\d{4}-\d{2}\.csv$/);
  const rows = parseCsv((await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, ""));
  const risk = rows.findIndex((r) => r[0] === "Disclosures by risk");
  expect(risk).toBeGreaterThan(0);
  for (const r of rows.slice(risk + 2, risk + 6)) expect(r.slice(1).filter((cell) => /^[1-4]$/.test(cell))).toEqual([]);

  await page.getByRole("link", { name: "Public version" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Annual review \(public version\) \d{4}\/\d{2}$/);
  await expect(page.getByRole("columnheader", { name: "Disclosures" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A manager holds no disclosure:read: the log and any record are refused.
  await gotoExpectingStatus(page, "/disclosures", 403);
});
