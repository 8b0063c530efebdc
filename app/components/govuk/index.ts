export { BackLink, type BackLinkProps } from "./BackLink";
export {
  Button,
  ButtonLink,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonVariant,
} from "./Button";
export { Checkboxes, type CheckboxesProps, type CheckboxItem } from "./Checkboxes";
export { DateInput, type DateInputProps, type DatePart } from "./DateInput";
export { Details, type DetailsProps } from "./Details";
export { ErrorMessage, type ErrorMessageProps } from "./ErrorMessage";
export { errorSummaryItems, fieldError, type FieldErrors } from "./errors";
export { ErrorSummary, type ErrorSummaryProps } from "./ErrorSummary";
export { Fieldset, type FieldsetProps } from "./Fieldset";
export { FileUpload, type FileUploadProps } from "./FileUpload";
export { Hint, type HintProps } from "./Hint";
export { InsetText, type InsetTextProps } from "./InsetText";
export { Label, type LabelProps } from "./Label";
export { NotificationBanner, type NotificationBannerProps } from "./NotificationBanner";
export { Pagination, paginationItems, type PaginationProps } from "./Pagination";
export { Panel, type PanelProps } from "./Panel";
export { PhaseBanner, type PhaseBannerProps } from "./PhaseBanner";
export { Radios, type RadioItem, type RadiosProps } from "./Radios";
export { Select, type SelectOption, type SelectProps } from "./Select";
export {
  SummaryList,
  type SummaryListAction,
  type SummaryListProps,
  type SummaryListRow,
} from "./SummaryList";
export { Table, type TableCell, type TableHeadCell, type TableProps, type TableRow } from "./Table";
export { Tag, type TagColour, type TagProps } from "./Tag";
export { Textarea, type TextareaProps } from "./Textarea";
export { TextInput, type TextInputProps } from "./TextInput";
export { WarningText, type WarningTextProps } from "./WarningText";
export { cx, type FieldBaseProps, type FieldsetFieldBaseProps } from "./utils";
