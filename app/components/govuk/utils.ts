import type { ReactNode } from "react";

/** Join truthy class names / ids with single spaces. */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

/** Like cx, but returns undefined (attribute omitted) when nothing is left. */
export function joinIds(...parts: (string | false | null | undefined)[]): string | undefined {
  const joined = cx(...parts);
  return joined === "" ? undefined : joined;
}

/** Props shared by the single-control form fields (TextInput, Textarea, Select). */
export interface FieldBaseProps {
  /** Defaults to `name`. The error summary should link to `#${id}`. */
  id?: string;
  name: string;
  label: ReactNode;
  /** Wrap the label in <h1 class="govuk-label-wrapper"> with govuk-label--l. */
  labelIsPageHeading?: boolean;
  /** Label size class, e.g. "govuk-label--m". */
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  /** Extra ids for aria-describedby (placed before the hint/error ids). */
  describedBy?: string;
  disabled?: boolean;
  formGroupClassName?: string;
}

/** Props shared by fieldset-based fields (Radios, Checkboxes, DateInput). */
export interface FieldsetFieldBaseProps {
  /** Rendered as the fieldset <legend>. `legend` is accepted as an alias. */
  label?: ReactNode;
  legend?: ReactNode;
  /** Wrap the legend in <h1 class="govuk-fieldset__heading"> with govuk-fieldset__legend--l. */
  labelIsPageHeading?: boolean;
  legendIsPageHeading?: boolean;
  /** Legend size class, e.g. "govuk-fieldset__legend--m". */
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  /** Extra ids for the fieldset's aria-describedby. */
  describedBy?: string;
  formGroupClassName?: string;
}
