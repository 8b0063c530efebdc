// Small-number suppression for disclosure figures shown to anyone who is not a safeguarding lead.
// Primary: a count of 1 to 4 is shown as "fewer than 5". Secondary: when a table's shown total and its other shown
// cells would let a reader work a suppressed cell out by subtraction, the total is withheld too.

export const SUPPRESSED = "fewer than 5";
export const WITHHELD = "withheld";
export type Suppressed = typeof SUPPRESSED | typeof WITHHELD;
export type ShownCount = number | Suppressed;

const isSmall = (n: number) => n >= 1 && n <= 4;

/**
 * A row (or column) of counts and its total, as a viewer may see them. `exact` (safeguarding leads) returns them as
 * they are. Otherwise cells and total of 1–4 become SUPPRESSED; and if the suppressed cells could then be recovered
 * from the shown total (one suppressed cell; or several whose remainder forces every one to be 1, or every one to be
 * 4), the total becomes WITHHELD. The total is withheld rather than another cell because another cell of 5 or more
 * shown as "fewer than 5" would be untrue, and a cell marked differently would still narrow the suppressed one.
 */
export function suppressCounts(cells: number[], total: number, exact: boolean): { cells: ShownCount[]; total: ShownCount } {
  if (exact) return { cells, total };
  const shownCells: ShownCount[] = cells.map((n) => (isSmall(n) ? SUPPRESSED : n));
  if (isSmall(total)) return { cells: shownCells, total: SUPPRESSED };
  const hidden = cells.filter(isSmall);
  const remainder = total - cells.filter((n) => !isSmall(n)).reduce((sum, n) => sum + n, 0);
  const k = hidden.length;
  const recoverable = k === 1 || (k > 1 && (remainder === k || remainder === 4 * k));
  return { cells: shownCells, total: recoverable ? WITHHELD : total };
}

/** One count on its own (no total beside it). */
export function suppressCount(n: number, exact: boolean): ShownCount {
  return !exact && isSmall(n) ? SUPPRESSED : n;
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
