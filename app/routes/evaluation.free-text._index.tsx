// Pupils' free-text answers, for safeguarding leads only: any of them may be a disclosure. Each page read is audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, Table, Tag } from "~/components/govuk";
import { listFreeTextAnswers } from "~/models/questionnaires.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { noStoreHeaders, pageFromUrl } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";
import { throwHttpError } from "~/web/errors.server";

export const handle = { title: "Free-text answers" };
export const headers = noStoreHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "disclosure:read");
  return listFreeTextAnswers(user, { page: pageFromUrl(request) }, requestMeta(request)).catch(throwHttpError);
}

export default function FreeTextAnswers() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Free-text answers from questionnaires</h1>
      <p className="govuk-body">
        Pupils may write about abuse here. Read each one and log it as a disclosure if it is one. Answers where the name check found
        something that looks like a name come first.
      </p>
      {page.items.length ? (
        <Table
          caption={`${page.total.toLocaleString("en-GB")} answers`}
          head={[{ text: "Answered" }, { text: "Session" }, { text: "Answer" }, { text: "Disclosure" }]}
          rows={page.items.map((a) => ({
            key: a.id,
            cells: [
              { text: formatDateTime(new Date(a.answeredAt)) },
              { text: `${a.session.programmeName}, ${a.session.venueName}` },
              {
                text: (
                  <>
                    {a.flagged ? <Tag colour="red">May contain a name</Tag> : null} <span className="app-preserve-lines">{a.text}</span>{" "}
                    <Link className="govuk-link" to={`/evaluation/free-text/${a.id}`}>
                      Open<span className="govuk-visually-hidden"> answer from {formatDateTime(new Date(a.answeredAt))}</span>
                    </Link>
                  </>
                ),
              },
              {
                text: a.disclosure ? (
                  <Link className="govuk-link" to={`/disclosures/${a.disclosure.id}`}>
                    {a.disclosure.reference}
                  </Link>
                ) : (
                  "Not logged"
                ),
              },
            ],
          }))}
        />
      ) : (
        <p className="govuk-body">No free-text answers yet.</p>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefForPage={(p) => `?page=${p}`} />
    </>
  );
}
