import type { ReactNode } from "react";
import { DateInput, InsetText, Radios, Select } from "~/components/govuk";

type Query = Partial<
  Record<"period" | "quarter" | "fromDay" | "fromMonth" | "fromYear" | "toDay" | "toMonth" | "toYear" | "programme", string>
>;
type Period = {
  choice: string;
  quarter: string | null;
  programmeId?: string | null;
  label: string;
  programmeName: string | null;
  ignored: string[];
};
type Options = { programmes: { id: string; name: string }[]; quarters: { value: string; text: string }[] };

/** The period and programme filter shared by the report pages. A GET form: the URL holds the report's filters. */
export function ReportFilters({
  action,
  query,
  period,
  options,
  children,
}: {
  action: string;
  query: Query;
  period: Period;
  options: Options;
  children?: ReactNode;
}) {
  return (
    <>
      {period.ignored.length ? (
        <InsetText>
          <p className="govuk-body">
            Some filters could not be used, so the report shows {period.label}
            {period.programmeId ? "" : " for all programmes"}:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {period.ignored.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </InsetText>
      ) : null}
      <details className="govuk-details app-no-print">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change the period or programme</span>
        </summary>
        <div className="govuk-details__text">
          <form method="get" action={action} noValidate>
            <Radios
              name="period"
              legend="Period"
              legendClassName="govuk-fieldset__legend--s"
              small
              defaultValue={period.choice}
              items={[
                { value: "academic-year", text: "This academic year" },
                { value: "last-academic-year", text: "Last academic year" },
                { value: "financial-year", text: "This financial year (1 April to 31 March)" },
                { value: "last-financial-year", text: "Last financial year" },
                {
                  value: "quarter",
                  text: "A financial quarter",
                  conditional: (
                    <Select
                      name="quarter"
                      label="Quarter"
                      defaultValue={period.quarter ?? query.quarter ?? ""}
                      options={options.quarters}
                    />
                  ),
                },
                {
                  value: "custom",
                  text: "Dates I choose",
                  conditional: (
                    <>
                      <DateInput
                        id="from"
                        legend="From"
                        hint="For example, 1 4 2026"
                        values={{ day: query.fromDay, month: query.fromMonth, year: query.fromYear }}
                      />
                      <DateInput
                        id="to"
                        legend="To"
                        hint="For example, 31 3 2027"
                        values={{ day: query.toDay, month: query.toMonth, year: query.toYear }}
                      />
                    </>
                  ),
                },
              ]}
            />
            <Select
              name="programme"
              label="Programme"
              defaultValue={period.programmeId ?? ""}
              options={[{ value: "", text: "All programmes" }, ...options.programmes.map((p) => ({ value: p.id, text: p.name }))]}
            />
            {children}
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show report
            </button>
          </form>
        </div>
      </details>
    </>
  );
}
