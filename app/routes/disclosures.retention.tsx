import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Pagination, Table, TextInput, WarningText } from "~/components/govuk";
import { retentionDeleteSchema } from "~/forms/disclosures.server";
import { REFERRAL_LABELS } from "~/models/disclosure-options";
import { deleteAfterRetention, listPastRetention } from "~/models/disclosure-retention.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { throwHttpError } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { noStoreHeaders, pageFromUrl } from "~/utils/http.server";
import { formatDate } from "~/utils/time";

export const handle = { title: "Records past retention" };

export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return listPastRetention(user, { page: pageFromUrl(request) }, requestMeta(request)).catch(throwHttpError);
}

export const action = /* @__PURE__ */ formAction("disclosure:read", async ({ request, user, formData }) => {
  const parsed = parseForm(formData, retentionDeleteSchema);
  if (!parsed.ok) return parsed.reply;
  const { reference } = await deleteAfterRetention(user, parsed.value.reference, requestMeta(request));
  return redirectWithMessage("/disclosures/retention", `${reference} deleted`);
});

export default function Retention() {
  const page = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["reference"]);
  return (
    <>
      <BackLink href="/disclosures">Back to disclosures</BackLink>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <h1 className="govuk-heading-l">Records past retention</h1>
      <p className="govuk-body">
        These records have passed the date they must be kept until. {page.onLegalHold} more {page.onLegalHold === 1 ? "is" : "are"} on legal
        hold and will be kept.
      </p>
      <Table
        caption={`${page.total} ${page.total === 1 ? "record" : "records"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "Reference" }, { text: "Disclosed" }, { text: "Referred to" }, { text: "Keep until" }]}
        rows={page.items.map((d) => ({
          key: d.id,
          cells: [
            {
              text: (
                <a className="govuk-link" href={`/disclosures/${d.id}`}>
                  {d.reference}
                </a>
              ),
            },
            { text: formatDate(new Date(d.disclosedAt)) },
            { text: d.referralTo ? REFERRAL_LABELS[d.referralTo as keyof typeof REFERRAL_LABELS] : "No referral" },
            { text: d.retainUntil ? formatDate(d.retainUntil) : "" },
          ],
        }))}
      />
      <Pagination page={page.page} pageCount={page.pageCount} hrefForPage={(p) => `?page=${p}`} />
      <h2 className="govuk-heading-m">Delete a record</h2>
      <WarningText>
        Deleting removes the record, its addenda, actions and chronology for good. The audit log keeps that you deleted it.
      </WarningText>
      <Form method="post" noValidate>
        <TextInput
          {...form.field("reference")}
          label="Type the reference of the record to delete"
          hint="For example, D-2026-ABC234"
          className="govuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
        />
        <Button variant="warning">Delete record</Button>
      </Form>
    </>
  );
}
