import type { InputHTMLAttributes, ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { cx, joinIds, type FieldBaseProps } from "./utils";

type InputAttrs = InputHTMLAttributes<HTMLInputElement>;

export interface TextInputProps extends FieldBaseProps {
  defaultValue?: string | number;
  /** Defaults to "text". */
  type?: InputAttrs["type"];
  autoComplete?: InputAttrs["autoComplete"];
  autoCapitalize?: InputAttrs["autoCapitalize"];
  spellCheck?: boolean;
  inputMode?: InputAttrs["inputMode"];
  /** Width classes etc, e.g. "govuk-input--width-10". */
  className?: string;
  prefix?: ReactNode;
  suffix?: ReactNode;
}

export function TextInput({
  id: idProp,
  name,
  label,
  labelIsPageHeading,
  labelClassName,
  hint,
  error,
  describedBy,
  disabled,
  formGroupClassName,
  defaultValue,
  type = "text",
  autoComplete,
  autoCapitalize,
  spellCheck,
  inputMode,
  className,
  prefix,
  suffix,
}: TextInputProps) {
  const id = idProp ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const input = (
    <input
      className={cx("govuk-input", className, error && "govuk-input--error")}
      id={id}
      name={name}
      type={type}
      spellCheck={spellCheck}
      defaultValue={defaultValue}
      disabled={disabled}
      aria-describedby={joinIds(describedBy, hintId, errorId)}
      autoComplete={autoComplete}
      autoCapitalize={autoCapitalize}
      inputMode={inputMode}
    />
  );
  const hasAffix = prefix != null || suffix != null;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error", formGroupClassName)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} className={labelClassName}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {hasAffix ? (
        <div className="govuk-input__wrapper">
          {prefix != null ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix != null ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
