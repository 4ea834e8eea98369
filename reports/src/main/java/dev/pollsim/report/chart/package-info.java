/**
 * Charts of a run for design reviews, drawn with JFreeChart as SVG (JFreeSVG) and PNG: one small
 * class per chart, a {@link dev.pollsim.report.chart.PolicyPalette} that gives each policy one
 * colour in every chart, and a shared style with readable type and {@link java.util.Locale#ROOT}
 * numbers.
 */
package dev.pollsim.report.chart;
