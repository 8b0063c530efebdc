import type { ReactNode } from "react";
import { cx } from "./utils";

export type ButtonVariant = "secondary" | "warning" | "inverse";

function buttonClassName(variant?: ButtonVariant, isStartButton?: boolean, className?: string) {
  return cx("govuk-button", variant && `govuk-button--${variant}`, isStartButton && "govuk-button--start", className);
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export interface ButtonProps {
  children: ReactNode;
  /** Defaults to "submit". */
  type?: "submit" | "button" | "reset";
  variant?: ButtonVariant;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  name?: string;
  value?: string;
  disabled?: boolean;
  id?: string;
  className?: string;
  form?: string;
  formAction?: string;
  formMethod?: string;
}

export function Button({
  children,
  type = "submit",
  variant,
  preventDoubleClick,
  isStartButton,
  name,
  value,
  disabled,
  id,
  className,
  form,
  formAction,
  formMethod,
}: ButtonProps) {
  return (
    <button
      type={type}
      value={value}
      name={name}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      className={buttonClassName(variant, isStartButton, className)}
      data-module="govuk-button"
      id={id}
      form={form}
      formAction={formAction}
      formMethod={formMethod}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </button>
  );
}

export interface ButtonLinkProps {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
  isStartButton?: boolean;
  id?: string;
  className?: string;
  download?: boolean | string;
}

/** A link styled as a button (plain <a>, so it works with or without Remix routing). */
export function ButtonLink({ href, children, variant, isStartButton, id, className, download }: ButtonLinkProps) {
  return (
    <a
      href={href}
      role="button"
      draggable="false"
      className={buttonClassName(variant, isStartButton, className)}
      data-module="govuk-button"
      id={id}
      download={download}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </a>
  );
}
