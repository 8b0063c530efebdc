// Small-number suppression for disclosure figures shown to anyone who is not a safeguarding lead.
// Primary: a count of 1 to 4 is shown as "fewer than 5". Secondary: when a table's shown total and its other shown
// cells would let a reader work a suppressed cell out by subtraction, the total is withheld too.

export const SUPPRESSED = "fewer than 5";
export const WITHHELD = "withheld";
/** The smallest count shown as a number: 5 for staff; a council may set a larger one for public reports. */
export const DEFAULT_THRESHOLD = 5;
export type Suppressed = typeof SUPPRESSED | typeof WITHHELD | `fewer than ${number}`;
export type ShownCount = number | Suppressed;

/** "fewer than 5", or "fewer than 10" under a council's larger public threshold. */
export const suppressedLabel = (threshold: number): Suppressed =>
  threshold === DEFAULT_THRESHOLD ? SUPPRESSED : `fewer than ${threshold}`;

const isSmallUnder = (threshold: number) => (n: number) => n >= 1 && n < threshold;

/**
 * A row (or column) of counts and its total, as a viewer may see them. `exact` (safeguarding leads) returns them as
 * they are. Otherwise cells and total from 1 to threshold − 1 (1–4 by default) become "fewer than <threshold>"; and if
 * the suppressed cells could then be recovered from the shown total (one suppressed cell; or several whose remainder
 * forces every one to be 1, or every one to be threshold − 1), the total becomes WITHHELD. The total is withheld
 * rather than another cell because another cell of 5 or more shown as "fewer than 5" would be untrue, and a cell
 * marked differently would still narrow the suppressed one.
 */
export function suppressCounts(
  cells: number[],
  total: number,
  exact: boolean,
  threshold: number = DEFAULT_THRESHOLD,
): { cells: ShownCount[]; total: ShownCount } {
  if (exact) return { cells, total };
  const isSmall = isSmallUnder(threshold);
  const label = suppressedLabel(threshold);
  const shownCells: ShownCount[] = cells.map((n) => (isSmall(n) ? label : n));
  if (isSmall(total)) return { cells: shownCells, total: label };
  const hidden = cells.filter(isSmall);
  const remainder = total - cells.filter((n) => !isSmall(n)).reduce((sum, n) => sum + n, 0);
  const k = hidden.length;
  const recoverable = k === 1 || (k > 1 && (remainder === k || remainder === (threshold - 1) * k));
  return { cells: shownCells, total: recoverable ? WITHHELD : total };
}

/** One count on its own (no total beside it). */
export function suppressCount(n: number, exact: boolean, threshold: number = DEFAULT_THRESHOLD): ShownCount {
  return !exact && isSmallUnder(threshold)(n) ? suppressedLabel(threshold) : n;
}

export const NOT_ENOUGH_PUPILS = "not enough pupils";

/**
 * Disclosures per 1,000 pupils, one decimal ("3.2"). A rate from a count the viewer may not see is withheld too: with
 * the pupils shown beside it, the rate would give the count back.
 */
export function perThousandPupils(disclosures: ShownCount, pupils: number): string {
  if (pupils <= 0) return NOT_ENOUGH_PUPILS;
  if (typeof disclosures !== "number") return WITHHELD;
  return ((disclosures / pupils) * 1000).toFixed(1);
}
