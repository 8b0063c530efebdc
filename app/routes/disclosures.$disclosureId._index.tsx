import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, ErrorSummary, InsetText, SummaryList, Table, Tag } from "~/components/govuk";
import { AddendumForm, CompleteActionForm, NewActionForm, UpdateForm } from "~/components/disclosures/RecordForms";
import { RiskTag, StatusTag } from "~/components/disclosures/tags";
import { DATE_TARGETS } from "~/forms/disclosures";
import { recordActionSchema } from "~/forms/disclosures.server";
import { AGE_BAND_LABELS, REFERRAL_LABELS, SEX_LABELS, UNLINKED_LABELS, yearGroupLabel } from "~/models/disclosure-options";
import {
  addAddendum,
  addFollowUpAction,
  completeFollowUpAction,
  disclosureRecordPage,
  updateDisclosure,
} from "~/models/disclosures.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction, throwHttpError } from "~/web/errors.server";
import { idParam, noStoreHeaders } from "~/utils/http.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { formatDate, formatDateTime } from "~/utils/time";

export const handle = {
  title: (data: { disclosure: { reference: string } } | undefined) => (data ? `Disclosure ${data.disclosure.reference}` : "Disclosure"),
};

export const headers = noStoreHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return disclosureRecordPage(user, idParam(params.disclosureId), requestMeta(request)).catch(throwHttpError);
}

const MESSAGES = { addendum: "Addendum added", update: "Changes saved", action: "Action added", complete: "Action marked as done" };

export const action = /* @__PURE__ */ formAction("disclosure:read", async ({ request, params, user, formData }) => {
  const id = idParam(params.disclosureId);
  const parsed = parseForm(formData, recordActionSchema);
  if (!parsed.ok) return parsed.reply;
  const { value } = parsed;
  const meta = requestMeta(request);
  if (value.intent === "addendum") await addAddendum(user, id, value, meta);
  else if (value.intent === "update") await updateDisclosure(user, id, value, meta);
  else if (value.intent === "action") await addFollowUpAction(user, id, value, meta);
  else await completeFollowUpAction(user, id, value, meta);
  return redirectWithMessage(`/disclosures/${id}`, MESSAGES[value.intent]);
});

const yesNo = (v: boolean | null) => (v === null ? "Not known" : v ? "Yes" : "No");

