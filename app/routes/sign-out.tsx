import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordSignOut } from "~/models/sign-in.server";
import { requestMeta } from "~/utils/audit.server";
import { endAuthSession, getSessionUser } from "~/utils/auth.server";
import { redirectWithMessage } from "~/utils/flash.server";

// Signing out is a POST (the header's button). A GET changes nothing.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const cookie = await endAuthSession(request);
  if (user) await recordSignOut(user, requestMeta(request));
  return redirectWithMessage("/sign-in", "You have been signed out", { "Set-Cookie": cookie });
}
