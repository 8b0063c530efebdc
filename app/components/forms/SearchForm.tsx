/** One search box for a list: a GET form, so the search is in the URL and works without JavaScript. */
export function SearchForm({ label, query }: { label: string; query: string }) {
  return (
    <form method="get" className="govuk-!-margin-bottom-6" role="search">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="q">
          {label}
        </label>
        <input className="govuk-input govuk-input--width-20" id="q" name="q" type="search" defaultValue={query} />{" "}
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
          Search
        </button>
      </div>
    </form>
  );
}

/** Links to the other pages of a list searched with SearchForm keep the search. */
export const searchPageHref = (query: string) => (page: number) =>
  `?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
