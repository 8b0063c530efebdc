import { data } from "@remix-run/node";
import { NotFoundError } from "~/utils/errors";
import { CapacityWarning, ClashError, TeamDayFullError, type ClashingSession } from "~/models/sessions/errors";
import { formatDateTime } from "~/utils/time";
import { domainErrorReply, formFailure, type FormReply } from "./forms.server";

export type RelatedSession = { id: string; text: string };
export type BookingReply = FormReply & { related?: RelatedSession[]; capacityWarning?: boolean };

const describe = (s: ClashingSession): RelatedSession => ({
  id: s.id,
  text: `${s.programmeName} at ${s.venueName} (${s.teamName}), ${formatDateTime(s.startsAt)}`,
});

/** A booking rule's error as a 422 form reply; clashes carry the sessions to link to. A missing session is a 404. */
export function bookingErrorReply(error: unknown, formData: FormData) {
  if (error instanceof NotFoundError) throw new Response("Session not found", { status: 404, statusText: "Session not found" });
  if (error instanceof ClashError || error instanceof TeamDayFullError || error instanceof CapacityWarning) {
    const reply = formFailure(formData, { [error.field ?? ""]: [error.message] }, 422);
    const related =
      error instanceof ClashError
        ? error.clashes.map(describe)
        : error instanceof TeamDayFullError
          ? error.sessions.map(describe)
          : undefined;
    return data<BookingReply>({ ...reply.data, related, capacityWarning: error instanceof CapacityWarning }, reply.init ?? { status: 422 });
  }
  return domainErrorReply(error, formData);
}
