import type { TextareaHTMLAttributes } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { cx, joinIds, type FieldBaseProps } from "./utils";

export interface TextareaProps extends FieldBaseProps {
  defaultValue?: string;
  /** Defaults to 5. */
  rows?: number;
  autoComplete?: TextareaHTMLAttributes<HTMLTextAreaElement>["autoComplete"];
  spellCheck?: boolean;
  className?: string;
}

export function Textarea({
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
  rows = 5,
  autoComplete,
  spellCheck,
  className,
}: TextareaProps) {
  const id = idProp ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error", formGroupClassName)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} className={labelClassName}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <textarea
        className={cx("govuk-textarea", error && "govuk-textarea--error", className)}
        id={id}
        name={name}
        rows={rows}
        spellCheck={spellCheck}
        disabled={disabled}
        aria-describedby={joinIds(describedBy, hintId, errorId)}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
      />
    </div>
  );
}
