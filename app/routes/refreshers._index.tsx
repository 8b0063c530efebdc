import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, Pagination, Select, Tag } from "~/components/govuk";
import { inviteToRefresher, listRefreshers, refresherOptions } from "~/models/refreshers.server";
import { inviteSchema, refresherFiltersSchema } from "~/forms/attendance";
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

export const action = formAction("register:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, inviteSchema);
  if (!parsed.ok) return parsed.reply;
  const result = await inviteToRefresher(actor, parsed.value, requestMeta(request));
  const message = `${result.invited} ${result.invited === 1 ? "person" : "people"} added to the register for ${result.programmeName}${result.alreadyOnRegister ? ` (${result.alreadyOnRegister} already on it)` : ""}`;
  return redirectWithMessage(safeRedirectPath(formData.get("back"), "/refreshers"), message);
});

export default function Refreshers() {
  const { due, options, filters, query, canInvite } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["personIds", "sessionId"]);
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
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="within">
            Due within (days)
          </label>
          <input className="govuk-input govuk-input--width-4" id="within" name="within" inputMode="numeric" defaultValue={filters.within} />
        </div>
        <Select
          name="programme"
          label="Programme"
          defaultValue={filters.programme ?? ""}
          options={[{ value: "", text: "All programmes" }, ...options.programmes.map((p) => ({ value: p.id, text: p.name }))]}
        />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="organisation">
            Organisation or employer contains
          </label>
          <input
            className="govuk-input govuk-input--width-20"
            id="organisation"
            name="organisation"
            defaultValue={filters.organisation ?? ""}
          />
        </div>
        <Select
          name="operator"
          label="Taxi operator"
          defaultValue={filters.operator ?? ""}
          options={[{ value: "", text: "All operators" }, ...options.operators.map((o) => ({ value: o.id, text: o.name }))]}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Filter
          </button>
          <a className="govuk-link" href={`/refreshers.csv?${csvParams}`}>
            Download as CSV
          </a>
        </div>
      </form>
      <Form method="post" noValidate>
        <input type="hidden" name="back" value={`/refreshers?${query}`} />
        <div className={`govuk-form-group${form.error("personIds") ? " govuk-form-group--error" : ""}`}>
          <table className="govuk-table" id="personIds" tabIndex={-1}>
            <caption className="govuk-table__caption govuk-table__caption--m">
              {due.total.toLocaleString("en-GB")} {due.total === 1 ? "refresher" : "refreshers"} due
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {canInvite ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Select</span>
                  </th>
                ) : null}
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Organisation or operator
                </th>
                <th scope="col" className="govuk-table__header">
                  Programme
                </th>
                <th scope="col" className="govuk-table__header">
                  Last attended
                </th>
                <th scope="col" className="govuk-table__header">
                  Due
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {due.items.map((r) => (
                <tr className="govuk-table__row" key={`${r.personId}-${r.programmeId}`}>
                  {canInvite ? (
                    <td className="govuk-table__cell">
                      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                        <div className="govuk-checkboxes__item">
                          <input
                            className="govuk-checkboxes__input"
                            id={`select-${r.personId}-${r.programmeId}`}
                            name="personIds"
                            type="checkbox"
                            value={r.personId}
                          />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${r.personId}-${r.programmeId}`}>
                            <span className="govuk-visually-hidden">
                              Select {r.name} ({r.programmeName})
                            </span>
                          </label>
                        </div>
                      </div>
                    </td>
                  ) : null}
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/people/${r.personId}`}>
                      {r.name}
                    </a>
                  </td>
                  <td className="govuk-table__cell">{[r.organisation, r.operatorName].filter(Boolean).join(", ")}</td>
                  <td className="govuk-table__cell">{r.programmeName}</td>
                  <td className="govuk-table__cell">{formatDate(r.lastAttendedOn)}</td>
                  <td className="govuk-table__cell">
                    {formatDate(r.dueOn)} {r.overdue ? <Tag colour="red">Overdue</Tag> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {form.error("personIds") ? (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {form.error("personIds")}
            </p>
          ) : null}
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
