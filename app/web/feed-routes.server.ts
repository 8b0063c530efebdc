// The loader and action shared by the three feed pages (venue, team, own account): same form, different owner.
import { data } from "@remix-run/node";
import { z } from "zod";
import { createFeed, getFeedPage, revokeFeed, type FeedOwner } from "~/models/feeds.server";
import { requestMeta, type Actor } from "~/utils/audit.server";
import { redirectWithMessage } from "~/utils/flash.server";
import { throwHttpError } from "./errors.server";
import { parseForm } from "./forms.server";
import { invariantResponse } from "~/utils/http.server";

const schema = z.object({ intent: z.enum(["create", "revoke"], { error: "Choose what to do with the feed" }) });

export async function feedPageData(owner: FeedOwner) {
  const page = await getFeedPage(owner);
  invariantResponse(page, "Not found");
  return page;
}

export async function feedPageAction(request: Request, actor: Actor, owner: FeedOwner, pagePath: string) {
  const parsed = parseForm(await request.formData(), schema);
  if (!parsed.ok) return parsed.reply;
  try {
    if (parsed.value.intent === "create") return data({ urls: await createFeed(actor, owner, requestMeta(request)) });
    await revokeFeed(actor, owner, requestMeta(request));
  } catch (error) {
    throwHttpError(error);
  }
  return redirectWithMessage(pagePath, "The feed is turned off: calendars subscribed to it will stop updating");
}