export default function DisclosureRecord() {
  const { disclosure: d, options } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const replyFor = (intent: string) => (reply?.values?.intent === intent ? reply : undefined);
  const all = useFormReply(reply, [], DATE_TARGETS);
  const forms = {
    addendum: useFormReply(replyFor("addendum")),
    update: useFormReply(replyFor("update")),
    action: useFormReply(replyFor("action")),
    complete: useFormReply(replyFor("complete")),
  };
  const where = d.session
    ? `${d.session.venue.name}: ${d.session.programme.name}, ${formatDateTime(new Date(d.session.startsAt))} (${d.session.team.name})`
    : `Not at a session: ${UNLINKED_LABELS[d.unlinkedContext as keyof typeof UNLINKED_LABELS]?.toLowerCase() ?? "not recorded"}`;
  return (
    <>
      <BackLink href="/disclosures">Back to disclosures</BackLink>
      <ErrorSummary errors={all.summary} description={all.formError} />
      <span className="govuk-caption-l">Safeguarding record</span>
      <h1 className="govuk-heading-l">Disclosure {d.reference}</h1>
      <p className="govuk-body">
        <RiskTag risk={d.risk} /> <StatusTag status={d.status} /> {d.legalHold ? <Tag colour="purple">Legal hold</Tag> : null}
      </p>
      <SummaryList
        rows={[
          { key: "Disclosed", value: formatDateTime(new Date(d.disclosedAt)) },
          { key: "Where", value: where },
          {
            key: "Received by",
            value: [
              d.receivedBy.name,
              d.supportWorkerName && `with ${d.supportWorkerName}${d.supportWorkerOrganisation ? ` (${d.supportWorkerOrganisation})` : ""}`,
            ]
              .filter(Boolean)
              .join(" "),
          },
          {
            key: "Young person",
            value: [
              d.yearGroup && yearGroupLabel(d.yearGroup),
              d.ageBand && `aged ${AGE_BAND_LABELS[d.ageBand as keyof typeof AGE_BAND_LABELS]?.toLowerCase()}`,
              d.sex && SEX_LABELS[d.sex as keyof typeof SEX_LABELS],
            ]
              .filter(Boolean)
              .join(", "),
          },
          { key: "Attends the venue school", value: yesNo(d.attendsVenueSchool) },
          { key: "Concerns", value: d.categories.map((c) => c.label).join(", ") },
          {
            key: "Referral",
            value: d.referralTo
              ? `${REFERRAL_LABELS[d.referralTo as keyof typeof REFERRAL_LABELS]}${d.referralAt ? `, ${formatDateTime(new Date(d.referralAt))}` : ""}${d.referralReference ? `, reference ${d.referralReference}` : ""}`
              : "No referral yet",
          },
          { key: "Keep until", value: d.retainUntil ? formatDate(d.retainUntil) : "Not set" },
        ]}
      />
      <p className="govuk-body">
        <a className="govuk-link" href={`/disclosures/${d.id}/audit`}>
          Who has read or changed this record
        </a>
      </p>
      <h2 className="govuk-heading-m">What the young person said</h2>
      <p className="govuk-hint">
        The original account, as logged on {formatDateTime(new Date(d.createdAt))}. It cannot be changed: add an addendum instead.
      </p>
      <InsetText className="app-preserve-lines">{d.account}</InsetText>
      <h2 className="govuk-heading-m">What was done straight away</h2>
      <InsetText className="app-preserve-lines">{d.immediateAction ?? "Nothing recorded"}</InsetText>
      <h2 className="govuk-heading-m">Addenda</h2>
      {d.addenda.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        d.addenda.map((a) => (
          <div key={a.id} className="govuk-!-margin-bottom-6">
            <h3 className="govuk-heading-s">
              {formatDateTime(new Date(a.createdAt))}, {a.author.name}: {a.reason}
            </h3>
            <InsetText className="app-preserve-lines">{a.text}</InsetText>
          </div>
        ))
      )}
      <AddendumForm form={forms.addendum} />
      <h2 className="govuk-heading-m">Follow-up actions</h2>
      <Table
        head={[{ text: "Action" }, { text: "Owner" }, { text: "Due" }, { text: "Done" }, { text: "Outcome" }]}
        rows={d.actions.map((a) => ({
          key: a.id,
          cells: [
            { text: a.description },
            { text: a.owner.name },
            {
              text: (
                <>
                  {formatDate(a.dueDate)} {a.overdue ? <Tag colour="red">Overdue</Tag> : null}
                </>
              ),
            },
            { text: a.doneDate ? formatDate(a.doneDate) : "Not yet" },
            { text: a.outcome ?? "" },
          ],
        }))}
      />
      <h3 className="govuk-heading-s">Add an action</h3>
      <NewActionForm form={forms.action} leads={options.leads} />
      <CompleteActionForm form={forms.complete} open={d.actions.filter((a) => !a.doneDate)} />
      <h2 className="govuk-heading-m">Change risk, status, concerns, referral or legal hold</h2>
      <UpdateForm form={forms.update} d={d} categories={options.categories} />
      <h2 className="govuk-heading-m">Chronology</h2>
      <Table
        head={[{ text: "When" }, { text: "Who" }, { text: "What changed" }, { text: "From" }, { text: "To" }]}
        rows={d.changes.map((c) => ({
          key: c.id,
          cells: [
            { text: formatDateTime(new Date(c.at)) },
            { text: c.actor.name },
            { text: c.field },
            { text: c.oldValue ?? "—" },
            { text: c.newValue ?? "—" },
          ],
        }))}
      />
    </>
  );
}
