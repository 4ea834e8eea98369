/**
 * Output of runs: the terminal table, JSON and CSV with stable, documented names, and the
 * Markdown summary; charts, the HTML page and the report folder live in the subpackages.
 */
package dev.pollsim.report;
