import type { ReactNode } from "react";
import { cx } from "./utils";

export interface NotificationBannerProps {
  /** "success" gives the green variant with role="alert" (focused by GOV.UK JS). */
  type?: "success";
  /** Defaults to "Success" / "Important". */
  title?: string;
  /** Rendered as <p class="govuk-notification-banner__heading">. */
  heading?: ReactNode;
  children?: ReactNode;
  /** Defaults to "govuk-notification-banner-title"; set when more than one banner is on a page. */
  titleId?: string;
  disableAutoFocus?: boolean;
  className?: string;
}

export function NotificationBanner({
  type,
  title,
  heading,
  children,
  titleId = "govuk-notification-banner-title",
  disableAutoFocus,
  className,
}: NotificationBannerProps) {
  const success = type === "success";
  return (
    <div
      className={cx("govuk-notification-banner", success && "govuk-notification-banner--success", className)}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading != null && heading !== "" ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
