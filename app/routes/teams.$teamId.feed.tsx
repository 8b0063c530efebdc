import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedManager } from "~/components/feeds/FeedManager";
import { requireUserWith } from "~/utils/auth.server";
import { feedPageAction, feedPageData } from "~/web/feed-routes.server";
import { idParam } from "~/utils/http.server";

export const handle = { title: "Team calendar feed" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "team:manage");
  return feedPageData({ teamId: idParam(params.teamId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "team:manage");
  return feedPageAction(request, actor, { teamId: idParam(params.teamId) }, `/teams/${params.teamId}/feed`);
}

export default function TeamFeed() {
  const { name, feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const urls = result && "urls" in result ? result.urls : undefined;
  return <FeedManager what="the team's sessions" name={name} backHref="/teams" backText="Back to teams" feed={feed} urls={urls} />;
}
