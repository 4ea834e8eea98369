/** Policy parameters: their declarations, exact durations and factors, and resolution. */
package dev.pollsim.policy.param;
