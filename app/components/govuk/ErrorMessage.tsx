import type { ReactNode } from "react";

export interface ErrorMessageProps {
  id?: string;
  children: ReactNode;
  /** Visually hidden prefix, "Error" by default; "" or false for none (e.g. when the message carries its own). */
  visuallyHiddenText?: string | false;
}

export function ErrorMessage({ id, children, visuallyHiddenText = "Error" }: ErrorMessageProps) {
  return (
    <p id={id} className="govuk-error-message">
      {visuallyHiddenText ? <span className="govuk-visually-hidden">{`${visuallyHiddenText}:`}</span> : null} {children}
    </p>
  );
}
