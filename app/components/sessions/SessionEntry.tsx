import { StatusTag } from "./StatusTag";
import type { SessionStatus } from "~/utils/session-status";

export type DiaryEntry = {
  id: string;
  startTime: string;
  endTime: string;
  status: SessionStatus;
  programme: { name: string };
  venue: { name: string };
  team: { name: string };
};

/** One session in a diary cell: time, what, where, who, status. Times are as typed (UK time). */
export function SessionEntry({ s, compact }: { s: DiaryEntry; compact?: boolean }) {
  return (
    <span className="app-diary-entry">
      <a className="govuk-link" href={`/sessions/${s.id}`}>
        {s.startTime}–{s.endTime} {s.programme.name}
      </a>
      {compact ? null : (
        <>
          <br />
          {s.venue.name} · {s.team.name}
        </>
      )}{" "}
      <StatusTag status={s.status} />
    </span>
  );
}
