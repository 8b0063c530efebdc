// The HTML of an email in the development mailbox, as its own document in a CSP sandbox: a unique origin with
// no scripts, forms or plug-ins, and no requests anywhere (images only as data: URLs).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxMessage } from "~/models/outbox.server";
import { requireUserWith } from "~/utils/auth.server";
import { idParam, invariantResponse } from "~/utils/http.server";
import { devMailboxEnabled } from "~/utils/mail.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "outbox:manage");
  invariantResponse(devMailboxEnabled(), "Not found");
  const message = await getMailboxMessage(idParam(params.messageId));
  invariantResponse(message?.html, "Email not found");
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    },
  });
}
