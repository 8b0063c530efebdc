import type { ReactNode } from "react";
import { BackLink, Pagination } from "~/components/govuk";
import { DiaryFilters, type DiaryChoices } from "~/components/sessions/DiaryFilters";
import { diaryHref, type DiaryQuery } from "~/utils/diary-filters";

/** The frame every to-do list shares: heading, filters (a GET form), the list, and pagination that keeps the filters. */
export function TodoPage(props: {
  title: string;
  intro: string;
  path: string;
  query: DiaryQuery;
  choices: DiaryChoices;
  page: number;
  pageCount: number;
  children: ReactNode;
}) {
  return (
    <>
      <BackLink href="/">Back to your to-do list</BackLink>
      <h1 className="govuk-heading-l">{props.title}</h1>
      <p className="govuk-body">{props.intro}</p>
      <DiaryFilters query={props.query} choices={props.choices} byStatus={false} />
      {props.children}
      <Pagination page={props.page} pageCount={props.pageCount} hrefForPage={(p) => diaryHref(props.path, props.query, { page: p })} />
    </>
  );
}

/** Hidden fields that carry the list's filters into a bulk action's POST. */
export function FilterFields({ query }: { query: DiaryQuery }) {
  return (
    <>
      {(["team", "venue", "programme"] as const).map((name) =>
        query[name] ? <input key={name} type="hidden" name={name} value={query[name]} /> : null,
      )}
    </>
  );
}
