/** The sweep's frontier chart (JFreeChart, written as SVG and PNG). */
package dev.pollsim.report.sweep;
