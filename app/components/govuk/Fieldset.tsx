import type { ReactNode } from "react";
import { cx } from "./utils";

export interface FieldsetProps {
  legend?: ReactNode;
  /** Wrap the legend text in <h1 class="govuk-fieldset__heading"> and default the size to --l. */
  legendIsPageHeading?: boolean;
  /** e.g. "govuk-fieldset__legend--m". Defaults to "govuk-fieldset__legend--l" when legendIsPageHeading. */
  legendClassName?: string;
  className?: string;
  describedBy?: string;
  role?: string;
  children?: ReactNode;
}

export function Fieldset({ legend, legendIsPageHeading, legendClassName, className, describedBy, role, children }: FieldsetProps) {
  return (
    <fieldset className={cx("govuk-fieldset", className)} role={role} aria-describedby={describedBy || undefined}>
      {legend != null && legend !== "" ? (
        <legend className={cx("govuk-fieldset__legend", legendClassName ?? (legendIsPageHeading && "govuk-fieldset__legend--l"))}>
          {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      ) : null}
      {children}
    </fieldset>
  );
}
