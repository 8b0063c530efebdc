import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { homeSummary } from "~/models/home.server";
import { requireUserWith } from "~/utils/auth.server";
import { ROLE_LABELS } from "~/utils/permissions";

export const handle = { title: "Home" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "home:view");
  return { name: user.name, roles: user.roles, panels: await homeSummary(user) };
}

export default function Home() {
  const { name, roles, panels } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{roles.map((r) => ROLE_LABELS[r]).join(", ")}</span>
      <h1 className="govuk-heading-l">Welcome, {name}</h1>
      {panels.map((panel) => (
        <section key={panel.title} className="govuk-!-margin-bottom-6" aria-labelledby={`panel-${panel.title}`}>
          <h2 className="govuk-heading-m" id={`panel-${panel.title}`}>
            {panel.title}
          </h2>
          <dl className="govuk-grid-row">
            {panel.figures.map((f) => (
              <div key={f.label} className="govuk-grid-column-one-quarter govuk-!-margin-bottom-4">
                <dt className="govuk-body-s govuk-!-margin-bottom-1">
                  {f.href ? (
                    <a className="govuk-link" href={f.href}>
                      {f.label}
                    </a>
                  ) : (
                    f.label
                  )}
                </dt>
                <dd className="app-figure govuk-!-margin-left-0" data-testid={`figure-${f.label}`}>
                  {f.value.toLocaleString("en-GB")}
                  {f.of !== undefined ? <span className="govuk-body-s"> of {f.of.toLocaleString("en-GB")}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
