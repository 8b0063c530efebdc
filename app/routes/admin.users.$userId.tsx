import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, SummaryList, Tag, TextInput } from "~/components/govuk";
import { endAllSessionsOf } from "~/models/account-sessions.server";
import { resetTwoFactor } from "~/models/two-factor.server";
import { getUserForAdmin, setUserActive, updateUser } from "~/models/users.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "~/utils/permissions";
import { formatDateTime } from "~/utils/time";
import { userActionSchema } from "~/forms/users.server";

export const handle = { title: (data: { user: { name: string } } | undefined) => data?.user.name ?? "User" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "user:manage");
  const user = await getUserForAdmin(idParam(params.userId));
  invariantResponse(user, "User not found");
  return { user };
}

export const action = /* @__PURE__ */ formAction("user:manage", async ({ request, params, user: actor, formData }) => {
  const id = idParam(params.userId);
  invariantResponse(await getUserForAdmin(id), "User not found");
  const parsed = parseForm(formData, userActionSchema);
  if (!parsed.ok) return parsed.reply;
  const meta = requestMeta(request);
  const { value } = parsed;
  if (value.intent === "update") await updateUser(actor, id, value, meta);
  else if (value.intent === "end-sessions") await endAllSessionsOf(actor, id, meta);
  else if (value.intent === "reset-two-factor") await resetTwoFactor(actor, id, meta);
  else await setUserActive(actor, id, value.intent === "reactivate", meta);
  const messages = {
    update: "User updated",
    deactivate: "User deactivated and signed out",
    reactivate: "User reactivated",
    "end-sessions": "User signed out of every browser",
    "reset-two-factor": "Two-factor authentication reset: the user sets it up again when they next sign in",
  };
  return redirectWithMessage(`/admin/users/${id}`, messages[parsed.value.intent]);
});

export default function EditUser() {
  const { user } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["name", "roles"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users">Back to users</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <span className="govuk-caption-l">{user.email}</span>
        <h1 className="govuk-heading-l">{user.name}</h1>
        <SummaryList
          rows={[
            { key: "Status", value: user.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
            { key: "Last signed in", value: user.lastSignInAt ? formatDateTime(new Date(user.lastSignInAt)) : "Never" },
            { key: "Signed-in sessions", value: String(user.activeSessions) },
            { key: "Two-factor authentication", value: user.totpEnabledAt ? "Set up" : "Not set up" },
            {
              key: "Sign-in",
              value: user.lockedUntil
                ? `Locked after failed attempts until ${formatDateTime(new Date(user.lockedUntil))} (a password reset unlocks it)`
                : "Not locked",
            },
          ]}
        />
        <h2 className="govuk-heading-m">Name and roles</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <TextInput {...form.field("name", user.name)} label="Full name" spellCheck={false} />
          <Checkboxes
            id="roles"
            name="roles"
            legend="Roles"
            legendClassName="govuk-fieldset__legend--s"
            hint="Changing roles signs the user out everywhere."
            defaultValues={form.values("roles", user.roles)}
            error={form.error("roles")}
            items={ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] }))}
          />
          <Button>Save changes</Button>
        </Form>
        <h2 className="govuk-heading-m">Sign-in</h2>
        <Form method="post">
          <p className="govuk-body">Signing the user out ends every browser session they have. They can sign in again.</p>
          <input type="hidden" name="intent" value="end-sessions" />
          <Button variant="secondary">Sign out of every browser</Button>
        </Form>
        {user.totpEnabledAt ? (
          <Form method="post">
            <p className="govuk-body">
              If the user has lost their phone and their recovery codes, reset two-factor authentication. They are signed out and set it up
              again when they next sign in. Check who is asking first.
            </p>
            <input type="hidden" name="intent" value="reset-two-factor" />
            <Button variant="warning">Reset two-factor authentication</Button>
          </Form>
        ) : null}
        <h2 className="govuk-heading-m">Access</h2>
        <Form method="post">
          {user.active ? (
            <>
              <p className="govuk-body">Deactivating signs the user out at once. Their records and history are kept.</p>
              <input type="hidden" name="intent" value="deactivate" />
              <Button variant="warning">Deactivate user</Button>
            </>
          ) : (
            <>
              <input type="hidden" name="intent" value="reactivate" />
              <Button variant="secondary">Reactivate user</Button>
            </>
          )}
        </Form>
      </div>
    </div>
  );
}
