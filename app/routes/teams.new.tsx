import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TEAM_FIELD_ORDER, TeamFields } from "~/components/forms/TeamFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { createTeam, facilitatorOptions } from "~/models/teams.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { teamSchema } from "~/forms/reference.server";

export const handle = { title: "Add a team" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "team:manage");
  return { facilitators: await facilitatorOptions() };
}

export const action = /* @__PURE__ */ formAction("team:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, teamSchema);
  if (!parsed.ok) return parsed.reply;
  const team = await createTeam(actor, parsed.value, requestMeta(request));
  return redirectWithMessage("/teams", `${team.name} added`);
});

export default function NewTeam() {
  const { facilitators } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TEAM_FIELD_ORDER);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/teams">Back to teams</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Add a team</h1>
        <Form method="post" noValidate>
          <TeamFields form={form} saved={{}} facilitators={facilitators} />
          <Button>Add team</Button>
        </Form>
      </div>
    </div>
  );
}
