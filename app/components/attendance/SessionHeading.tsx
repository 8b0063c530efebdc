import { formatDateTime } from "~/utils/time";

/** Caption and heading naming a session: programme, venue, date and time. */
export function SessionHeading({
  title,
  session,
}: {
  title: string;
  session: { startsAt: string | Date; programme: { name: string }; venue: { name: string } };
}) {
  return (
    <>
      <span className="govuk-caption-l">
        {session.programme.name} at {session.venue.name}, {formatDateTime(new Date(session.startsAt))}
      </span>
      <h1 className="govuk-heading-l">{title}</h1>
    </>
  );
}
