/**
 * Policies composed in the scenario file, without Java: an idle curve with a floor and a cap,
 * what resets it, what saturation does, an error backoff per kind of error, jitter (percent and
 * the full, equal and decorrelated kinds of the AWS backoff study), a suspend window, wake
 * sources, a clamp to the next known deadline, and batches. See {@code docs/COMPOSE.md}.
 */
package dev.pollsim.policy.compose;
