// The to-do lists' bulk forms ("invite all", "chase all") carry the list's filters as hidden fields, so the action
// works on exactly the sessions the page listed.
import { z } from "zod";
import { recordId } from "~/utils/form-fields";
import { formatShortDate } from "~/utils/time";

const filterId = recordId("Choose the filter from the list").optional();
export const bulkFilterFields = { team: filterId, venue: filterId, programme: filterId };
export const toTodoFilters = (q: { team?: string; venue?: string; programme?: string }) => ({
  teamId: q.team,
  venueId: q.venue,
  programmeId: q.programme,
});

/** "12 invitations sent. 1 not sent: Northfield Academy, Mon 3 May 2027 (the venue has no contact …)." */
export function bulkOutcomeMessage(
  outcome: { done: number; notDone: { venue: string; date: string; reason: string }[] },
  done: (n: number) => string,
): string {
  const failures = outcome.notDone.map((f) => `${f.venue}, ${formatShortDate(f.date)} (${f.reason})`);
  return [done(outcome.done), failures.length ? `${failures.length} not done: ${failures.join("; ")}.` : ""].filter(Boolean).join(" ");
}

// "Invite all" on the provisional-sessions list.
export const inviteAllSchema = z.object({ intent: z.literal("invite-all", { error: "Choose an action" }), ...bulkFilterFields });

// Chasing one venue, or every venue on the awaiting-reply list.
export const chaseSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("chase"), sessionId: recordId("Choose a session to chase"), ...bulkFilterFields }),
    z.object({ intent: z.literal("chase-all"), ...bulkFilterFields }),
  ],
  { error: "Choose an action" },
);
