import { describe, expect, it } from "vitest";
import { isPostcode, normalisePostcode } from "~/utils/postcode";

describe("normalisePostcode", () => {
  it.each([
    ["nf1 3qa", "NF1 3QA"],
    ["NF13QA", "NF1 3QA"],
    ["  Nf1   3Qa ", "NF1 3QA"],
    ["sw1a 1aa", "SW1A 1AA"],
    ["m1 1ae", "M1 1AE"],
    ["b33 8th", "B33 8TH"],
    ["cr2 6xh", "CR2 6XH"],
    ["dn55 1pt", "DN55 1PT"],
    ["w1a 0ax", "W1A 0AX"],
    ["ec1a 1bb", "EC1A 1BB"],
    ["gir 0aa", "GIR 0AA"],
    ["LS1 4AP", "LS1 4AP"],
  ])("%s → %s", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(["", "NF1", "12345", "NF1 3Q", "NF1 3QAA", "QQ1 1AA", "NF1 3CA", "N F 1 3 Q A X", "NF1-3QA", "<script>", "SW1A 1AA SW1A 1AA"])(
    "refuses %j",
    (input) => {
      expect(normalisePostcode(input)).toBeNull();
      expect(isPostcode(input)).toBe(false);
    },
  );
});
