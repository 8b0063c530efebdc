// Emails that could not be sent, with the error and a retry button.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Pagination, Table } from "~/components/govuk";
import { listFailedMessages, retryMessage } from "~/models/outbox.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { pageFromUrl } from "~/utils/http.server";
import { devMailboxEnabled } from "~/utils/mail.server";
import { formatDateTime } from "~/utils/time";
import { retryEmailSchema } from "~/forms/outbox.server";

export const handle = { title: "Emails that failed" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "outbox:manage");
  return { failed: await listFailedMessages(pageFromUrl(request)), devMailbox: devMailboxEnabled() };
}

export const action = /* @__PURE__ */ formAction("outbox:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, retryEmailSchema);
  if (!parsed.ok) return parsed.reply;
  await retryMessage(actor, parsed.value.messageId, requestMeta(request));
  return redirectWithMessage("/outbox", "The email will be sent again in the next minute");
});

export default function Outbox() {
  const { failed, devMailbox } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>());
  return (
    <>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <h1 className="govuk-heading-l">Emails that failed</h1>
      <p className="govuk-body">Emails are tried again with growing delays; these gave up. Check the address and the error, then retry.</p>
      {devMailbox ? (
        <p className="govuk-body">
          No email server is set up, so emails are kept in the{" "}
          <a className="govuk-link" href="/dev/mailbox">
            development mailbox
          </a>
          .
        </p>
      ) : null}
      <Table
        caption={`${failed.total.toLocaleString("en-GB")} failed ${failed.total === 1 ? "email" : "emails"}`}
        captionClassName="govuk-table__caption--m"
        head={[{ text: "To" }, { text: "Subject" }, { text: "Error" }, { text: "Action" }]}
        rows={failed.items.map((m) => ({
          key: m.id,
          cells: [
            { text: m.to },
            {
              text: (
                <>
                  {m.subject}
                  <br />
                  <span className="govuk-body-s">
                    Queued {formatDateTime(new Date(m.createdAt))}, {m.attempts} attempts
                  </span>
                </>
              ),
            },
            { text: m.lastError ?? "Unknown" },
            {
              text: (
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="messageId" value={m.id} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                    Retry<span className="govuk-visually-hidden"> email to {m.to}</span>
                  </button>
                </Form>
              ),
            },
          ],
        }))}
      />
      <Pagination page={failed.page} pageCount={failed.pageCount} hrefForPage={(p) => `?page=${p}`} />
    </>
  );
}
