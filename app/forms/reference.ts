// The choices the reference-data forms offer and the labels pages show for them (no zod: pages import these, and
// the schemas that parse the forms are in reference.server.ts, which never reaches the browser).
export const PROGRAMME_KINDS = [
  "SCHOOL_PLAY",
  "COMMUNITY_PERFORMANCE",
  "STAFF_BRIEFING",
  "DRIVER_TRAINING",
  "AWARENESS_STALL",
  "OTHER",
] as const;
export const PROGRAMME_KIND_LABELS: Record<(typeof PROGRAMME_KINDS)[number], string> = {
  SCHOOL_PLAY: "Theatre play in school",
  COMMUNITY_PERFORMANCE: "Community performance",
  STAFF_BRIEFING: "Staff briefing",
  DRIVER_TRAINING: "Driver training",
  AWARENESS_STALL: "Awareness stall",
  OTHER: "Other",
};
export const AUDIENCE_TYPES = ["PUPILS", "STAFF", "DRIVERS", "PUBLIC"] as const;
export const AUDIENCE_LABELS: Record<(typeof AUDIENCE_TYPES)[number], string> = {
  PUPILS: "Pupils",
  STAFF: "Staff",
  DRIVERS: "Drivers",
  PUBLIC: "Public",
};
export const YEAR_GROUPS = ["5", "6", "7", "8", "9", "10", "11", "12", "13"] as const;

export const VENUE_KINDS = [
  "SECONDARY_SCHOOL",
  "COLLEGE",
  "SPECIAL_SCHOOL",
  "PRIMARY_SCHOOL",
  "COMMUNITY_VENUE",
  "TAXI_OPERATOR",
  "COUNCIL_SITE",
  "PUBLIC_SPACE",
] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export const VENUE_KIND_LABELS: Record<VenueKind, string> = {
  SECONDARY_SCHOOL: "Secondary school",
  COLLEGE: "College",
  SPECIAL_SCHOOL: "Special school",
  PRIMARY_SCHOOL: "Primary school",
  COMMUNITY_VENUE: "Community venue",
  TAXI_OPERATOR: "Taxi operator",
  COUNCIL_SITE: "Council site",
  PUBLIC_SPACE: "Public space",
};
export const VENUE_SORTS = ["name", "-name", "kind", "postcode", "roll", "-roll", "la"] as const;
export type VenueSort = (typeof VENUE_SORTS)[number];
/** Venues that follow a school calendar (terms, half-terms, INSET days, bank holidays, weekends). */
export const SCHOOL_KINDS = ["SECONDARY_SCHOOL", "COLLEGE", "SPECIAL_SCHOOL", "PRIMARY_SCHOOL"] as const satisfies readonly VenueKind[];
export const isSchoolKind = (kind: string) => (SCHOOL_KINDS as readonly string[]).includes(kind);

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export const WEEKDAY_LABELS: Record<(typeof WEEKDAYS)[number], string> = {
  "1": "Monday",
  "2": "Tuesday",
  "3": "Wednesday",
  "4": "Thursday",
  "5": "Friday",
  "6": "Saturday",
  "7": "Sunday",
};

export const CLOSURE_REASONS = ["INSET", "EXAMS", "CLOSURE", "OTHER"] as const;
export const CLOSURE_REASON_LABELS: Record<(typeof CLOSURE_REASONS)[number], string> = {
  INSET: "INSET day",
  EXAMS: "Exams",
  CLOSURE: "Closure",
  OTHER: "Other",
};

export const TERM_NAMES = ["Autumn", "Spring", "Summer"] as const;
/** The header of a term-dates CSV file. */
export const TERM_CSV_COLUMNS = ["academic_year", "term", "start_date", "end_date", "half_term_start", "half_term_end"] as const;
