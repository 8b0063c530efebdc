// Vocabulary of attendance shared by the models and the pages (no server code here).

/** Year groups we count pupils in: Year 5 (the 10–12 tool in primaries) to Year 13. */
export const YEAR_GROUPS = ["Y5", "Y6", "Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

export const isYearGroup = (value: string): value is YearGroup => (YEAR_GROUPS as readonly string[]).includes(value);
export const yearGroupLabel = (yearGroup: string) => `Year ${yearGroup.replace(/^Y/, "")}`;

/** Stored values of AttendanceCount.sex. */
export const SEXES = ["GIRL", "BOY", "OTHER", "NOT_RECORDED"] as const;
export type Sex = (typeof SEXES)[number];
export const isSex = (value: string): value is Sex => (SEXES as readonly string[]).includes(value);

/** Columns of the count form. A year group's total with no split by sex goes in the last one. */
export const SEX_COLUMNS = [
  { sex: "GIRL", label: "Girls" },
  { sex: "BOY", label: "Boys" },
  { sex: "NOT_RECORDED", label: "Other or not recorded" },
] as const satisfies readonly { sex: Sex; label: string }[];

export const countFieldName = (yearGroup: string, sex: string) => `count-${yearGroup}-${sex}`;
export const COUNT_FIELD_NAMES = YEAR_GROUPS.flatMap((yearGroup) => SEX_COLUMNS.map(({ sex }) => countFieldName(yearGroup, sex)));

export type ProgrammeKind = "SCHOOL_PLAY" | "COMMUNITY_PERFORMANCE" | "STAFF_BRIEFING" | "DRIVER_TRAINING" | "AWARENESS_STALL" | "OTHER";

/** How a session's reach is recorded: pupils counted by year group, a headcount, or a named register. */
export type AttendanceMode = "PUPIL_COUNTS" | "HEADCOUNT" | "REGISTER";

export function attendanceModeFor(kind: ProgrammeKind): AttendanceMode {
  if (kind === "STAFF_BRIEFING" || kind === "DRIVER_TRAINING") return "REGISTER";
  if (kind === "COMMUNITY_PERFORMANCE" || kind === "AWARENESS_STALL") return "HEADCOUNT";
  return "PUPIL_COUNTS";
}

export const REGISTER_STATUS_LABELS = { EXPECTED: "Expected", ATTENDED: "Attended", ABSENT: "Absent" } as const;
export type RegisterStatus = keyof typeof REGISTER_STATUS_LABELS;

/** Columns of a register upload, in the order the page suggests (other spellings are accepted too). */
export const IMPORT_COLUMNS = ["name", "email", "organisation", "job role", "licence number", "licensing authority", "taxi operator"];
