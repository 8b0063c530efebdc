import { Select, TextInput, Textarea } from "~/components/govuk";
import type { useFormReply } from "~/web/forms";
import { VENUE_KIND_LABELS, VENUE_KINDS } from "~/forms/reference";

export const VENUE_FIELD_ORDER = [
  "kind",
  "name",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "phone",
  "urn",
  "phase",
  "statutoryLowAge",
  "statutoryHighAge",
  "numberOnRoll",
  "year10Count",
  "laCode",
  "cohort",
  "dayStart",
  "dayEnd",
  "easting",
  "northing",
  "hallCapacity",
  "accessibilityNotes",
];

export function VenueFields({ form, saved = {} }: { form: ReturnType<typeof useFormReply>; saved?: Record<string, unknown> }) {
  const v = (name: string) => form.value(name, saved[name] == null ? "" : String(saved[name]));
  const text = (name: string, label: string, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput name={name} label={label} defaultValue={v(name)} error={form.error(name)} {...extra} />
  );
  const number = (name: string, label: string, hint?: string) =>
    text(name, label, { inputMode: "numeric", className: "govuk-input--width-5", hint });
  return (
    <>
      <Select
        name="kind"
        label="Kind of venue"
        defaultValue={v("kind")}
        error={form.error("kind")}
        options={[{ value: "", text: "Choose a kind" }, ...VENUE_KINDS.map((k) => ({ value: k, text: VENUE_KIND_LABELS[k] }))]}
      />
      {text("name", "Name")}
      {text("addressLine1", "Address line 1 (optional)", { autoComplete: "address-line1" })}
      {text("addressLine2", "Address line 2 (optional)", { autoComplete: "address-line2" })}
      {text("town", "Town or city (optional)", { autoComplete: "address-level2", className: "govuk-!-width-two-thirds" })}
      {text("postcode", "Postcode", { autoComplete: "postal-code", className: "govuk-input--width-10" })}
      {text("phone", "Phone (optional)", { type: "tel", autoComplete: "tel", className: "govuk-input--width-20" })}
      <h2 className="govuk-heading-m">School details</h2>
      <p className="govuk-body">For schools and colleges. Imports from Get Information about Schools fill these in.</p>
      {number("urn", "URN (optional)", "Unique reference number in Get Information about Schools, like 990101")}
      {text("phase", "Phase (optional)", { hint: "For example, Secondary or 16 plus", className: "govuk-input--width-20" })}
      {number("statutoryLowAge", "Lowest age (optional)")}
      {number("statutoryHighAge", "Highest age (optional)")}
      {number("numberOnRoll", "Number on roll (optional)")}
      {number("year10Count", "Year 10 pupils (optional)", "Entered by hand: GIAS does not publish it")}
      {number("laCode", "Local authority code (optional)", "3 digits, like 353")}
      <h2 className="govuk-heading-m">Tour planning</h2>
      {number("cohort", "Pupils in the programme's year group (optional)", "Used to work out how many performances the school needs")}
      {text("dayStart", "School day starts (optional)", {
        hint: "24-hour clock, like 09:00. Leave blank for the usual 09:00",
        className: "govuk-input--width-5",
      })}
      {text("dayEnd", "School day ends (optional)", {
        hint: "24-hour clock, like 15:15. Leave blank for the usual 15:15",
        className: "govuk-input--width-5",
      })}
      {number("easting", "Easting (optional)", "British National Grid, in metres, like 530034")}
      {number("northing", "Northing (optional)", "British National Grid, in metres, like 180381")}
      <h2 className="govuk-heading-m">Access and space</h2>
      {number("hallCapacity", "Capacity of the largest room or hall (optional)")}
      <Textarea
        name="accessibilityNotes"
        label="Accessibility notes (optional)"
        hint="Step-free access, parking, where to load in"
        defaultValue={v("accessibilityNotes")}
        error={form.error("accessibilityNotes")}
      />
    </>
  );
}
