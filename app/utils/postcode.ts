// UK postcodes in one place: "nf1 3qa", "NF13QA" and " Nf1  3Qa " all become "NF1 3QA".
// The pattern is the published outward/inward shape (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA)
// plus GIR 0AA; it checks shape, not whether the postcode exists.
const POSTCODE =
  /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** The normalised postcode ("NF1 3QA"), or null when the text is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (compact.length < 5 || compact.length > 7 || !POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export const isPostcode = (input: string) => normalisePostcode(input) !== null;
