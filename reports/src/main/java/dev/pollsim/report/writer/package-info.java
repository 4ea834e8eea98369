/** Writes the report folder of a run: HTML, JSON, CSV, Markdown and every chart as SVG and PNG. */
package dev.pollsim.report.writer;
