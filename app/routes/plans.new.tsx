// Ask for a plan: programme, teams, range, schools, target and limits. The solver runs in a worker thread; the
// version's page shows its progress.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Select } from "~/components/govuk";
import { PlanRequestFields } from "~/components/plans/PlanRequestFields";
import { askForPlan, newPlanPage } from "~/models/plan-pages.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { PLAN_FIELD_ORDER } from "~/forms/plans";
import { planRequestSchema } from "~/forms/plans.server";
import { recordId } from "~/utils/form-fields";

export const handle = { title: "Plan a tour" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "plan:create");
  const programme = recordId("").safeParse(new URL(request.url).searchParams.get("programme") ?? "");
  return newPlanPage(programme.success ? programme.data : undefined);
}

export const action = /* @__PURE__ */ formAction("plan:create", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, planRequestSchema);
  if (!parsed.ok) return parsed.reply;
  const { planId } = await askForPlan(actor, parsed.value, requestMeta(request));
  return redirect(`/plans/${planId}`);
});

export default function NewPlan() {
  const page = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), PLAN_FIELD_ORDER, { from: "from-day", to: "to-day" });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/plans">Back to tour plans</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Plan a tour</h1>
        <form method="get" className="govuk-!-margin-bottom-6">
          <Select
            id="programme"
            name="programme"
            label="Programme"
            hint="Choose the programme first: the schools listed below are the ones it is for"
            options={page.programmes.map((p) => ({ value: p.id, text: p.name }))}
            defaultValue={page.programmeId}
          />
          <Button variant="secondary">Show its schools</Button>
        </form>
        {page.term ? <p className="govuk-body">The dates are filled in for the {page.term}.</p> : null}
        <Form method="post" noValidate>
          <PlanRequestFields form={form} defaults={page.defaults} teams={page.teams} suggested={page.suggested} others={page.others} />
          <Button>Make the plan</Button>
        </Form>
      </div>
    </div>
  );
}
