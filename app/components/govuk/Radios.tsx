import { Fragment, type ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { Fieldset } from "./Fieldset";
import { Hint } from "./Hint";
import { cx, joinIds, type FieldsetFieldBaseProps } from "./utils";

export interface RadioItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Revealed when this radio is checked (needs GOV.UK JS; shown without JS). */
  conditional?: ReactNode;
  disabled?: boolean;
  /** Override the generated id (`${id}` for the first item, `${id}-2`, `${id}-3`… after). */
  id?: string;
}

export interface RadiosProps extends FieldsetFieldBaseProps {
  /** Defaults to `name`. The first radio gets this id so `#id` in the error summary reaches it. */
  id?: string;
  name: string;
  items: RadioItem[];
  defaultValue?: string;
  inline?: boolean;
  small?: boolean;
  className?: string;
}

export function Radios({
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
  defaultValue,
  inline,
  small,
  className,
}: RadiosProps) {
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
        <div
          className={cx("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small", className)}
          data-module="govuk-radios"
        >
          {items.map((item, index) => {
            const itemId = item.id ?? (index === 0 ? id : `${id}-${index + 1}`);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const conditionalId = `conditional-${itemId}`;
            const hasConditional = item.conditional != null && item.conditional !== false;
            const checked = defaultValue !== undefined && item.value === defaultValue;
            return (
              <Fragment key={itemId}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={itemId}
                    name={name}
                    type="radio"
                    value={item.value}
                    defaultChecked={checked}
                    disabled={item.disabled}
                    data-aria-controls={hasConditional ? conditionalId : undefined}
                    aria-describedby={itemHintId}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <Hint id={itemHintId} className="govuk-radios__hint">
                      {item.hint}
                    </Hint>
                  ) : null}
                </div>
                {hasConditional ? (
                  <div className={cx("govuk-radios__conditional", !checked && "govuk-radios__conditional--hidden")} id={conditionalId}>
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
