package dev.pollsim.report.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report, ready to draw. The chart is mutable and NOT thread-safe: draw it from
 * one thread at a time.
 *
 * @param name file name without extension, also the prefix of every id in its SVG
 *     ({@code requests-per-day})
 * @param title the chart's title
 * @param howToRead one or two sentences on reading it, for the HTML report
 * @param chart the chart
 * @param widthPx width to draw at, in pixels
 * @param heightPx height to draw at, in pixels
 */
public record ReportChart(String name, String title, String howToRead, JFreeChart chart, int widthPx, int heightPx) {}
