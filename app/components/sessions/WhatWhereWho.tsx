import { Select } from "~/components/govuk";
import type { FormReplyView } from "~/web/forms";

type Form = Pick<FormReplyView, "value" | "error" | "field">;
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
        {...form.field("programmeId", defaults?.programmeId)}
        label="Programme"
        labelClassName="govuk-label--s"
        options={options("a programme", choices.programmes)}
      />
      <Select
        {...form.field("venueId", defaults?.venueId)}
        label="Venue"
        labelClassName="govuk-label--s"
        options={options("a venue", choices.venues)}
      />
      <Select
        {...form.field("teamId", defaults?.teamId)}
        label="Team"
        labelClassName="govuk-label--s"
        options={options("a team", choices.teams)}
      />
    </>
  );
}
