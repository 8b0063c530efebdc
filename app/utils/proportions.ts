// Shares with 95 % confidence intervals, for evaluation results (ADR 020). Pure: unit-tested and used by the results
// model. Wilson score interval for one share (Wilson 1927); for the change between two independent shares, Newcombe's
// hybrid score interval built from the two Wilson intervals (Newcombe 1998, method 10); for paired answers, McNemar's
// test (exact binomial for up to 100 discordant pairs, otherwise the chi-squared form with continuity correction).

/** The 97.5th percentile of the standard normal distribution: a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export type Interval = { lower: number; upper: number };
export type Share = { successes: number; n: number; share: number } & Interval;

/** Wilson score interval for `successes` out of `n` (proportions from 0 to 1). */
export function wilsonInterval(successes: number, n: number, z: number = Z95): Share {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || n <= 0 || successes < 0 || successes > n)
    throw new RangeError("A share needs whole numbers with 0 ≤ successes ≤ n and n > 0");
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { successes, n, share: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Newcombe's interval for after.share − before.share, from the two Wilson intervals (independent samples). */
export function newcombeDifference(before: Share, after: Share): { difference: number } & Interval {
  const difference = after.share - before.share;
  return {
    difference,
    lower: difference - Math.sqrt((after.share - after.lower) ** 2 + (before.upper - before.share) ** 2),
    upper: difference + Math.sqrt((after.upper - after.share) ** 2 + (before.share - before.lower) ** 2),
  };
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1] + Math.log(k);
  return logFactorials[n];
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export const EXACT_MCNEMAR_LIMIT = 100;

/**
 * McNemar's test on paired yes/no answers: `agreeBeforeOnly` pupils agreed before but not after, `agreeAfterOnly`
 * after but not before. Two-sided p-value; null when there are no discordant pairs (nothing to test).
 */
export function mcnemar(agreeBeforeOnly: number, agreeAfterOnly: number): { p: number; method: "exact" | "chi-squared" } | null {
  const n = agreeBeforeOnly + agreeAfterOnly;
  if (n === 0) return null;
  if (n <= EXACT_MCNEMAR_LIMIT) {
    const k = Math.min(agreeBeforeOnly, agreeAfterOnly);
    let tail = 0;
    for (let i = 0; i <= k; i++) tail += Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) - n * Math.LN2);
    return { p: Math.min(1, 2 * tail), method: "exact" };
  }
  const chi2 = (Math.abs(agreeBeforeOnly - agreeAfterOnly) - 1) ** 2 / n;
  return { p: erfc(Math.sqrt(chi2 / 2)), method: "chi-squared" };
}

/** "58 %" and "+42 points (31 to 51)": how the pages write shares and changes. */
export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const points = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(Math.round(value * 100))}`;
