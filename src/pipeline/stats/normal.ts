/** The standard normal distribution: what the 95% intervals and tests use. */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Standard normal CDF, via the complementary error function (W. J. Cody's rational
 * Chebyshev approximation as given in Numerical Recipes, 3rd ed., §6.2.2: erfc to ~1.2e-7).
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  return 2 * (1 - normalCdf(Math.abs(z)));
}
