import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Checkboxes, ErrorMessage, ErrorSummary, Pagination, Select, Table, Tag, TextInput } from "~/components/govuk";
import { inviteToRefresher, listRefreshers, refresherOptions } from "~/models/refreshers.server";
import { inviteSchema, refresherFiltersSchema } from "~/forms/attendance.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { pageFromUrl, safeRedirectPath } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { formatDate } from "~/utils/time";

export const handle = { title: "Refreshers due" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "person:read");
  const search = new URL(request.url).searchParams;
  const f = refresherFiltersSchema.parse(Object.fromEntries(search));
  const filters = {
    withinDays: f.within,
    organisation: f.organisation || undefined,
    operatorId: f.operator || undefined,
    programmeId: f.programme || undefined,
  };
  const [due, options] = await Promise.all([
    listRefreshers({ page: pageFromUrl(request), filters }),
    refresherOptions(filters.programmeId),
  ]);
  return { due, options, filters: f, query: search.toString(), canInvite: can(user.roles, "register:manage") };
}

export const action = /* @__PURE__ */ formAction("register:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, inviteSchema);
  if (!parsed.ok) return parsed.reply;
  const result = await inviteToRefresher(actor, parsed.value, requestMeta(request));
  const message = `${result.invited} ${result.invited === 1 ? "person" : "people"} added to the register for ${result.programmeName}${result.alreadyOnRegister ? ` (${result.alreadyOnRegister} already on it)` : ""}`;
  return redirectWithMessage(safeRedirectPath(formData.get("back"), "/refreshers"), message);
});

export default function Refreshers() {
  const { due, options, filters, query, canInvite } = useLoaderData<typeof loader>();
  const checkboxId = (r: { personId: string; programmeId: string }) => `select-${r.personId}-${r.programmeId}`;
  // "Select at least one person" links to the first checkbox.
  const form = useFormReply(
    useActionData<typeof action>(),
    ["personIds", "sessionId"],
    due.items[0] ? { personIds: checkboxId(due.items[0]) } : {},
  );
  const pageHref = (p: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(p));
    return `?${params}`;
  };
  const csvParams = new URLSearchParams(query);
  csvParams.delete("page");
  return (
    <>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <h1 className="govuk-heading-l">Refreshers due</h1>
      <p className="govuk-body">
        People whose training is overdue or due by {formatDate(due.cutoff)}, worked out from the last session of each programme they
        attended.
      </p>
      <form method="get" role="search" className="govuk-!-margin-bottom-6">
        <TextInput
          name="within"
          label="Due within (days)"
          className="govuk-input--width-4"
          inputMode="numeric"
          defaultValue={filters.within}
        />
        <Select
          name="programme"
          label="Programme"
          defaultValue={filters.programme ?? ""}
          options={[{ value: "", text: "All programmes" }, ...options.programmes.map((p) => ({ value: p.id, text: p.name }))]}
        />
        <TextInput
          name="organisation"
          label="Organisation or employer contains"
          className="govuk-input--width-20"
          defaultValue={filters.organisation ?? ""}
        />
        <Select
          name="operator"
          label="Taxi operator"
          defaultValue={filters.operator ?? ""}
          options={[{ value: "", text: "All operators" }, ...options.operators.map((o) => ({ value: o.id, text: o.name }))]}
        />
        <div className="govuk-button-group">
          <Button variant="secondary">Filter</Button>
          <a className="govuk-link" href={`/refreshers.csv?${csvParams}`}>
            Download as CSV
          </a>
        </div>
      </form>
      <Form method="post" noValidate>
        <input type="hidden" name="back" value={`/refreshers?${query}`} />
        <div className={`govuk-form-group${form.error("personIds") ? " govuk-form-group--error" : ""}`}>
          {form.error("personIds") ? <ErrorMessage id="personIds-error">{form.error("personIds")}</ErrorMessage> : null}
          <Table
            caption={`${due.total.toLocaleString("en-GB")} ${due.total === 1 ? "refresher" : "refreshers"} due`}
            captionClassName="govuk-table__caption--m"
            head={[
              ...(canInvite ? [{ text: <span className="govuk-visually-hidden">Select</span> }] : []),
              { text: "Name" },
              { text: "Organisation or operator" },
              { text: "Programme" },
              { text: "Last attended" },
              { text: "Due" },
            ]}
            rows={due.items.map((r) => ({
              key: `${r.personId}-${r.programmeId}`,
              cells: [
                ...(canInvite
                  ? [
                      {
                        text: (
                          <Checkboxes
                            name="personIds"
                            small
                            formGroupClassName="govuk-!-margin-bottom-0"
                            defaultValues={form.values("personIds")}
                            items={[
                              {
                                id: checkboxId(r),
                                value: r.personId,
                                text: (
                                  <span className="govuk-visually-hidden">
                                    Select {r.name} ({r.programmeName})
                                  </span>
                                ),
                              },
                            ]}
                          />
                        ),
                      },
                    ]
                  : []),
                {
                  text: (
                    <a className="govuk-link" href={`/people/${r.personId}`}>
                      {r.name}
                    </a>
                  ),
                },
                { text: [r.organisation, r.operatorName].filter(Boolean).join(", ") },
                { text: r.programmeName },
                { text: formatDate(r.lastAttendedOn) },
                {
                  text: (
                    <>
                      {formatDate(r.dueOn)} {r.overdue ? <Tag colour="red">Overdue</Tag> : null}
                    </>
                  ),
                },
              ],
            }))}
          />
        </div>
        <Pagination page={due.page} pageCount={due.pageCount} hrefForPage={pageHref} />
        {canInvite && due.items.length ? (
          <>
            <Select
              name="sessionId"
              label="Invite the people you selected to"
              hint="They are added to the session's register as expected, and emailed if we have their address"
              error={form.error("sessionId")}
              defaultValue={form.value("sessionId")}
              options={[
                { value: "", text: options.upcomingSessions.length ? "Choose a session" : "No sessions to come" },
                ...options.upcomingSessions.map((s) => ({ value: s.id, text: s.text })),
              ]}
            />
            <Button>Invite to the session</Button>
          </>
        ) : null}
      </Form>
    </>
  );
}
