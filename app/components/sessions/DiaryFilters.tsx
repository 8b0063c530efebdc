import { Select } from "~/components/govuk";
import type { DiaryQuery } from "~/utils/diary-filters";
import { SESSION_STATUSES, STATUS_LABELS } from "~/utils/session-status";

type Choice = { id: string; name: string };
export type DiaryChoices = { teams: Choice[]; venues: Choice[]; programmes: Choice[] };

/** A GET form: works without JavaScript and keeps the view's own parameter (week, month or page). */
export function DiaryFilters({
  query,
  choices,
  keep,
  byStatus = true,
}: {
  query: DiaryQuery;
  choices: DiaryChoices;
  keep?: Record<string, string>;
  /** false on lists that are one status already (the to-do lists). */
  byStatus?: boolean;
}) {
  const options = (all: string, items: Choice[]) => [{ value: "", text: all }, ...items.map((i) => ({ value: i.id, text: i.name }))];
  return (
    <form method="get" className="app-filters govuk-!-margin-bottom-4">
      {Object.entries(keep ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select id="filter-team" name="team" label="Team" options={options("All teams", choices.teams)} defaultValue={query.team ?? ""} />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="filter-venue"
            name="venue"
            label="Venue"
            className="app-select--full"
            options={options("All venues", choices.venues)}
            defaultValue={query.venue ?? ""}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="filter-programme"
            name="programme"
            label="Programme"
            className="app-select--full"
            options={options("All programmes", choices.programmes)}
            defaultValue={query.programme ?? ""}
          />
        </div>
        {byStatus ? (
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="filter-status"
              name="status"
              label="Status"
              options={[{ value: "", text: "Any status" }, ...SESSION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))]}
              defaultValue={query.status ?? ""}
            />
          </div>
        ) : null}
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
  );
}
