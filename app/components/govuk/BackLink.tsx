import type { ReactNode } from "react";
import { cx } from "./utils";

export interface BackLinkProps {
  href: string;
  className?: string;
  /** Defaults to "Back". */
  children?: ReactNode;
}

export function BackLink({ href, className, children = "Back" }: BackLinkProps) {
  return (
    <a href={href} className={cx("govuk-back-link", className)}>
      {children}
    </a>
  );
}
