package dev.pollsim.policy;

/** The upstream error a tick met. */
public enum TickError {
    /** The tick succeeded. */
    NONE,
    /** The upstream answered 429 Too Many Requests. */
    RATE_LIMITED,
    /** Any other failure (5xx, timeout). */
    SERVER_ERROR
}
