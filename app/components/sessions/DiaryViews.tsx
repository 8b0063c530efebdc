import { diaryHref, type DiaryQuery } from "~/utils/diary-filters";

/** Links between the week, month and list views, keeping the filters. */
export function DiaryViews({ current, query, canBook }: { current: "week" | "month" | "list"; query: DiaryQuery; canBook: boolean }) {
  const views = [
    { key: "week", text: "Week", href: diaryHref("/diary", query) },
    { key: "month", text: "Month", href: diaryHref("/diary/month", query) },
    { key: "list", text: "List", href: diaryHref("/sessions", query) },
  ];
  return (
    <nav aria-label="Diary views" className="govuk-!-margin-bottom-4">
      <ul className="govuk-list app-inline-list">
        {views.map((v) => (
          <li key={v.key}>
            {v.key === current ? (
              <strong aria-current="page">{v.text}</strong>
            ) : (
              <a className="govuk-link" href={v.href}>
                {v.text}
              </a>
            )}
          </li>
        ))}
        {canBook ? (
          <li>
            <a className="govuk-link" href="/sessions/new">
              Book a session
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
