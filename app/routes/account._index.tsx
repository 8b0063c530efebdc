import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SummaryList } from "~/components/govuk";
import { twoFactorStatus } from "~/models/two-factor.server";
import { requireUserWith } from "~/utils/auth.server";

export const handle = { title: "Your account" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "account:manage");
  return { user: { name: user.name, email: user.email }, twoFactor: await twoFactorStatus(user.id) };
}

export default function Account() {
  const { user, twoFactor } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: "Name", value: user.name },
            { key: "Email address", value: user.email },
            { key: "Password", value: "Set", actions: [{ href: "/account/password", text: "Change", visuallyHiddenText: "password" }] },
            {
              key: "Two-factor authentication",
              value: twoFactor.enabledAt ? "On" : "Off",
              actions: [
                {
                  href: "/account/two-factor",
                  text: twoFactor.enabledAt ? "Manage" : "Set up",
                  visuallyHiddenText: "two-factor authentication",
                },
              ],
            },
            {
              key: "Signed-in browsers",
              value: "See where you are signed in",
              actions: [{ href: "/account/sessions", text: "View", visuallyHiddenText: "signed-in browsers" }],
            },
            {
              key: "Calendar feed",
              value: "Your sessions in your own calendar app",
              actions: [{ href: "/account/feed", text: "Manage", visuallyHiddenText: "calendar feed" }],
            },
          ]}
        />
      </div>
    </div>
  );
}
