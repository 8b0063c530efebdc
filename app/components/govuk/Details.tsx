import type { ReactNode } from "react";
import { cx } from "./utils";

export interface DetailsProps {
  summary: ReactNode;
  open?: boolean;
  id?: string;
  className?: string;
  children: ReactNode;
}

export function Details({ summary, open, id, className, children }: DetailsProps) {
  return (
    <details id={id} className={cx("govuk-details", className)} open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
