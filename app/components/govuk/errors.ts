export type FieldErrors = Record<string, string | string[] | null | undefined>;

function firstMessage(value: string | string[] | null | undefined): string | undefined {
  if (Array.isArray(value)) return value.find((message) => message.trim() !== "");
  return value && value.trim() !== "" ? value : undefined;
}

/**
 * Turn field errors (e.g. zod `flatten().fieldErrors` or Conform's `error`) into
 * ErrorSummary items: first message per field, href `#${field}`.
 *
 * - `order`: fields listed here come first, in this order (use the form's field order);
 *   any other fields with errors follow in object order.
 * - `targets`: override the element id for a field, e.g. `{ startDate: "startDate-day" }`
 *   so a DateInput's summary link reaches its first input.
 * - The "" key (Conform's form-level error) is skipped: pass it as ErrorSummary `description`.
 */
export function errorSummaryItems(
  fieldErrors: FieldErrors,
  order: string[] = [],
  targets: Record<string, string> = {},
): { href: string; text: string }[] {
  const fields = [...order, ...Object.keys(fieldErrors).filter((field) => !order.includes(field))];
  const items: { href: string; text: string }[] = [];
  for (const field of new Set(fields)) {
    if (field === "") continue;
    const text = firstMessage(fieldErrors[field]);
    if (text !== undefined) items.push({ href: `#${targets[field] ?? field}`, text });
  }
  return items;
}
