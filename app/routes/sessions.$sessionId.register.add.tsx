import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Select, Table, TextInput } from "~/components/govuk";
import { SessionHeading } from "~/components/attendance/SessionHeading";
import { SearchForm } from "~/components/forms/SearchForm";
import { addToRegister, PersonDetailsError, registerPageForAdding } from "~/models/registers.server";
import { existingPersonSchema, newPersonSchema } from "~/forms/attendance.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { errorReply } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse, queryText } from "~/utils/http.server";

export const handle = { title: "Add a person to the register" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "register:manage");
  const query = queryText(request, "q", 100) ?? "";
  const page = await registerPageForAdding(user, idParam(params.sessionId), query);
  invariantResponse(page, "Session not found");
  return { ...page, query };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "register:manage");
  const sessionId = idParam(params.sessionId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  try {
    if (intent === "existing") {
      const parsed = parseForm(formData, existingPersonSchema);
      if (!parsed.ok) return parsed.reply;
      const { name } = await addToRegister(actor, { sessionId, personId: parsed.value.personId }, requestMeta(request));
      return redirectWithMessage(`/sessions/${sessionId}/register`, `${name} added to the register`);
    }
    if (intent === "new") {
      const parsed = parseForm(formData, newPersonSchema);
      if (!parsed.ok) return parsed.reply;
      const { name } = await addToRegister(actor, { sessionId, person: parsed.value }, requestMeta(request));
      return redirectWithMessage(`/sessions/${sessionId}/register`, `${name} added to the register`);
    }
  } catch (error) {
    if (error instanceof PersonDetailsError) {
      return formFailure(formData, Object.fromEntries(error.problems.map((p) => [p.field, [p.message]])), 422);
    }
    return errorReply(error, formData);
  }
  return formFailure(formData, { "": ["Reload the page and try again"] });
}

const FIELDS = ["personId", "name", "email", "organisation", "jobRole", "licenceNumber", "licensingAuthority", "operatorId"];

export default function AddToRegister() {
  const { session, audience, matches, operators, query } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), FIELDS);
  const drivers = audience === "DRIVERS";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/sessions/${session.id}/register`}>Back to the register</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <SessionHeading title="Add a person to the register" session={session} />

        <h2 className="govuk-heading-m">Someone who has been trained before</h2>
        <SearchForm label="Search by name, email or licence number" query={query} />
        {query && matches.length === 0 ? (
          <p className="govuk-body">Nobody matches &ldquo;{query}&rdquo;. Add them as a new person below.</p>
        ) : null}
        {matches.length ? (
          <Table
            caption={<>People matching &ldquo;{query}&rdquo;</>}
            captionClassName="govuk-table__caption--s"
            head={[{ text: "Name" }, { text: "Details" }, { text: <span className="govuk-visually-hidden">Action</span> }]}
            rows={matches.map((p) => ({
              key: p.id,
              cells: [
                { text: p.name },
                {
                  text: [p.email, p.organisation, p.licenceNumber && `${p.licenceNumber} (${p.licensingAuthority})`]
                    .filter(Boolean)
                    .join(", "),
                },
                {
                  text: (
                    <Form method="post">
                      <input type="hidden" name="intent" value="existing" />
                      <Button variant="secondary" name="personId" value={p.id} className="govuk-!-margin-bottom-0">
                        Add<span className="govuk-visually-hidden"> {p.name}</span>
                      </Button>
                    </Form>
                  ),
                },
              ],
            }))}
          />
        ) : null}

        <h2 className="govuk-heading-m">Someone new</h2>
        <p className="govuk-body">
          If {drivers ? "a driver with this licence" : "someone with this email address"} is already known, they are added as that person
          and no duplicate is made.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="new" />
          <TextInput
            name="name"
            label="Full name"
            autoComplete="off"
            spellCheck={false}
            defaultValue={form.value("name")}
            error={form.error("name")}
          />
          <TextInput
            name="email"
            label={drivers ? "Email address (optional)" : "Email address"}
            hint="Their certificate can be emailed here"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={form.value("email")}
            error={form.error("email")}
          />
          <TextInput
            name="organisation"
            label="Organisation or employer (optional)"
            defaultValue={form.value("organisation")}
            error={form.error("organisation")}
          />
          <TextInput name="jobRole" label="Job role (optional)" defaultValue={form.value("jobRole")} error={form.error("jobRole")} />
          <TextInput
            name="licenceNumber"
            label={drivers ? "Licence or badge number" : "Licence or badge number (optional)"}
            className="govuk-input--width-20"
            spellCheck={false}
            defaultValue={form.value("licenceNumber")}
            error={form.error("licenceNumber")}
          />
          <TextInput
            name="licensingAuthority"
            label={drivers ? "Licensing authority" : "Licensing authority (optional)"}
            hint="The council that issued the licence"
            defaultValue={form.value("licensingAuthority")}
            error={form.error("licensingAuthority")}
          />
          {drivers ? (
            <Select
              name="operatorId"
              label="Taxi operator (optional)"
              defaultValue={form.value("operatorId")}
              error={form.error("operatorId")}
              options={[{ value: "", text: "None or not known" }, ...operators.map((o) => ({ value: o.id, text: o.name }))]}
            />
          ) : null}
          <Button>Add to the register</Button>
        </Form>
      </div>
    </div>
  );
}
