// Which schools teach a year group, from their statutory age range (GIAS StatutoryLowAge/HighAge): pupils in Year Y
// are Y + 4 on 1 September and Y + 5 by the summer, so Year 10 is 14-15 and a 4-11 primary teaches Years R to 6.

/** The youngest and oldest ages of pupils in a year group during the school year. */
export const agesOfYearGroup = (year: number) => ({ youngest: year + 4, oldest: year + 5 });

/** Does a school with this statutory age range teach the year group? */
export function teachesYearGroup(lowAge: number, highAge: number, year: number): boolean {
  const { youngest, oldest } = agesOfYearGroup(year);
  return lowAge <= youngest && highAge >= oldest;
}
