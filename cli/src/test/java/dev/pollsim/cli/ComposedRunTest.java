package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pollsim run} with a composed policy: the same bytes as its preset, and exit 2 on a bad part. */
class ComposedRunTest {

    private static final String WORLD = String.join("\n",
            "name: same",
            "days: 2",
            "seed: 3",
            "workload: {kind: poisson, ratePerHour: 20, serviceTime: {dist: exponential, mean: 5m}}",
            "fleet: {daemons: 2, maxConcurrent: 2, requestsPerTick: 2}",
            "faults:",
            "  errors:",
            "    - {from: 2h, to: 3h, error: 429, rate: 0.5}",
            "  jobFailures: {probability: 0.1, retryAfter: 2m}",
            "policies:",
            "");

    @TempDir
    Path dir;

    private Path scenario(String name, String policies) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, WORLD + policies);
        return file;
    }

    @Test
    void aComposedExpIdlePrintsTheSameJsonAsExpIdleButForItsNameAndParameters() throws IOException {
        Path preset = scenario("preset.yaml", "  p: {policy: exp-idle}\n");
        Path composed = scenario("composed.yaml", String.join("\n",
                "  p:",
                "    policy: composed",
                "    curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 2m}",
                "    wakeOn: [freedSlot, retryDeadline]",
                "    wakeRearm: replace",
                "    deadlineClamp: {floor: 1s}",
                ""));
        Cli a = Cli.run("run", "--scenario", preset.toString(), "--format", "json", "--series");
        Cli b = Cli.run("run", "--scenario", composed.toString(), "--format", "json", "--series");
        assertThat(a.exitCode()).isZero();
        assertThat(b.exitCode()).isZero();
        assertThat(b.out()).contains("\"policyName\" : \"composed\"", "\"curve.kind\" : \"geometric\"");
        assertThat(withoutNameAndParams(b.out())).isEqualTo(withoutNameAndParams(a.out()));
        assertThat(a.out()).contains("\"rateLimited\" : ").doesNotContain("\"rateLimited\" : 0,");
    }

    /** The JSON text without its {@code policyName} line and {@code params} object. */
    private static String withoutNameAndParams(String json) {
        return json.replaceAll("(?m)^ *\"policyName\" : .*\n", "").replaceAll("(?s)\"params\" : \\{[^}]*\\},", "");
    }

    @Test
    void aContradictoryPartExitsTwoNamingItsFileLineColumnAndField() throws IOException {
        Path file = scenario("bad.yaml", String.join("\n",
                "  mine:",
                "    policy: composed",
                "    curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 5s}",
                ""));
        Cli r = Cli.run("run", "--scenario", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pollsim: " + file + ":13:60: policies.mine.curve.cap: cap (5s) is below floor"
                + " (10s)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aSuspendWindowWithoutAWakeSourceAndAnUnknownPartExitTwo() throws IOException {
        Path suspend = scenario("suspend.yaml", String.join("\n",
                "  mine:",
                "    policy: composed",
                "    curve: {kind: fixed, floor: 10s}",
                "    suspendAfter: 5m",
                ""));
        Cli r = Cli.run("run", "--scenario", suspend.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("pollsim: " + suspend + ":14:19: policies.mine.suspendAfter: a loop that suspends"
                + " after 5m never polls again without a wake source");
        Path unknown = scenario("unknown.yaml", String.join("\n",
                "  mine:",
                "    policy: composed",
                "    curve: {kind: fixed, floor: 10s}",
                "    jitter: {kind: sideways}",
                ""));
        Cli u = Cli.run("run", "--scenario", unknown.toString());
        assertThat(u.exitCode()).isEqualTo(2);
        assertThat(u.err()).isEqualTo("pollsim: " + unknown + ":14:20: policies.mine.jitter.kind: expected one of none,"
                + " percent, full, equal, decorrelated, got 'sideways'\n");
    }

    @Test
    void setShouldReachAPartAndComposedShouldNeedItsCurveOnTheCommandLine() throws IOException {
        Path file = scenario("set.yaml", String.join("\n",
                "  mine:",
                "    policy: composed",
                "    curve: {kind: geometric, factor: 1.5, floor: 10s, cap: 2m}",
                ""));
        Cli r = Cli.run("run", "--scenario", file.toString(), "--set", "mine.curve.cap=5m", "--format", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("curve.cap=5m");
        Cli missing = Cli.run("run", "--scenario", "idle", "--policy", "composed");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("pollsim: --policy: policies.composed.curve.kind: missing: a composed policy"
                + " needs a curve kind");
        Cli given = Cli.run("run", "--scenario", "idle", "--policy", "composed", "--set", "composed.curve.kind=fixed",
                "--set", "composed.curve.floor=20s", "--format", "csv");
        assertThat(given.exitCode()).isZero();
        assertThat(given.out()).contains("composed,composed,8640,");
    }
}
