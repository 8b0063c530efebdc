import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TEAM_FIELD_ORDER, TeamFields } from "~/components/forms/TeamFields";
import { BackLink, Button, ErrorSummary } from "~/components/govuk";
import { getTeam, teamEditPage, updateTeam } from "~/models/teams.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { teamSchema } from "~/forms/reference.server";

export const handle = { title: (data: { team: { name: string } } | undefined) => `Edit ${data?.team.name ?? "team"}` };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "team:manage");
  const page = await teamEditPage(idParam(params.teamId));
  invariantResponse(page, "Team not found");
  return page;
}

export const action = /* @__PURE__ */ formAction("team:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.teamId);
  invariantResponse(await getTeam(id), "Team not found");
  const parsed = parseForm(formData, teamSchema);
  if (!parsed.ok) return parsed.reply;
  await updateTeam(actor, id, parsed.value, requestMeta(request));
  return redirectWithMessage("/teams", "Team updated");
});

export default function EditTeam() {
  const { team, facilitators } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), TEAM_FIELD_ORDER);
  // A member who has since lost the facilitator role still shows, so saving does not silently drop them unnoticed.
  const listed = [...facilitators, ...team.members.map((m) => m.user).filter((u) => !facilitators.some((f) => f.id === u.id))];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/teams">Back to teams</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Edit {team.name}</h1>
        <Form method="post" noValidate>
          <TeamFields form={form} saved={{ ...team, memberIds: team.members.map((m) => m.user.id) }} facilitators={listed} />
          <Button>Save changes</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/teams/${team.id}/feed`}>
            Calendar feed<span className="govuk-visually-hidden"> for {team.name}</span>
          </a>{" "}
          for the team's phones
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/teams/${team.id}/calendars`}>
            Busy calendars<span className="govuk-visually-hidden"> of {team.name}</span>
          </a>{" "}
          (the team's own diary, read as busy time)
        </p>
      </div>
    </div>
  );
}
