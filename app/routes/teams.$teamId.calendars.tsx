import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExternalCalendars } from "~/components/calendars/ExternalCalendars";
import { EXTERNAL_CALENDAR_FIELD_ORDER } from "~/forms/external-calendars";
import { getTeam } from "~/models/teams.server";
import { requireUserWith } from "~/utils/auth.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { formAction } from "~/web/errors.server";
import { externalCalendarsAction, externalCalendarsPageData } from "~/web/external-calendar-routes.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Busy calendars" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "team:manage");
  const team = await getTeam(idParam(params.teamId));
  invariantResponse(team, "Team not found");
  return { team: { id: team.id, name: team.name }, calendars: await externalCalendarsPageData({ teamId: team.id }) };
}

export const action = /* @__PURE__ */ formAction("team:manage", async ({ request, params, user, formData }) => {
  const teamId = idParam(params.teamId);
  return externalCalendarsAction(request, user, formData, { teamId }, `/teams/${teamId}/calendars`);
});

export default function TeamCalendars() {
  const { team, calendars } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), EXTERNAL_CALENDAR_FIELD_ORDER);
  return <ExternalCalendars name={team.name} whose="the team's" backHref={`/teams/${team.id}/edit`} calendars={calendars} form={form} />;
}
