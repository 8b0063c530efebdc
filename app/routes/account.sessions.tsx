import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Pagination, Table, Tag } from "~/components/govuk";
import { endOtherBrowser, listSignedInBrowsers } from "~/models/account-sessions.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { pageFromUrl } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";
import { signOutBrowserSchema } from "~/forms/users.server";

export const handle = { title: "Signed-in browsers" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "account:manage");
  return { browsers: await listSignedInBrowsers(user, pageFromUrl(request)) };
}

export const action = /* @__PURE__ */ formAction("account:manage", async ({ request, user, formData }) => {
  const parsed = parseForm(formData, signOutBrowserSchema);
  if (!parsed.ok) return parsed.reply;
  await endOtherBrowser(user, parsed.value.sessionId, requestMeta(request));
  return redirectWithMessage("/account/sessions", "That browser has been signed out");
});

export default function SignedInBrowsers() {
  const { browsers } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href="/account">Back to your account</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Signed-in browsers</h1>
        <p className="govuk-body">
          You are signed in on these browsers. If you do not recognise one, sign it out and change your password.
        </p>
        <Table
          caption="Browsers you are signed in on"
          captionClassName="govuk-visually-hidden"
          head={[{ text: "Browser" }, { text: "IP address" }, { text: "Signed in" }, { text: "Last used" }, { text: "Action" }]}
          rows={browsers.items.map((b) => ({
            key: b.id,
            cells: [
              { text: b.userAgent ?? "Unknown browser" },
              { text: b.ip || "Unknown" },
              { text: formatDateTime(new Date(b.createdAt)) },
              { text: formatDateTime(new Date(b.lastSeenAt)) },
              {
                text: b.current ? (
                  <Tag colour="green">This browser</Tag>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={b.id} />
                    <Button variant="secondary" className="govuk-!-margin-bottom-0">
                      Sign out<span className="govuk-visually-hidden"> browser signed in {formatDateTime(new Date(b.createdAt))}</span>
                    </Button>
                  </Form>
                ),
              },
            ],
          }))}
        />
        <Pagination page={browsers.page} pageCount={browsers.pageCount} hrefForPage={(p) => `/account/sessions?page=${p}`} />
      </div>
    </div>
  );
}
