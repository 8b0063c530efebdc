// The loader data and action shared by the team's and the venue's "Busy calendars" pages: same form, different owner.
import {
  addExternalCalendar,
  externalCalendarsOf,
  refreshExternalCalendar,
  removeExternalCalendar,
  type CalendarOwner,
} from "~/models/external-calendars.server";
import { externalCalendarSchema } from "~/forms/external-calendars.server";
import { requestMeta, type Actor } from "~/utils/audit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { parseForm } from "./forms.server";

export const externalCalendarsPageData = (owner: CalendarOwner) => externalCalendarsOf(owner);

export async function externalCalendarsAction(request: Request, actor: Actor, formData: FormData, owner: CalendarOwner, pagePath: string) {
  const parsed = parseForm(formData, externalCalendarSchema);
  if (!parsed.ok) return parsed.reply;
  const input = parsed.value;
  if (input.intent === "add") {
    await addExternalCalendar(actor, owner, { label: input.label, url: input.secretUrl }, requestMeta(request));
    return redirectWithMessage(pagePath, `${input.label} added: its busy time now counts as a clash`);
  }
  if (input.intent === "remove") {
    await removeExternalCalendar(actor, owner, input.calendarId, requestMeta(request));
    return redirectWithMessage(pagePath, "The calendar is removed: its busy time no longer counts");
  }
  const result = await refreshExternalCalendar(owner, input.calendarId);
  return redirectWithMessage(
    pagePath,
    result.ok ? "The calendar is up to date" : `The calendar could not be read: ${result.error}. The last good copy is kept`,
  );
}
