/** The built-in policies, one class per seed behaviour, and their catalogue. */
package dev.pollsim.policy.builtin;
