// Fixed choices on the disclosure forms, shared by the pages and the model (no server code here).
// Year groups and sexes are the ones attendance counts in, so disclosure figures line up with reach.
import { SEXES } from "~/utils/attendance";

export { SEXES, YEAR_GROUPS, yearGroupLabel } from "~/utils/attendance";
/**
 * A name-check pattern is literal words plus this placeholder (one word starting with a capital letter). Here, not in
 * the settings model, because the settings page shows it: a .server module's exports are undefined in the browser.
 */
export const CAPITALISED = "<Capitalised>";

export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };
export const RISK_DEFINITIONS: Record<RiskLevel, string> = {
  LOW: "No immediate danger. The concern is shared with the school's designated safeguarding lead or monitored.",
  MEDIUM: "The young person may be at risk of harm. A referral or follow-up is needed within one working day.",
  HIGH: "The young person is at risk of significant harm now. Phone MASH (or the police on 999) before you leave.",
};

export const DISCLOSURE_STATUSES = ["OPEN", "REFERRED", "MONITORING", "CLOSED"] as const;
export type DisclosureStatusValue = (typeof DISCLOSURE_STATUSES)[number];
export const STATUS_LABELS: Record<DisclosureStatusValue, string> = {
  OPEN: "Open",
  REFERRED: "Referred",
  MONITORING: "Monitoring",
  CLOSED: "Closed",
};

export const REFERRAL_TARGETS = ["MASH", "CHILDRENS_SOCIAL_CARE", "POLICE", "SCHOOL_DSL", "HEALTH", "OTHER"] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_LABELS: Record<ReferralTarget, string> = {
  MASH: "MASH (multi-agency safeguarding hub)",
  CHILDRENS_SOCIAL_CARE: "Children's social care",
  POLICE: "Police",
  SCHOOL_DSL: "School designated safeguarding lead",
  HEALTH: "Health",
  OTHER: "Other",
};
/** Referrals that make a record a children's social care record (the longer retention period). */
export const SOCIAL_CARE_REFERRALS: readonly ReferralTarget[] = ["MASH", "CHILDRENS_SOCIAL_CARE"];

export const UNLINKED_CONTEXTS = ["OUTREACH", "STALL"] as const;
export const UNLINKED_LABELS: Record<(typeof UNLINKED_CONTEXTS)[number], string> = {
  OUTREACH: "Outreach (not at a session)",
  STALL: "Awareness stall",
};

export const AGE_BANDS = ["UNDER_11", "11_13", "14_15", "16_17", "18_PLUS"] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  UNDER_11: "Under 11",
  "11_13": "11 to 13",
  "14_15": "14 to 15",
  "16_17": "16 to 17",
  "18_PLUS": "18 or over",
};
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = {
  GIRL: "Girl",
  BOY: "Boy",
  OTHER: "Other",
  NOT_RECORDED: "Not recorded",
};
