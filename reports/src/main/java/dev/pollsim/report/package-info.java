/** Output of runs: the terminal table, and JSON and CSV with stable, documented names. */
package dev.pollsim.report;
