import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedManager } from "~/components/feeds/FeedManager";
import { requireUserWith } from "~/utils/auth.server";
import { feedPageAction, feedPageData } from "~/web/feed-routes.server";

export const handle = { title: "Your calendar feed" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "account:manage");
  return feedPageData({ userId: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "account:manage");
  return feedPageAction(request, actor, { userId: actor.id }, "/account/feed");
}

export default function AccountFeed() {
  const { name, feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const urls = result && "urls" in result ? result.urls : undefined;
  return (
    <FeedManager
      what="the sessions you booked and your teams' sessions"
      name={name}
      backHref="/"
      backText="Back to home"
      feed={feed}
      urls={urls}
    />
  );
}
