import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, type ReactNode } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router";
import govukCss from "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import appCss from "~/styles/app.css";
import { NotificationBanner, PhaseBanner } from "~/components/govuk";
import { ServiceHeader } from "~/components/layout/ServiceHeader";
import { getSessionUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { takeFlashMessage } from "~/utils/flash.server";
import { navigationFor } from "~/utils/navigation";
import { pageTitle } from "~/utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: govukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", sizes: "any", type: "image/svg+xml" },
];

// A 429 thrown by enforceRateLimit keeps its Retry-After header on the error page the root renders.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const flash = await takeFlashMessage(request);
  return data(
    {
      user: user ? { name: user.name, email: user.email, roles: user.roles } : null,
      navigation: user ? navigationFor(user.roles) : [],
      flashMessage: flash.message,
      councilName: env().COUNCIL_NAME,
      requestId: context.requestId ?? null,
      cspNonce: context.cspNonce ?? "",
    },
    { headers: flash.setCookie ? { "Set-Cookie": flash.setCookie } : {} },
  );
}

export type RootData = typeof loader;

function Document({ children, nonce, title }: { children: ReactNode; nonce: string; title: string }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        {/* Runs before the module scripts. zod's "jitless" mode stops its `new Function` probe, which the CSP reports as a violation. */}
        {/* Browsers hide a nonce from the DOM, so React's development build would report a mismatch while hydrating. */}
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');" +
              "window.__zod_globalConfig = { jitless: true };",
          }}
        />
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <ServiceHeader user={root?.user ?? null} navigation={root?.navigation ?? []} />
        <div className="govuk-width-container">
          <PhaseBanner tag="Beta">
            This is a new service. Tell your system administrator if something does not work as you expect.
          </PhaseBanner>
          <main className="govuk-main-wrapper" id="main-content">
            {root?.flashMessage ? <NotificationBanner type="success">{root.flashMessage}</NotificationBanner> : null}
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  <li className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href="/accessibility">
                      Accessibility statement
                    </a>
                  </li>
                  <li className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href="/privacy">
                      Privacy
                    </a>
                  </li>
                </ul>
                <span className="govuk-footer__licence-description">
                  Outreach is open-source software. Run by {root?.councilName ?? "your council"}.
                </span>
              </div>
            </div>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
        <script
          type="module"
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: "import { initAll } from '/assets/govuk-frontend.min.js'; initAll();" }}
        />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  const matches = useMatches();
  const title = error ? `${errorPageTitle(error)} – Outreach` : pageTitle(matches, routerState?.actionData ?? null);
  return (
    <Document nonce={root?.cspNonce ?? ""} title={title}>
      {children}
    </Document>
  );
}

function errorPageTitle(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return STATUS_PAGES[status]?.title ?? "Sorry, there is a problem with the service";
}

export default function App() {
  return <Outlet />;
}

const STATUS_PAGES: Record<number, { title: string; body: ReactNode }> = {
  403: {
    title: "You do not have permission to view this page",
    body: (
      <>
        <p className="govuk-body">Your account does not have a role that allows this.</p>
        <p className="govuk-body">
          If you think you should have access, ask your system administrator.{" "}
          <a className="govuk-link" href="/">
            Go to the home page
          </a>
          .
        </p>
      </>
    ),
  },
  404: {
    title: "Page not found",
    body: (
      <>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the home page
          </a>
        </p>
      </>
    ),
  },
  429: {
    title: "Too many requests",
    body: null,
  },
  405: {
    title: "This page cannot be used like that",
    body: (
      <p className="govuk-body">
        The request method is not allowed here.{" "}
        <a className="govuk-link" href="/">
          Go to the home page
        </a>
        .
      </p>
    ),
  },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = STATUS_PAGES[status];
  const title = errorPageTitle(error);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {status === 429 && isRouteErrorResponse(error) ? (
          <p className="govuk-body">{typeof error.data === "string" && error.data ? error.data : "Wait a few minutes, then try again."}</p>
        ) : page ? (
          page.body
        ) : (
          <>
            <p className="govuk-body">Try again later. Nothing you had already saved has been lost.</p>
            <p className="govuk-body">
              If you report this problem, give this reference:{" "}
              <strong className="govuk-!-font-weight-bold">{root?.requestId ?? "unknown"}</strong>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
