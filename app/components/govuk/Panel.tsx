import type { ReactNode } from "react";
import { cx } from "./utils";

export interface PanelProps {
  title: ReactNode;
  /** Defaults to 1. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  className?: string;
  children?: ReactNode;
}

export function Panel({ title, headingLevel = 1, className, children }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  // As in govuk-frontend: a confirmation panel unless the classes ask for the interruption variant.
  const interruption = className?.split(/\s+/).includes("govuk-panel--interruption");
  return (
    <div className={cx("govuk-panel", !interruption && "govuk-panel--confirmation", className)}>
      <Heading className="govuk-panel__title">{title}</Heading>
      {children != null && children !== "" ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}
