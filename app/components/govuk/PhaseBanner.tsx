import type { ReactNode } from "react";
import { cx } from "./utils";

export interface PhaseBannerProps {
  /** e.g. "Beta". */
  tag: ReactNode;
  className?: string;
  children: ReactNode;
}

export function PhaseBanner({ tag, className, children }: PhaseBannerProps) {
  return (
    <div className={cx("govuk-phase-banner govuk-width-container", className)}>
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{tag}</strong>
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}
