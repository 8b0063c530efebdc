import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, Table, Tag, TextInput } from "~/components/govuk";
import { categorySchema } from "~/forms/disclosures.server";
import { addConcernCategory, listConcernCategories, setConcernCategoryArchived } from "~/models/disclosure-settings.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { formAction } from "~/web/errors.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Concern categories" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "disclosure:read");
  return { categories: await listConcernCategories({ includeArchived: true }) };
}

export const action = /* @__PURE__ */ formAction("disclosure:read", async ({ request, user, formData }) => {
  const parsed = parseForm(formData, categorySchema);
  if (!parsed.ok) return parsed.reply;
  const { value } = parsed;
  if (value.intent === "add") await addConcernCategory(user, value, requestMeta(request));
  else await setConcernCategoryArchived(user, value.categoryId, value.intent === "archive", requestMeta(request));
  return redirectWithMessage(
    "/disclosures/categories",
    value.intent === "add" ? `${value.label} added` : value.intent === "archive" ? "Category archived" : "Category restored",
  );
});

export default function Categories() {
  const { categories } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), ["label"]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/disclosures">Back to disclosures</BackLink>
        <ErrorSummary errors={form.summary} description={form.formError} />
        <h1 className="govuk-heading-l">Concern categories</h1>
        <p className="govuk-body">The concerns offered on the disclosure form. Archived categories stay on the records that use them.</p>
        <Table
          head={[{ text: "Category" }, { text: "Status" }, { text: "Change" }]}
          rows={categories.map((c) => ({
            key: c.id,
            cells: [
              { text: c.label },
              { text: c.archivedAt ? <Tag colour="grey">Archived</Tag> : <Tag colour="green">Offered</Tag> },
              {
                text: (
                  <Form method="post">
                    <input type="hidden" name="categoryId" value={c.id} />
                    <input type="hidden" name="intent" value={c.archivedAt ? "restore" : "archive"} />
                    <button
                      type="submit"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      {c.archivedAt ? "Restore" : "Archive"}
                      <span className="govuk-visually-hidden"> {c.label}</span>
                    </button>
                  </Form>
                ),
              },
            ],
          }))}
        />
        <h2 className="govuk-heading-m">Add a category</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <TextInput {...form.field("label")} label="Name of the category" autoComplete="off" />
          <Button>Add category</Button>
        </Form>
      </div>
    </div>
  );
}
