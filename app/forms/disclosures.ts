// The order of the disclosure forms' fields in the error summary, and the first input of each date (no zod: pages
// import these; the schemas are in disclosures.server.ts).

export const LOG_FIELD_ORDER = [
  "where",
  "disclosedAt",
  "yearGroup",
  "ageBand",
  "sex",
  "attendsVenueSchool",
  "categoryIds",
  "risk",
  "account",
  "immediateAction",
  "referralTo",
  "referralAt",
  "referralReference",
];
export const DATE_TARGETS = {
  disclosedAt: "disclosedAt-day",
  referralAt: "referralAt-day",
  dueDate: "dueDate-day",
  doneDate: "doneDate-day",
};
