// What a record id looks like. Anything else in a URL, a form or a filter is refused or ignored, never queried:
// PostgreSQL refuses a NUL byte with an error. Plain (no zod), since pages import it too.
export const RECORD_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const isRecordId = (value: string | null | undefined): value is string => !!value && RECORD_ID.test(value);
