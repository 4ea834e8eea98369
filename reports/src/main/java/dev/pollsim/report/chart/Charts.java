package dev.pollsim.report.chart;

import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.run.RunReport;
import java.util.List;

/**
 * Every chart of a report, built from one run: the trade-off at a glance, requests per day by
 * kind, the wake-latency distribution, the poll interval over time and the hourly series. All
 * share one {@link PolicyPalette}, so a policy has one colour throughout.
 */
public final class Charts {

    private Charts() {}

    /** The charts of {@code report}, in the order a report shows them. */
    public static List<ReportChart> of(RunReport report) {
        PolicyPalette palette = palette(report);
        return List.of(
                TradeOffChart.create(report, palette),
                RequestsPerDayChart.create(report, palette),
                LatencyCdfChart.create(report, palette),
                PollIntervalChart.create(report, palette),
                HourlyChart.create(report, palette));
    }

    /** The colours of {@code report}'s policies, in the order it ran them. */
    public static PolicyPalette palette(RunReport report) {
        return new PolicyPalette(report.results().stream().map(PolicyResult::label).toList());
    }
}
