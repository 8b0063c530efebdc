import { Select } from "~/components/govuk";

type Form = { value: (name: string, fallback?: string) => string; error: (name: string) => string | undefined };
type Choice = { id: string; name: string; postcode?: string | null };

const options = (what: string, items: Choice[]) => [
  { value: "", text: `Choose ${what}` },
  ...items.map((i) => ({ value: i.id, text: i.postcode ? `${i.name} (${i.postcode})` : i.name })),
];

/** Programme, venue and team, on the booking form and the free-dates search. */
export function WhatWhereWho({
  form,
  choices,
  defaults,
}: {
  form: Form;
  choices: { programmes: Choice[]; venues: Choice[]; teams: Choice[] };
  defaults?: { programmeId?: string; venueId?: string; teamId?: string };
}) {
  return (
    <>
      <Select
        name="programmeId"
        label="Programme"
        labelClassName="govuk-label--s"
        options={options("a programme", choices.programmes)}
        defaultValue={form.value("programmeId", defaults?.programmeId)}
        error={form.error("programmeId")}
      />
      <Select
        name="venueId"
        label="Venue"
        labelClassName="govuk-label--s"
        options={options("a venue", choices.venues)}
        defaultValue={form.value("venueId", defaults?.venueId)}
        error={form.error("venueId")}
      />
      <Select
        name="teamId"
        label="Team"
        labelClassName="govuk-label--s"
        options={options("a team", choices.teams)}
        defaultValue={form.value("teamId", defaults?.teamId)}
        error={form.error("teamId")}
      />
    </>
  );
}
