import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackLink, Button, SummaryList, Tag } from "~/components/govuk";
import { getProgramme, setProgrammeArchived } from "~/models/programmes.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { AUDIENCE_LABELS, PROGRAMME_KIND_LABELS } from "~/forms/reference";
import { programmeActionSchema } from "~/forms/reference.server";

export const handle = { title: (data: { programme: { name: string } } | undefined) => data?.programme.name ?? "Programme" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "programme:read");
  const programme = await getProgramme(idParam(params.programmeId));
  invariantResponse(programme, "Programme not found");
  return { programme, canManage: can(user.roles, "programme:manage") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "programme:manage");
  const id = idParam(params.programmeId);
  invariantResponse(await getProgramme(id), "Programme not found");
  const parsed = parseForm(await request.formData(), programmeActionSchema);
  if (!parsed.ok) return parsed.reply;
  const archive = parsed.value.intent === "archive";
  await setProgrammeArchived(actor, id, archive, requestMeta(request));
  return redirectWithMessage(`/programmes/${id}`, archive ? "Programme archived: it can no longer be booked" : "Programme restored");
}

const minutes = (n: number | null) => (n == null ? "Not set" : `${n} minutes`);

export default function Programme() {
  const { programme: p, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/programmes">Back to programmes</BackLink>
        <span className="govuk-caption-l">{PROGRAMME_KIND_LABELS[p.kind]}</span>
        <h1 className="govuk-heading-l">{p.name}</h1>
        {p.archivedAt ? (
          <p className="govuk-body">
            <Tag colour="grey">Archived</Tag>
          </p>
        ) : null}
        <SummaryList
          rows={[
            { key: "Provider", value: p.provider ?? "Not set" },
            { key: "Audience", value: AUDIENCE_LABELS[p.audienceType] },
            ...(p.yearGroups
              ? [
                  {
                    key: "Year groups",
                    value: p.yearGroups
                      .split(",")
                      .map((y) => `Year ${y}`)
                      .join(", "),
                  },
                ]
              : []),
            { key: "Description", value: p.description ?? "None" },
            { key: "Default duration", value: minutes(p.defaultDurationMinutes) },
            { key: "Capacity per session", value: p.capacity == null ? "Not set" : `${p.capacity} people` },
            { key: "Get-in before", value: minutes(p.getInMinutes) },
            { key: "Get-out after", value: minutes(p.getOutMinutes) },
            { key: "Refresher period", value: p.refresherMonths == null ? "None" : `${p.refresherMonths} months` },
            { key: "Sessions booked", value: String(p._count.sessions) },
          ].map((row) =>
            canManage && !["Sessions booked"].includes(String(row.key))
              ? {
                  ...row,
                  actions: [{ href: `/programmes/${p.id}/edit`, text: "Change", visuallyHiddenText: String(row.key).toLowerCase() }],
                }
              : row,
          )}
        />
        {canManage ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`/programmes/${p.id}/questionnaire`}>
              Evaluation questionnaire
            </a>
          </p>
        ) : null}
        {canManage ? (
          <Form method="post">
            <input type="hidden" name="intent" value={p.archivedAt ? "restore" : "archive"} />
            {p.archivedAt ? (
              <Button variant="secondary">Restore programme</Button>
            ) : (
              <>
                <p className="govuk-body">Archiving stops new bookings. Sessions already booked and reports keep the programme.</p>
                <Button variant="warning">Archive programme</Button>
              </>
            )}
          </Form>
        ) : null}
      </div>
    </div>
  );
}
