import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { cx, joinIds, type FieldBaseProps } from "./utils";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldBaseProps {
  options: SelectOption[];
  defaultValue?: string;
  autoComplete?: string;
  className?: string;
}

export function Select({
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
  options,
  defaultValue,
  autoComplete,
  className,
}: SelectProps) {
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
      <select
        className={cx("govuk-select", className, error && "govuk-select--error")}
        id={id}
        name={name}
        disabled={disabled}
        aria-describedby={joinIds(describedBy, hintId, errorId)}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
