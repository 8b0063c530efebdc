// Reporting periods. UK councils report to commissioners by financial year: 1 April to 31 March, in quarters
// Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. Dates are London "YYYY-MM-DD".

export type DatedPeriod = { from: string; to: string };
export type Quarter = DatedPeriod & { quarter: 1 | 2 | 3 | 4; label: string };

/** The first calendar year of the financial year holding a date: 2026 for 2026-04-01 … 2027-03-31. */
export function financialYearStarting(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) < "04-01" ? year - 1 : year;
}

/** "2026-27" */
export const financialYearLabel = (startYear: number) => `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;

export function financialYear(startYear: number): DatedPeriod {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

const QUARTER_MONTHS = [
  { from: "04-01", to: "06-30", label: "April to June" },
  { from: "07-01", to: "09-30", label: "July to September" },
  { from: "10-01", to: "12-31", label: "October to December" },
  { from: "01-01", to: "03-31", label: "January to March" },
];

export function financialQuarters(startYear: number): Quarter[] {
  return QUARTER_MONTHS.map((q, i) => {
    const year = i === 3 ? startYear + 1 : startYear;
    return {
      quarter: (i + 1) as Quarter["quarter"],
      from: `${year}-${q.from}`,
      to: `${year}-${q.to}`,
      label: `Q${i + 1} (${q.label} ${year})`,
    };
  });
}
