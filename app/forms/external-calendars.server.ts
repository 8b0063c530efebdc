// The form on a team's or a venue's "Busy calendars" page. The address field's name contains "secret", so a failed
// form never sends the address back to the page (web/forms.server's NEVER_ECHOED).
import { z } from "zod";

export const externalCalendarSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    label: z
      .string({ error: "Enter a name for the calendar" })
      .trim()
      .min(1, "Enter a name for the calendar")
      .max(80, "The name must be 80 characters or fewer"),
    secretUrl: z
      .string({ error: "Enter the calendar's address" })
      .trim()
      .max(2000, "The calendar address must be 2,000 characters or fewer"),
  }),
  z.object({ intent: z.literal("remove"), calendarId: z.string({ error: "Choose a calendar" }).min(1).max(40) }),
  z.object({ intent: z.literal("refresh"), calendarId: z.string({ error: "Choose a calendar" }).min(1).max(40) }),
]);
