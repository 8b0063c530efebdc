import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedManager } from "~/components/feeds/FeedManager";
import { requireUserWith } from "~/utils/auth.server";
import { feedPageAction, feedPageData } from "~/web/feed-routes.server";
import { idParam } from "~/utils/http.server";

export const handle = { title: "Venue calendar feed" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "venue:manage");
  return feedPageData({ venueId: idParam(params.venueId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "venue:manage");
  return feedPageAction(request, actor, { venueId: idParam(params.venueId) }, `/venues/${params.venueId}/feed`);
}

export default function VenueFeed() {
  const { name, feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const urls = result && "urls" in result ? result.urls : undefined;
  return <FeedManager what="this venue's sessions" name={name} backHref="/venues" backText="Back to venues" feed={feed} urls={urls} />;
}
