package dev.pollsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfoCommandsTest {

    @Test
    void helpShouldListTheCommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("run", "policies", "scenarios", "Exit codes");
    }

    @Test
    void versionShouldNameTheVersion() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("pollsim ");
    }

    @Test
    void policiesShouldShowEveryParameterWithItsDefaultAndSeed() {
        Cli r = Cli.run("policies");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("fixed", "exp-idle", "seeds/000_30f0187f20ceee28", "multiplier", "1.5", "2m");
    }

    @Test
    void scenariosShouldListAndShowThePresets() {
        Cli r = Cli.run("scenarios");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("default", "idle", "steady", "bursty", "five-daemons");
        Cli show = Cli.run("scenarios", "--show", "five-daemons");
        assertThat(show.out()).contains("daemons: 5", "kind: idle");
        assertThat(Cli.run("scenarios", "--show", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnknownCommandShouldExitTwo() {
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
    }
}
