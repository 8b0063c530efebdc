// The targets list's filters and a target's limits (no zod: pages import these; the schemas are in targets.server.ts).

export const TARGET_FILTERS = ["current", "past", "all"] as const;
export type TargetFilter = (typeof TARGET_FILTERS)[number];

export const TARGET_MAX_VALUE = 1_000_000;
/** Longer periods are almost always a typing mistake in the year. */
export const TARGET_MAX_MONTHS = 24;
