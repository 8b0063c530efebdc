import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ExternalCalendars } from "~/components/calendars/ExternalCalendars";
import { EXTERNAL_CALENDAR_FIELD_ORDER } from "~/forms/external-calendars";
import { getVenue } from "~/models/venues.server";
import { requireUserWith } from "~/utils/auth.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { formAction } from "~/web/errors.server";
import { externalCalendarsAction, externalCalendarsPageData } from "~/web/external-calendar-routes.server";
import { useFormReply } from "~/web/forms";

export const handle = { title: "Busy calendars" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  const venue = await getVenue(idParam(params.venueId));
  invariantResponse(venue, "Venue not found");
  return { venue: { id: venue.id, name: venue.name }, calendars: await externalCalendarsPageData({ venueId: venue.id }) };
}

export const action = /* @__PURE__ */ formAction("venue:manage", async ({ request, params, user, formData }) => {
  const venueId = idParam(params.venueId);
  return externalCalendarsAction(request, user, formData, { venueId }, `/venues/${venueId}/calendars`);
});

export default function VenueCalendars() {
  const { venue, calendars } = useLoaderData<typeof loader>();
  const form = useFormReply(useActionData<typeof action>(), EXTERNAL_CALENDAR_FIELD_ORDER);
  return <ExternalCalendars name={venue.name} whose="the venue's" backHref={`/venues/${venue.id}`} calendars={calendars} form={form} />;
}
