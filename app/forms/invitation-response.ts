// The response page's preferred-date fields (no zod: the page imports these; the schema is in
// invitation-response.server.ts).

export const PREFERRED_DATE_FIELDS = ["preferred1", "preferred2", "preferred3"] as const;
