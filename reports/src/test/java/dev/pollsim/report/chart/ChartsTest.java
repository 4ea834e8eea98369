package dev.pollsim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.metrics.PolicyResult;
import dev.pollsim.sim.metrics.RequestKind;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The charts of the default scenario: labelled, one colour per policy, stable SVG, valid PNG. */
class ChartsTest {

    private static RunReport report;

    @BeforeAll
    static void runTheDefaultScenario() {
        Scenario s = new Presets(new ScenarioLoader()).find("default").orElseThrow();
        report = new ScenarioRunner(2).run(s,
                new PolicySelection(BuiltinPolicies.catalogue()).select(s, List.of(), List.of()));
    }

    @Test
    void shouldDrawFiveChartsWithDistinctNames() {
        assertThat(Charts.of(report)).extracting(ReportChart::name).containsExactly(
                "requests-vs-p99", "requests-per-day", "wake-latency-cdf", "poll-interval", "hourly");
    }

    @Test
    void everyChartShouldHaveATitleAxisLabelsWithUnitsAndALegend() {
        for (ReportChart c : Charts.of(report)) {
            JFreeChart chart = c.chart();
            assertThat(chart.getTitle().getText()).as(c.name()).isEqualTo(c.title()).isNotBlank();
            assertThat(c.howToRead()).as(c.name()).isNotBlank();
            assertThat(chart.getLegend()).as(c.name()).isNotNull();
            assertThat(chart.getPlot().getLegendItems().getItemCount()).as(c.name()).isPositive();
            for (Axis axis : axes(chart)) {
                assertThat(axis.getLabel()).as(c.name()).isNotBlank();
            }
            assertThat(axes(chart)).as(c.name()).anyMatch(a -> a.getLabel().contains("("));
            assertThat(c.widthPx()).isEqualTo(1200);
            assertThat(c.heightPx()).isGreaterThanOrEqualTo(700);
        }
    }

    @Test
    void aPolicyShouldKeepOneColourInEveryChart() {
        PolicyPalette palette = Charts.palette(report);
        int checked = 0;
        for (ReportChart c : Charts.of(report)) {
            LegendItemCollection items = c.chart().getPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                LegendItem item = items.get(i);
                if (palette.labels().contains(item.getLabel())) {
                    Paint paint = item.isShapeVisible() && item.isShapeFilled() ? item.getFillPaint() : item.getLinePaint();
                    assertThat(paint).as(c.name() + " " + item.getLabel()).isEqualTo(palette.colour(item.getLabel()));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3 * report.results().size() - 5);
        CategoryPlot bars = Charts.of(report).get(1).chart().getCategoryPlot();
        for (int column = 0; column < report.results().size(); column++) {
            String label = report.results().get(column).label();
            int empty = bars.getDataset().getRowIndex("empty polls");
            assertThat(bars.getRenderer().getItemPaint(empty, column))
                    .isEqualTo(RequestsPerDayChart.shade(palette.colour(label), RequestKind.EMPTY_POLL));
        }
    }

    @Test
    void thePaletteShouldGiveTwelveDistinctColoursThenDashes() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            labels.add("p" + i);
        }
        PolicyPalette palette = new PolicyPalette(labels);
        Set<Paint> colours = new HashSet<>();
        labels.subList(0, 12).forEach(l -> colours.add(palette.colour(l)));
        assertThat(colours).hasSize(12);
        assertThat(palette.colour("p12")).isEqualTo(palette.colour("p0"));
        assertThat(palette.stroke("p12")).isNotEqualTo(palette.stroke("p0"));
        assertThat(palette.css("p0")).isEqualTo("#1f77b4");
    }

    @Test
    void svgShouldBeByteIdenticalRunToRunAndValidXml() throws Exception {
        List<ReportChart> first = Charts.of(report);
        List<ReportChart> second = Charts.of(report);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            String svg = ChartFiles.svg(first.get(i));
            assertThat(svg).isEqualTo(ChartFiles.svg(second.get(i)));
            assertThat(svg).isEqualTo(ChartFiles.svg(first.get(i)));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertThat(svg).contains("<title>" + first.get(i).title() + "</title>", "viewBox='0 0 1200 ");
            Matcher m = Pattern.compile(" id='([^']+)'").matcher(svg);
            while (m.find()) {
                assertThat(m.group(1)).startsWith(first.get(i).name());
                assertThat(ids.add(m.group(1))).as("id %s unique across the report", m.group(1)).isTrue();
            }
        }
    }

    @Test
    void svgNumbersShouldNotFollowTheDefaultLocale() {
        // Surefire runs under tr_TR, whose grouping separator is '.': ticks must still read 10,000.
        String svg = ChartFiles.svg(Charts.of(report).get(0));
        assertThat(svg).contains(">10,000<", ">100,000<").doesNotContain(">10.000<");
    }

    @Test
    void pngShouldDecodeAtTheChartSize() throws IOException {
        ReportChart c = Charts.of(report).get(2);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartFiles.png(c)));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(c.heightPx());
    }

    @Test
    void policiesWithoutPickupsShouldBeNamedNotDrawn() {
        List<String> none = report.results().stream().filter(r -> r.wakeLatency().count() == 0)
                .map(PolicyResult::label).toList();
        assertThat(none).contains("hibernate");
        ReportChart tradeOff = Charts.of(report).get(0);
        XYPlot plot = tradeOff.chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(report.results().size() - none.size());
        assertThat(ChartFiles.svg(tradeOff)).contains("No job picked up, no p99: " + none.get(0));
    }

    private static List<Axis> axes(JFreeChart chart) {
        List<Axis> axes = new ArrayList<>();
        if (chart.getPlot() instanceof CategoryPlot) {
            axes.add(chart.getCategoryPlot().getDomainAxis());
            axes.add(chart.getCategoryPlot().getRangeAxis());
        } else if (chart.getPlot() instanceof CombinedDomainXYPlot) {
            CombinedDomainXYPlot p = (CombinedDomainXYPlot) chart.getPlot();
            axes.add(p.getDomainAxis());
            p.getSubplots().forEach(s -> axes.add(s.getRangeAxis()));
        } else {
            axes.add(chart.getXYPlot().getDomainAxis());
            axes.add(chart.getXYPlot().getRangeAxis());
        }
        return axes;
    }
}
