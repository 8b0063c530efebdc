// The plan request form's field order and limits (no zod: pages import these; the schema is in plans.server.ts).

export const PLAN_FIELD_ORDER = [
  "programmeId",
  "teamIds",
  "from",
  "to",
  "venueIds",
  "targetKind",
  "targetPupils",
  "sessionsPerDay",
  "dayStart",
  "dayEnd",
  "workingWeekdays",
  "excludedDates",
];
/** A plan covers at most an academic year and a bit. */
export const MAX_PLAN_DAYS = 400;
