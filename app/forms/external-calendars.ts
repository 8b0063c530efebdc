// The order of the busy-calendar form's fields in the error summary (the schema is in external-calendars.server.ts).

export const EXTERNAL_CALENDAR_FIELD_ORDER = ["label", "secretUrl"];
