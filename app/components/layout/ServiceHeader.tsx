import { useLocation } from "@remix-run/react";
import type { NavItem } from "~/utils/navigation";

/** Service navigation with the service name. No GOV.UK header or crown: this is a council service, not a GOV.UK one. */
export function ServiceHeader({ user, navigation }: { user: { name: string } | null; navigation: NavItem[] }) {
  const { pathname } = useLocation();
  return (
    <header>
      <section aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                Outreach
              </a>
            </span>
            {navigation.length > 0 ? (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                >
                  Menu
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => {
                    const active = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
                    return (
                      <li
                        key={item.href}
                        className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <a className="govuk-service-navigation__link" href={item.href} aria-current={active ? "page" : undefined}>
                          {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            ) : null}
            {user ? (
              <form method="post" action="/sign-out" className="app-sign-out">
                <a className="govuk-link govuk-body-s app-signed-in-as" href="/account">
                  {user.name}
                  <span className="govuk-visually-hidden">: your account</span>
                </a>{" "}
                <button
                  type="submit"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-sign-out__button"
                  data-module="govuk-button"
                >
                  Sign out
                </button>
              </form>
            ) : null}
          </div>
        </div>
      </section>
    </header>
  );
}
