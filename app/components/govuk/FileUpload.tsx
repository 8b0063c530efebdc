import { ErrorMessage } from "./ErrorMessage";
import { Hint } from "./Hint";
import { Label } from "./Label";
import { cx, joinIds, type FieldBaseProps } from "./utils";

export interface FileUploadProps extends FieldBaseProps {
  /** e.g. ".csv,text/csv" */
  accept?: string;
}

/** govuk-frontend's file-upload component (without the JavaScript enhancement). */
export function FileUpload({
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
  accept,
}: FileUploadProps) {
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
      <input
        className={cx("govuk-file-upload", error && "govuk-file-upload--error")}
        id={id}
        name={name}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={joinIds(describedBy, hintId, errorId)}
      />
    </div>
  );
}
