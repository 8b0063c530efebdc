import type { ReactNode } from "react";
import { cx } from "./utils";

export interface LabelProps {
  htmlFor: string;
  children: ReactNode;
  /** Wrap in <h1 class="govuk-label-wrapper"> and default the size to govuk-label--l. */
  isPageHeading?: boolean;
  /** e.g. "govuk-label--m". Defaults to "govuk-label--l" when isPageHeading. */
  className?: string;
}

export function Label({ htmlFor, children, isPageHeading, className }: LabelProps) {
  const label = (
    <label className={cx("govuk-label", className ?? (isPageHeading && "govuk-label--l"))} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
