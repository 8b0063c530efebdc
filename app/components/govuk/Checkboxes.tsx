import { Fragment, type ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Fieldset } from "./Fieldset";
import { Hint } from "./Hint";
import { cx, joinIds, type FieldsetFieldBaseProps } from "./utils";

export interface CheckboxItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Revealed when this checkbox is checked (needs GOV.UK JS; shown without JS). */
  conditional?: ReactNode;
  disabled?: boolean;
  /** A "None of these" style option that unchecks the others (GOV.UK JS). */
  exclusive?: boolean;
  /** Override the generated id (`${id}` for the first item, `${id}-2`, `${id}-3`… after). */
  id?: string;
}

export interface CheckboxesProps extends FieldsetFieldBaseProps {
  /** Defaults to `name`. The first checkbox gets this id so `#id` in the error summary reaches it. */
  id?: string;
  name: string;
  items: CheckboxItem[];
  defaultValues?: string[];
  small?: boolean;
  className?: string;
}

export function Checkboxes({
  id: idProp,
  name,
  label,
  legend,
  labelIsPageHeading,
  legendIsPageHeading,
  legendClassName,
  hint,
  error,
  describedBy,
  formGroupClassName,
  items,
  defaultValues,
  small,
  className,
}: CheckboxesProps) {
  const id = idProp ?? name;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error", formGroupClassName)}>
      <Fieldset
        legend={legend ?? label}
        legendIsPageHeading={legendIsPageHeading ?? labelIsPageHeading}
        legendClassName={legendClassName}
        describedBy={joinIds(describedBy, hintId, errorId)}
      >
        {hint ? <Hint id={hintId}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className={cx("govuk-checkboxes", small && "govuk-checkboxes--small", className)} data-module="govuk-checkboxes">
          {items.map((item, index) => {
            const itemId = item.id ?? (index === 0 ? id : `${id}-${index + 1}`);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const conditionalId = `conditional-${itemId}`;
            const hasConditional = item.conditional != null && item.conditional !== false;
            const checked = defaultValues?.includes(item.value) ?? false;
            return (
              <Fragment key={itemId}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={itemId}
                    name={name}
                    type="checkbox"
                    value={item.value}
                    defaultChecked={checked}
                    disabled={item.disabled}
                    data-aria-controls={hasConditional ? conditionalId : undefined}
                    data-behaviour={item.exclusive ? "exclusive" : undefined}
                    aria-describedby={itemHintId}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <Hint id={itemHintId} className="govuk-checkboxes__hint">
                      {item.hint}
                    </Hint>
                  ) : null}
                </div>
                {hasConditional ? (
                  <div
                    className={cx("govuk-checkboxes__conditional", !checked && "govuk-checkboxes__conditional--hidden")}
                    id={conditionalId}
                  >
                    {item.conditional}
                  </div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
