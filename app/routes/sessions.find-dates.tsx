import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackLink, Button, DateInput, ErrorSummary, Select, Table, Tag, TextInput } from "~/components/govuk";
import { WhatWhereWho } from "~/components/sessions/WhatWhereWho";
import { findFreeDates } from "~/models/sessions/free-dates.server";
import { bookingChoices } from "~/models/sessions/queries.server";
import { requireUserWith } from "~/utils/auth.server";
import { errorReply } from "~/web/errors.server";
import { parseForm, queryAsFormData, valuesOf, type FormReply } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { SEARCH_WEEKS } from "~/forms/sessions";
import { freeDatesSchema } from "~/forms/sessions.server";
import { formatDate, formatTime, todayInLondon } from "~/utils/time";

export const handle = { title: "Find free dates" };

const FIELDS = ["programmeId", "venueId", "teamId", "date", "weeks", "startTime", "endTime"];

// A GET form: searching changes nothing, so results can be bookmarked. Nothing is checked until the form is
// submitted (`find` is its button's name).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "session:book");
  const url = new URL(request.url);
  const choices = { ...(await bookingChoices()), today: todayInLondon() };
  if (!url.searchParams.has("find")) return data({ choices, reply: undefined as FormReply | undefined, result: null });
  const formData = queryAsFormData(url);
  const parsed = parseForm(formData, freeDatesSchema);
  if (!parsed.ok) return data({ choices, reply: parsed.reply.data, result: null }, parsed.reply.init ?? { status: 400 });
  const { date, ...search } = parsed.value;
  try {
    const found = await findFreeDates({ ...search, from: date });
    return data({
      choices,
      reply: { values: valuesOf(formData), errors: {} } as FormReply,
      result: { ...found, startTime: search.startTime, endTime: search.endTime },
    });
  } catch (error) {
    const reply = errorReply(error, formData);
    return data({ choices, reply: reply.data, result: null }, reply.init ?? { status: 422 });
  }
}

export default function FindFreeDates() {
  const { choices, reply, result } = useLoaderData<typeof loader>();
  const form = useFormReply(reply, FIELDS, { date: "date-day" });
  const today = choices.today.split("-");
  const free = result?.options.filter((o) => o.free).length ?? 0;
  const bookHref = (date: string) =>
    `/sessions/new?${new URLSearchParams({ programmeId: form.value("programmeId"), venueId: form.value("venueId"), teamId: form.value("teamId"), date, startTime: result?.startTime ?? "", endTime: result?.endTime ?? "" })}`;
  return (
    <>
      <BackLink href="/sessions/new">Back to booking a session</BackLink>
      <ErrorSummary errors={form.summary} description={form.formError} />
      <h1 className="govuk-heading-l">Find free dates</h1>
      <p className="govuk-body">See which days the team and the venue are both free at a time, and why the other days are not.</p>
      <Form method="get" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <WhatWhereWho form={form} choices={choices} />
            <DateInput
              id="date"
              legend="Search from"
              legendClassName="govuk-fieldset__legend--s"
              hint="For example, 4 1 2027"
              values={{
                day: form.value("dateDay", String(Number(today[2]))),
                month: form.value("dateMonth", String(Number(today[1]))),
                year: form.value("dateYear", today[0]),
              }}
              error={form.error("date")}
            />
            <Select
              {...form.field("weeks", "4")}
              label="Weeks to search"
              labelClassName="govuk-label--s"
              options={SEARCH_WEEKS.map((w) => ({ value: w, text: `${w} weeks` }))}
            />
            <TextInput
              {...form.field("startTime")}
              label="Start time"
              labelClassName="govuk-label--s"
              hint="UK time, 24-hour clock, for example 09:30"
              className="govuk-input--width-5"
              spellCheck={false}
            />
            <TextInput
              {...form.field("endTime")}
              label="End time"
              labelClassName="govuk-label--s"
              hint="For example, 11:00"
              className="govuk-input--width-5"
              spellCheck={false}
            />
            <Button name="find" value="1">
              Find free dates
            </Button>
          </div>
        </div>
      </Form>
      {result ? (
        <>
          <h2 className="govuk-heading-m">
            {free === 1 ? "1 free date" : `${free} free dates`} for {result.teamName} at {result.venueName}
          </h2>
          <p className="govuk-body">
            {result.programmeName}, {result.startTime} to {result.endTime}, {formatDate(result.from)} to {formatDate(result.to)}. Only the
            team&apos;s working days are listed. Booking checks every rule again.
          </p>
          <Table
            caption={`Working days from ${formatDate(result.from)} to ${formatDate(result.to)}`}
            captionClassName="govuk-visually-hidden"
            head={[{ text: "Date" }, { text: "Free?" }, { text: <span className="govuk-visually-hidden">Book</span> }]}
            rows={result.options.map((o) => ({
              key: o.date,
              cells: [
                { text: formatDate(o.date) },
                {
                  text: o.free ? (
                    <Tag colour="green">Free</Tag>
                  ) : (
                    <>
                      {o.reason}
                      {o.sessions.length ? (
                        <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                          {o.sessions.map((s) => (
                            <li key={s.id}>
                              <a className="govuk-link" href={`/sessions/${s.id}`}>
                                {s.programmeName} at {s.venueName}, {formatTime(new Date(s.startsAt))} to {formatTime(new Date(s.endsAt))}
                              </a>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </>
                  ),
                },
                {
                  text: o.free ? (
                    <a className="govuk-link" href={bookHref(o.date)}>
                      Book<span className="govuk-visually-hidden"> {formatDate(o.date)}</span>
                    </a>
                  ) : (
                    ""
                  ),
                },
              ],
            }))}
          />
        </>
      ) : null}
    </>
  );
}
