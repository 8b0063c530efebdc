import { Form } from "@remix-run/react";
import { Button, Checkboxes, ErrorMessage, TextInput } from "~/components/govuk";
import { countFieldName, SEX_COLUMNS, yearGroupLabel, YEAR_GROUPS } from "~/utils/attendance";
import type { useFormReply } from "~/web/forms";

type FormState = ReturnType<typeof useFormReply>;

/** Shown once the server has said the total is over the venue's capacity. */
function OverCapacityConfirmation({ form }: { form: FormState }) {
  if (!form.error("confirmOverCapacity") && form.value("confirmOverCapacity") !== "yes") return null;
  return (
    <Checkboxes
      id="confirmOverCapacity"
      name="confirmOverCapacity"
      legend="More people than the venue holds"
      legendClassName="govuk-fieldset__legend--s"
      error={form.error("confirmOverCapacity")}
      defaultValues={form.values("confirmOverCapacity")}
      items={[{ value: "yes", text: "The figures are right: more people attended than the venue's capacity" }]}
    />
  );
}

/** A number of people or things, kept as typed when the form comes back with errors, else the saved figure. */
function CountInput({
  form,
  name,
  label,
  hint,
  labelClassName,
  saved,
}: {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  labelClassName?: string;
  saved: number | null;
}) {
  return (
    <TextInput
      name={name}
      label={label}
      hint={hint}
      labelClassName={labelClassName}
      className="govuk-input--width-4"
      inputMode="numeric"
      defaultValue={form.value(name, saved?.toString() ?? "")}
      error={form.error(name)}
    />
  );
}

/** Pupils by year group (rows) and sex (columns), plus adults present. */
export function PupilCountsForm({
  counts,
  adultsPresent,
  form,
}: {
  counts: { yearGroup: string; sex: string; count: number }[];
  adultsPresent: number | null;
  form: FormState;
}) {
  // "Other" (older records) and "not recorded" share the last column.
  const recorded = (yearGroup: string, sex: string) => {
    const rows = counts.filter((c) => c.yearGroup === yearGroup && (c.sex === sex || (sex === "NOT_RECORDED" && c.sex === "OTHER")));
    return rows.length ? String(rows.reduce((sum, c) => sum + c.count, 0)) : "";
  };
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="pupils" />
      <h2 className="govuk-heading-m">Pupils by year group</h2>
      <p className="govuk-body">
        Enter the number of pupils who saw the session. Leave a box empty if no pupils from that group came; 0 is fine too. If you did not
        count girls and boys separately, put the year group&apos;s total under &ldquo;Other or not recorded&rdquo;.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Pupils by year group and sex</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Year group
            </th>
            {SEX_COLUMNS.map((c) => (
              <th scope="col" className="govuk-table__header" key={c.sex}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {YEAR_GROUPS.map((yearGroup) => (
            <tr className="govuk-table__row" key={yearGroup}>
              <th scope="row" className="govuk-table__header">
                {yearGroupLabel(yearGroup)}
              </th>
              {SEX_COLUMNS.map((c) => {
                const name = countFieldName(yearGroup, c.sex);
                const error = form.error(name);
                return (
                  <td className="govuk-table__cell" key={c.sex}>
                    <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? " govuk-form-group--error" : ""}`}>
                      <label className="govuk-label govuk-visually-hidden" htmlFor={name}>
                        {c.label} in {yearGroupLabel(yearGroup)}
                      </label>
                      {error ? <ErrorMessage id={`${name}-error`}>{error}</ErrorMessage> : null}
                      <input
                        className={`govuk-input govuk-input--width-4${error ? " govuk-input--error" : ""}`}
                        id={name}
                        name={name}
                        inputMode="numeric"
                        spellCheck={false}
                        aria-describedby={error ? `${name}-error` : undefined}
                        defaultValue={form.value(name, recorded(yearGroup, c.sex))}
                      />
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <CountInput
        form={form}
        name="adultsPresent"
        label="Adults present"
        hint="School staff, support workers and other adults in the room"
        saved={adultsPresent}
      />
      <OverCapacityConfirmation form={form} />
      <Button>Save attendance</Button>
    </Form>
  );
}

/** A performance's or stall's headcount; stalls also count conversations and leaflets. */
export function HeadcountForm({
  session,
  form,
}: {
  session: {
    headcount: number | null;
    adultsPresent: number | null;
    conversations: number | null;
    leafletsGiven: number | null;
    programme: { kind: string };
  };
  form: FormState;
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="headcount" />
      <CountInput form={form} name="headcount" label="How many people came?" labelClassName="govuk-label--m" saved={session.headcount} />
      <CountInput form={form} name="adultsPresent" label="Of whom adults (optional)" saved={session.adultsPresent} />
      {session.programme.kind === "AWARENESS_STALL" ? (
        <>
          <CountInput form={form} name="conversations" label="Conversations held" saved={session.conversations} />
          <CountInput form={form} name="leafletsGiven" label="Leaflets given" saved={session.leafletsGiven} />
        </>
      ) : null}
      <OverCapacityConfirmation form={form} />
      <Button>Save attendance</Button>
    </Form>
  );
}
