import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { BackLink, Button, Checkboxes, ErrorSummary, TextInput } from "~/components/govuk";
import { createUser } from "~/models/users.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { MIN_PASSWORD_LENGTH } from "~/utils/password-policy";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "~/utils/permissions";
import { newUserSchema } from "~/forms/users.server";

export const handle = { title: "Add a user" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "user:manage");
  return null;
}

export const action = /* @__PURE__ */ formAction("user:manage", async ({ request, user: actor, formData }) => {
  const parsed = parseForm(formData, newUserSchema);
  if (!parsed.ok) return parsed.reply;
  await createUser(actor, parsed.value, requestMeta(request));
  return redirectWithMessage("/admin/users", `${parsed.value.name} can now sign in`);
});

export default function NewUser() {
  const form = useFormReply(useActionData<typeof action>(), ["name", "email", "roles", "password"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users">Back to users</BackLink>
        <ErrorSummary errors={form.summary} />
        <h1 className="govuk-heading-l">Add a user</h1>
        <Form method="post" noValidate>
          <TextInput {...form.field("name")} label="Full name" autoComplete="off" spellCheck={false} />
          <TextInput {...form.field("email")} label="Email address" type="email" autoComplete="off" spellCheck={false} />
          <Checkboxes
            id="roles"
            name="roles"
            legend="Roles"
            hint="Select all that apply. The user's access is the sum of their roles."
            defaultValues={form.values("roles")}
            error={form.error("roles")}
            items={ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] }))}
          />
          <TextInput
            name="password"
            label="Temporary password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the user in person or by phone, not by email.`}
            type="password"
            autoComplete="new-password"
            error={form.error("password")}
          />
          <Button>Add user</Button>
        </Form>
      </div>
    </div>
  );
}
