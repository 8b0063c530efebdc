// Bank holidays for England and Wales from a file in the shape of https://www.gov.uk/bank-holidays.json.
// Update by replacing app/data/bank-holidays.json (and restarting): it is read once per process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const DIVISION = "england-and-wales";
const BANK_HOLIDAYS_FILE = path.join(process.cwd(), "app", "data", "bank-holidays.json");

const fileSchema = z.object({
  [DIVISION]: z.object({
    events: z.array(z.object({ title: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
  }),
});

let cache: Map<string, string> | undefined;

/** Parse a GOV.UK bank-holidays.json document into date → title for England and Wales. */
export function parseBankHolidays(text: string): Map<string, string> {
  const parsed = fileSchema.parse(JSON.parse(text));
  return new Map(parsed[DIVISION].events.map((e) => [e.date, e.title.replace(/’/g, "'")]));
}

function bankHolidays(): Map<string, string> {
  return (cache ??= parseBankHolidays(readFileSync(BANK_HOLIDAYS_FILE, "utf8")));
}

/** The bank holiday's name on this date ("Easter Monday"), or null. */
export function bankHolidayOn(date: string): string | null {
  return bankHolidays().get(date) ?? null;
}

/** The next bank holidays on or after a date, soonest first. */
export function bankHolidaysFrom(date: string, count: number): { date: string; title: string }[] {
  return [...bankHolidays()]
    .filter(([d]) => d >= date)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, count)
    .map(([d, title]) => ({ date: d, title }));
}
