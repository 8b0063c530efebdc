// Wilson, Newcombe and McNemar checked against values worked out by hand (and, for Newcombe, his published example).
import { describe, expect, it } from "vitest";
import { mcnemar, newcombeDifference, wilsonInterval } from "~/utils/proportions";

describe("Wilson score interval", () => {
  it("gives 49.0% to 94.3% for 8 of 10", () => {
    // p = 0.8, z² = 3.8415; denominator 1 + z²/n = 1.38415; centre (0.8 + 0.19207) / 1.38415 = 0.71674;
    // half-width (1.96 / 1.38415) × √(0.016 + 0.0096037) = 1.41600 × 0.16001 = 0.22658 → 0.49016 to 0.94332.
    const share = wilsonInterval(8, 10);
    expect(share.share).toBe(0.8);
    expect(share.lower).toBeCloseTo(0.49016, 4);
    expect(share.upper).toBeCloseTo(0.94332, 4);
  });

  it("never leaves 0 to 1, and is not empty at 0 of n", () => {
    // 0 of 10: centre = half-width = (z²/20) / 1.38415 = 0.13877, so 0 to 0.27753.
    const none = wilsonInterval(0, 10);
    expect(none.lower).toBeCloseTo(0, 12);
    expect(none.upper).toBeCloseTo(0.27753, 4);
    const all = wilsonInterval(10, 10);
    expect(all.upper).toBeCloseTo(1, 12);
    expect(all.upper).toBeLessThanOrEqual(1);
    expect(all.lower).toBeCloseTo(1 - 0.27753, 4);
  });

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

describe("Newcombe's interval for a change in shares", () => {
  it("matches Newcombe (1998), method 10: 56/70 − 48/80 is 0.0524 to 0.3339", () => {
    const change = newcombeDifference(wilsonInterval(48, 80), wilsonInterval(56, 70));
    expect(change.difference).toBeCloseTo(0.2, 10);
    expect(change.lower).toBeCloseTo(0.0524, 4);
    expect(change.upper).toBeCloseTo(0.3339, 4);
  });
});

describe("McNemar's test", () => {
  it("is exact for few discordant pairs: 1 against 10 gives p = 2 × (1 + 11) / 2¹¹", () => {
    const result = mcnemar(1, 10)!;
    expect(result.method).toBe("exact");
    expect(result.p).toBeCloseTo((2 * 12) / 2048, 12);
  });

  it("is 1 when the discordant pairs balance, and null when there are none", () => {
    expect(mcnemar(5, 5)?.p).toBeCloseTo(1, 12);
    expect(mcnemar(0, 0)).toBeNull();
  });

  it("uses chi-squared with continuity correction above 100 discordant pairs", () => {
    // (|40 − 80| − 1)² / 120 = 12.675; p = erfc(√(12.675 / 2)) = 0.000370
    const result = mcnemar(40, 80)!;
    expect(result.method).toBe("chi-squared");
    expect(result.p).toBeCloseTo(0.00037, 5);
  });
});
