package dev.pollsim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void aLogAxisShouldTickEveryDecadeWithPlainRootLabels() {
        LogScaleAxis axis = new LogScaleAxis("s");
        axis.setRange(-3, 3);
        List<ValueTick> ticks = axis.refreshTicks(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics(),
                null, null, RectangleEdge.BOTTOM);
        assertThat(ticks).extracting(ValueTick::getText)
                .containsExactly("0.001", "0.01", "0.1", "1", "10", "100", "1,000");
    }

    @Test
    void aNarrowLogAxisShouldAlsoTickAtTwoAndFive() {
        LogScaleAxis axis = new LogScaleAxis("s");
        axis.setRange(0, 2);
        List<ValueTick> ticks = axis.refreshTicks(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics(),
                null, null, RectangleEdge.LEFT);
        assertThat(ticks).extracting(ValueTick::getText).containsExactly("1", "2", "5", "10", "20", "50", "100");
    }

    @Test
    void stepsShouldHoldEachValueUntilTheNextAndBreakAtGaps() {
        XYSeries s = new XYSeries("s", false, true);
        double[] x = {0, 1, 2, 3};
        double[] y = {5, 7, Double.NaN, 2};
        Steps.addTo(s, x, y, Steps.all(4), 4.5);
        assertThat(s.toArray()[0]).containsExactly(0, 1, 1, 2, 2, 3, 4.5);
        assertThat(s.toArray()[1]).containsExactly(5, 5, 7, 7, Double.NaN, 2, 2);
    }

    @Test
    void thinningShouldKeepEachBucketsFirstLastLowestHighestAndFirstGap() {
        // 10 buckets over [0, 10); bucket 0 holds 50 points with values 0..49 and one gap.
        int n = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 50.0;
            y[i] = (i * 17) % 50;
        }
        y[20] = Double.NaN;
        int[] keep = Steps.thin(x, y, 0, 10, 10);
        int lowest = 0; // y = 0 at i = 0
        int highest = 47; // (47 * 17) % 50 = 49
        assertThat(keep).containsExactly(lowest, 20, highest, 49);
        assertThat(Steps.thin(new double[] {0, 1}, new double[] {1, 2}, 0, 10, 10)).containsExactly(0, 1);
    }

    @Test
    void pointsThatWouldOverprintShouldShareOneLabel() {
        String[] labels = TradeOffChart.labels(
                List.of(new double[] {5.2, 0.2}, new double[] {3.0, 1.0}, new double[] {5.21, 0.19},
                        new double[] {5.2, 0.5}),
                List.of("batched", "exp-idle", "idle-streak-clamp-bug", "fixed"));
        assertThat(labels).containsExactly("batched, idle-streak-clamp-bug", "exp-idle", "", "fixed");
    }

    @Test
    void pointsInTheRightThirdShouldTakeTheirLabelOnTheLeft() {
        // the default preset: oracle 359, exp-idle 9,536, fixed 86,395, batched 172,784 requests/day
        assertThat(TradeOffChart.labelsLeft(List.of(new double[] {Math.log10(359), -3},
                new double[] {Math.log10(9_536), 1.8}, new double[] {Math.log10(86_395), 0.5},
                new double[] {Math.log10(172_784), 0.2}))).containsExactly(false, false, true, true);
        assertThat(TradeOffChart.labelsLeft(List.of(new double[] {4, 1}))).containsExactly(false);
    }

    @Test
    void svgCoordinatesShouldBeRoundedToHundredths() {
        assertThat(ChartFiles.hundredths(12.3456)).isEqualTo("12.35");
        assertThat(ChartFiles.hundredths(-0.001)).isEqualTo("0");
        assertThat(ChartFiles.hundredths(700.0)).isEqualTo("700");
        assertThat(ChartFiles.hundredths(1e-12)).isEqualTo("0");
    }
}
