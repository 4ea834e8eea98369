/**
 * The policy SPI: {@link dev.pollsim.policy.PollPolicy} and what the simulator tells it.
 *
 * <p>Policies never read a clock; time is a {@code long} of microseconds passed in.
 */
package dev.pollsim.policy;
