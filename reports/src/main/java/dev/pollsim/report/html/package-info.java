/** The self-contained HTML report: charts inline as SVG, the tables, no script and no network. */
package dev.pollsim.report.html;
