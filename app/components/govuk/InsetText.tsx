import type { ReactNode } from "react";
import { cx } from "./utils";

export interface InsetTextProps {
  id?: string;
  className?: string;
  children: ReactNode;
}

export function InsetText({ id, className, children }: InsetTextProps) {
  return (
    <div id={id} className={cx("govuk-inset-text", className)}>
      {children}
    </div>
  );
}
