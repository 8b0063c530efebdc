import { ErrorMessage } from "./ErrorMessage";
import { Fieldset } from "./Fieldset";
import { Hint } from "./Hint";
import { cx, joinIds, type FieldsetFieldBaseProps } from "./utils";

export type DatePart = "day" | "month" | "year";

export interface DateInputProps extends FieldsetFieldBaseProps {
  /** Inputs get ids `${id}-day`, `${id}-month`, `${id}-year`; link the error summary to `#${id}-day`. */
  id: string;
  /** Inputs are named `${namePrefix}Day`, `${namePrefix}Month`, `${namePrefix}Year`. Defaults to `id`. */
  namePrefix?: string;
  values?: { day?: string; month?: string; year?: string };
  /** Parts to mark with govuk-input--error. When empty/omitted and `error` is set, all three are marked. */
  errorFields?: DatePart[];
  /** e.g. "bday" gives autocomplete="bday-day" / "bday-month" / "bday-year". */
  autoCompletePrefix?: string;
  className?: string;
}

const PARTS: { part: DatePart; label: string; suffix: string; width: string }[] = [
  { part: "day", label: "Day", suffix: "Day", width: "govuk-input--width-2" },
  { part: "month", label: "Month", suffix: "Month", width: "govuk-input--width-2" },
  { part: "year", label: "Year", suffix: "Year", width: "govuk-input--width-4" },
];

export function DateInput({
  id,
  namePrefix,
  label,
  legend,
  labelIsPageHeading,
  legendIsPageHeading,
  legendClassName,
  hint,
  error,
  describedBy,
  formGroupClassName,
  values,
  errorFields,
  autoCompletePrefix,
  className,
}: DateInputProps) {
  const prefix = namePrefix ?? id;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const anyPartHasError = (errorFields?.length ?? 0) > 0;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error", formGroupClassName)}>
      <Fieldset
        role="group"
        legend={legend ?? label}
        legendIsPageHeading={legendIsPageHeading ?? labelIsPageHeading}
        legendClassName={legendClassName}
        describedBy={joinIds(describedBy, hintId, errorId)}
      >
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className={cx("govuk-date-input", className)} id={id}>
          {PARTS.map(({ part, label: partLabel, suffix, width }) => {
            const inputId = `${id}-${part}`;
            const hasError = anyPartHasError ? errorFields?.includes(part) : Boolean(error);
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {partLabel}
                  </label>
                  <input
                    className={cx("govuk-input govuk-date-input__input", hasError && "govuk-input--error", width)}
                    id={inputId}
                    name={`${prefix}${suffix}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${part}` : undefined}
                    defaultValue={values?.[part]}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
