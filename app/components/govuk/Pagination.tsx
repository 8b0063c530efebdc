export interface PaginationProps {
  page: number;
  pageCount: number;
  hrefForPage: (page: number) => string;
  /** aria-label of the <nav>; defaults to "Pagination". */
  landmarkLabel?: string;
}

/**
 * Page numbers to show: first, last, current and its neighbours, with "ellipsis"
 * for gaps (a gap of exactly one page shows that page instead).
 */
export function paginationItems(page: number, pageCount: number): (number | "ellipsis")[] {
  const wanted = [1, page - 1, page, page + 1, pageCount].filter((p) => p >= 1 && p <= pageCount);
  const pages = [...new Set(wanted)].sort((a, b) => a - b);
  const items: (number | "ellipsis")[] = [];
  let previous = 0;
  for (const p of pages) {
    if (p - previous === 2) items.push(previous + 1);
    else if (p - previous > 2) items.push("ellipsis");
    items.push(p);
    previous = p;
  }
  return items;
}

export function Pagination({ page: pageProp, pageCount, hrefForPage, landmarkLabel = "Pagination" }: PaginationProps) {
  if (pageCount <= 1) return null;
  const page = Math.min(Math.max(1, Math.trunc(pageProp)), pageCount);
  return (
    <nav className="govuk-pagination" aria-label={landmarkLabel}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={hrefForPage(page - 1)} rel="prev">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {paginationItems(page, pageCount).map((item, index) =>
          item === "ellipsis" ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipsis" key={`ellipsis-${index}`}>
              {"\u22ef"}
            </li>
          ) : (
            <li className={item === page ? "govuk-pagination__item govuk-pagination__item--current" : "govuk-pagination__item"} key={item}>
              <a
                className="govuk-link govuk-pagination__link"
                href={hrefForPage(item)}
                aria-label={`Page ${item}`}
                aria-current={item === page ? "page" : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={hrefForPage(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
