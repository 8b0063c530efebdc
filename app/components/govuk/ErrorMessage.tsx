import type { ReactNode } from "react";

export interface ErrorMessageProps {
  id?: string;
  children: ReactNode;
  /** Visually hidden prefix, "Error" by default. */
  visuallyHiddenText?: string;
}

export function ErrorMessage({ id, children, visuallyHiddenText = "Error" }: ErrorMessageProps) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{`${visuallyHiddenText}:`}</span> {children}
    </p>
  );
}
