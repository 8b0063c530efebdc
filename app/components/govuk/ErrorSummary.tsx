import type { ReactNode } from "react";

export interface ErrorSummaryProps {
  errors: { href: string; text: string }[];
  /** Defaults to "There is a problem". */
  title?: string;
  /** Optional paragraph above the list, e.g. a form-level (non-field) error. */
  description?: ReactNode;
}

/** Renders nothing when there are no errors. GOV.UK Frontend JS moves focus to it on load (adding tabindex itself). */
export function ErrorSummary({ errors, title = "There is a problem", description }: ErrorSummaryProps) {
  if (errors.length === 0 && !description) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          {errors.length > 0 ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error, index) => (
                <li key={`${error.href}-${index}`}>
                  <a href={error.href}>{error.text}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
