import type { ReactNode } from "react";
import { cx } from "./utils";

export type TagColour =
  "grey" | "green" | "turquoise" | "teal" | "blue" | "light-blue" | "purple" | "pink" | "magenta" | "red" | "orange" | "yellow";

// govuk-frontend 6.x: the default tag is blue and there are no --blue / --light-blue
// modifiers; --turquoise / --pink are deprecated aliases of --teal / --magenta.
const MODIFIER: Record<TagColour, string | undefined> = {
  grey: "govuk-tag--grey",
  green: "govuk-tag--green",
  turquoise: "govuk-tag--teal",
  teal: "govuk-tag--teal",
  blue: undefined,
  "light-blue": undefined,
  purple: "govuk-tag--purple",
  pink: "govuk-tag--magenta",
  magenta: "govuk-tag--magenta",
  red: "govuk-tag--red",
  orange: "govuk-tag--orange",
  yellow: "govuk-tag--yellow",
};

export interface TagProps {
  colour?: TagColour;
  className?: string;
  children: ReactNode;
}

export function Tag({ colour, className, children }: TagProps) {
  return <strong className={cx("govuk-tag", colour && MODIFIER[colour], className)}>{children}</strong>;
}
