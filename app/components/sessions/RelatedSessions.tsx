import type { RelatedSession } from "~/web/errors.server";

/** The sessions a booking clashed with, as links, for the error summary. */
export function RelatedSessions({ sessions }: { sessions?: RelatedSession[] }) {
  if (!sessions?.length) return null;
  return (
    <>
      <p className="govuk-body">{sessions.length === 1 ? "The session in the way:" : "The sessions in the way:"}</p>
      <ul className="govuk-list govuk-list--bullet">
        {sessions.map((s) => (
          <li key={s.id}>
            <a className="govuk-link" href={`/sessions/${s.id}`}>
              {s.text}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
