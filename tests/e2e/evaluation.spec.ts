import { e2eServerEnv } from "./server-env";
import { expect, expectNoAxeViolations, gotoExpectingStatus, test } from "./fixtures";

const MARKER = "KESTREL-E2E-3318";

/** The demo play's latest delivered performance: the demo leaves its questionnaire open (prisma/seed.ts). */
async function openDemoSession() {
  Object.assign(process.env, e2eServerEnv);
  const { db } = await import("../../app/utils/db.server");
  const run = await db.questionnaireRun.findFirstOrThrow({
    where: { session: { programme: { name: "Somebody's Daughter" } } },
    orderBy: { closesOn: "desc" },
    select: { sessionId: true, session: { select: { programmeId: true } } },
  });
  return { sessionId: run.sessionId, programmeId: run.session.programmeId };
}

test("a coordinator sets the questionnaire, a pupil answers on a phone without JavaScript, a lead logs the free text as a disclosure, a manager sees results only", async ({
  newPage,
  signInAs,
}) => {
  // Four people's browsers and axe on every page: longer than most journeys on a busy machine.
  test.setTimeout(600_000);
  const { sessionId, programmeId } = await openDemoSession();
  const pageFor = async (role: Parameters<typeof signInAs>[0]) => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signInAs(role, page);
    return page;
  };

  // ── Coordinator: a new version of the questions, then the session's code and poster ──
  const coordinator = await pageFor("coordinator");
  await coordinator.goto(`/programmes/${programmeId}`);
  await coordinator.getByRole("link", { name: "Evaluation questionnaire" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("Evaluation questionnaire");
  await expectNoAxeViolations(coordinator);
  const slot8 = coordinator.getByRole("group", { name: "Question 8" });
  await slot8.getByLabel("Wording").fill("What will you do if a friend is in trouble?");
  await slot8.getByLabel("Type of question").selectOption("CHOICE");
  await slot8.getByLabel("Choices (one from a list only)").fill("Tell a teacher\nTell a parent or carer\nCall Childline");
  await coordinator.getByRole("button", { name: "Save as a new version" }).click();
  await expect(coordinator.locator(".govuk-notification-banner")).toContainText(/Questionnaire saved as version \d+/);
  await expectNoAxeViolations(coordinator);

  await coordinator.goto(`/sessions/${sessionId}`);
  await coordinator.getByRole("button", { name: "Questionnaire", exact: true }).click();
  await expect(coordinator.getByRole("img", { name: /QR code for/ })).toBeVisible();
  await expectNoAxeViolations(coordinator);
  const link = (await coordinator.locator(".govuk-summary-list__row", { hasText: "Address" }).locator("dd").textContent())!.trim();
  expect(link).toMatch(/\/q\/[2-9A-HJ-NP-Z]{6}$/);
  await coordinator.getByRole("link", { name: "Print a poster with the QR code" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toContainText("Tell us on your phone");
  await expectNoAxeViolations(coordinator);

  // ── Pupils' pages checked with axe on a phone (axe needs script, so this phone has JavaScript on) ──
  const answerAll = async (page: typeof coordinator) => {
    const groups = page.locator("fieldset:has(.govuk-radios)");
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).locator(".govuk-radios__label").first().click();
  };
  const checker = await newPage({ viewport: { width: 390, height: 844 } });
  await checker.goto(new URL(link).pathname);
  await expectNoAxeViolations(checker);
  await checker.getByRole("button", { name: "Send my answers" }).click();
  await expect(checker).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(checker);
  await answerAll(checker);
  await checker.getByRole("button", { name: "Send my answers" }).click();
  await expect(checker.locator(".govuk-panel__title")).toHaveText("Thank you");
  await expectNoAxeViolations(checker);
  await gotoExpectingStatus(checker, "/q/ZZZZZZ", 404);
  await expect(checker.getByRole("heading", { level: 1 })).toHaveText("We cannot find that questionnaire");
  await expectNoAxeViolations(checker);

  // ── A pupil: phone-sized, JavaScript off, no account, from the QR code's link ──
  const phone = await newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("What do you think?");
  await expect(phone.getByText("0800 1111")).toBeVisible();
  expect(await phone.context().cookies()).toEqual([]);

  // Sending nothing: a GOV.UK error summary, nothing saved.
  await phone.getByRole("button", { name: "Send my answers" }).click();
  await expect(phone).toHaveTitle(/^Error: /);
  await expect(phone.locator(".govuk-error-summary")).toContainText("Select an answer");

  await answerAll(phone);
  await phone
    .getByLabel("Is there anything else you want to tell us?")
    .fill(`Someone older keeps asking me to meet him and not tell anyone ${MARKER}`);
  await phone.getByRole("button", { name: "Send my answers" }).click();
  await expect(phone.locator(".govuk-panel__title")).toHaveText("Thank you");
  await expect(phone.getByText("0800 1111")).toBeVisible();
  // The only cookie is the "answered" note, and a second go from the same phone is refused politely.
  expect((await phone.context().cookies()).map((c) => [c.name, c.httpOnly])).toEqual([
    [`answered-${new URL(link).pathname.split("/").pop()!.toLowerCase()}-retrospective`, true],
  ]);
  await phone.goto(new URL(link).pathname);
  await expect(phone.getByText("This phone has already answered this questionnaire")).toBeVisible();

  // ── Lead: reads the free text (audited) and logs it as a disclosure ──
  const lead = await pageFor("lead");
  await lead.goto("/evaluation/free-text");
  await expectNoAxeViolations(lead);
  await lead
    .getByRole("row", { name: new RegExp(MARKER) })
    .getByRole("link", { name: /^Open/ })
    .click();
  await expect(lead.getByRole("heading", { level: 1 })).toHaveText("Free-text answer");
  await expectNoAxeViolations(lead);
  await lead.getByRole("radio", { name: "High" }).check();
  await lead.getByRole("checkbox", { name: "Child sexual exploitation" }).check();
  await lead.getByRole("button", { name: "Log as a disclosure" }).click();
  await expect(lead.locator(".govuk-notification-banner")).toContainText(/Logged as disclosure D-\d{4}-/);
  await expect(lead.getByText(MARKER)).toBeVisible();

  // ── Manager: results with the chart and table, counts of free text only ──
  const manager = await pageFor("manager");
  await manager.goto(`/evaluation?programme=${programmeId}`);
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Evaluation results");
  await expect(manager.getByRole("table", { name: "Answered online" })).toBeVisible();
  await expect(manager.locator(".govuk-summary-list__row", { hasText: "Free-text answers" })).toContainText(
    "read only by safeguarding leads",
  );
  expect(await manager.content()).not.toContain(MARKER);
  await expectNoAxeViolations(manager);
  await gotoExpectingStatus(manager, "/evaluation/free-text", 403);
});
