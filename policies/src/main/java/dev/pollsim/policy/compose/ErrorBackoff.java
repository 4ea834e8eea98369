package dev.pollsim.policy.compose;

import dev.pollsim.policy.param.Ratio;

/**
 * The error backoff after one kind of upstream error: {@code e = min(max(e x factor, min), cap)},
 * where {@code e} starts at the curve's floor and returns there after a good tick. Seed 000's
 * 429 rule is {@code {min: 30s, factor: 2, cap: 1m}}, its other errors {@code {factor: 2, cap: 1m}}.
 *
 * @param minUs the least delay after this error
 * @param factor the growth per error in a row
 * @param capUs the ceiling
 */
public record ErrorBackoff(long minUs, Ratio factor, long capUs) {

    public ErrorBackoff {
        if (minUs < 0 || capUs <= 0 || capUs < minUs || factor.lessThanOne()) {
            throw new IllegalArgumentException("need 0 <= min <= cap, cap > 0 and factor >= 1");
        }
    }

    /** The backoff after one more error of this kind, from {@code currentUs}. */
    long nextUs(long currentUs) {
        return Math.min(Math.max(factor.times(currentUs), minUs), capUs);
    }
}
