package dev.pollsim.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimestampFormatTest {

    private static final long NOV_15_2024_165750_US = 1_731_689_870_000_000L;

    @Test
    void epochFormatsShouldReadTheirUnitAndFloorToTheMicrosecond() {
        assertThat(TimestampFormat.EPOCH_S.parse("1731689870")).isEqualTo(NOV_15_2024_165750_US);
        assertThat(TimestampFormat.EPOCH_S.parse("1731689870.6805909")).isEqualTo(NOV_15_2024_165750_US + 680_590);
        assertThat(TimestampFormat.EPOCH_MS.parse("1731689870250.5")).isEqualTo(NOV_15_2024_165750_US + 250_500);
        assertThat(TimestampFormat.EPOCH_US.parse("1731689870000001")).isEqualTo(NOV_15_2024_165750_US + 1);
        assertThat(TimestampFormat.EPOCH_NS.parse("1731689870000001999")).isEqualTo(NOV_15_2024_165750_US + 1);
        assertThat(TimestampFormat.EPOCH_S.parse("0")).isZero();
    }

    @Test
    void dateFormatsShouldReadUtcAndOffsets() {
        assertThat(TimestampFormat.DATETIME.parse("2024-11-15 16:57:50")).isEqualTo(NOV_15_2024_165750_US);
        assertThat(TimestampFormat.DATETIME.parse("2024-11-15 16:57:50.6805900")).isEqualTo(NOV_15_2024_165750_US + 680_590);
        assertThat(TimestampFormat.ISO.parse("2024-11-15T16:57:50Z")).isEqualTo(NOV_15_2024_165750_US);
        assertThat(TimestampFormat.ISO.parse("2024-11-15T16:57:50")).isEqualTo(NOV_15_2024_165750_US);
        assertThat(TimestampFormat.ISO.parse("2024-11-15T18:57:50.25+02:00")).isEqualTo(NOV_15_2024_165750_US + 250_000);
        assertThat(TimestampFormat.ISO.parse("2024-11-15T15:57:50-0100")).isEqualTo(NOV_15_2024_165750_US);
        assertThat(TimestampFormat.ISO.parse("2024-11-15T16:57:50+00")).isEqualTo(NOV_15_2024_165750_US);
    }

    @Test
    void shouldRefuseWhatIsNotATime() {
        for (String bad : new String[] {"", "x", "2024-11-15", "2024-13-01 00:00:00", "2024-02-30 00:00:00",
                "2024-11-15 24:00:00", "2024-11-15T16:57:50Z", "2024-11-15 16:57:50.", " 2024-11-15 16:57:50"}) {
            assertThat(TimestampFormat.DATETIME.parse(bad)).as(bad).isEqualTo(TimestampFormat.INVALID);
        }
        for (String bad : new String[] {"", "-1", "1e9", "12a", "1.", "92233720368547758070"}) {
            assertThat(TimestampFormat.EPOCH_S.parse(bad)).as(bad).isEqualTo(TimestampFormat.INVALID);
        }
        assertThat(TimestampFormat.ISO.parse("2024-11-15T16:57:50+2")).isEqualTo(TimestampFormat.INVALID);
    }

    @Test
    void shouldTellIsoFromDatetimeButNotGuessAnEpochUnit() {
        byte[] iso = "2024-11-15T16:57:50Z".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] dt = "2024-11-15 16:57:50.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] epoch = "1731689870".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(TimestampFormat.detect(iso, 0, iso.length)).isEqualTo(TimestampFormat.ISO);
        assertThat(TimestampFormat.detect(dt, 0, dt.length)).isEqualTo(TimestampFormat.DATETIME);
        assertThat(TimestampFormat.detect(epoch, 0, epoch.length)).isNull();
    }

    @Property
    void datetimeShouldAgreeWithJavaTimeBothWays(@ForAll @LongRange(min = 0, max = 253_402_300_799_999_999L) long epochUs) {
        LocalDateTime expected = LocalDateTime.ofEpochSecond(Math.floorDiv(epochUs, 1_000_000L),
                (int) Math.floorMod(epochUs, 1_000_000L) * 1000, ZoneOffset.UTC);
        String written = TimestampFormat.DATETIME.format(epochUs);
        assertThat(written).isEqualTo(expected.toLocalDate() + " " + String.format(java.util.Locale.ROOT,
                "%02d:%02d:%02d.%06d", expected.getHour(), expected.getMinute(), expected.getSecond(),
                expected.getNano() / 1000));
        assertThat(TimestampFormat.DATETIME.parse(written)).isEqualTo(epochUs);
        assertThat(TimestampFormat.ISO.parse(TimestampFormat.ISO.format(epochUs))).isEqualTo(epochUs);
        assertThat(Instant.parse(TimestampFormat.ISO.format(epochUs)).toEpochMilli()).isEqualTo(Math.floorDiv(epochUs, 1000L));
    }

    @Property
    void epochFormatsShouldWriteWhatTheyRead(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long epochUs) {
        for (TimestampFormat f : new TimestampFormat[] {TimestampFormat.EPOCH_S, TimestampFormat.EPOCH_MS,
                TimestampFormat.EPOCH_US, TimestampFormat.EPOCH_NS}) {
            if (f == TimestampFormat.EPOCH_NS && epochUs > 9_000_000_000_000_000L / 1000) {
                continue;
            }
            assertThat(f.parse(f.format(epochUs))).as(f.label()).isEqualTo(epochUs);
        }
    }
}
