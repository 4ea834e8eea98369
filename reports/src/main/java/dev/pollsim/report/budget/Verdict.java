package dev.pollsim.report.budget;

/** How a rule came out. */
public enum Verdict {

    /** Within the limit (or its tolerance) and, with a baseline, not regressed. */
    PASS("pass"),
    /** Over the limit, tolerance included. */
    FAIL("FAIL"),
    /** Within the limit, but grown against the baseline by more than the regression threshold. */
    REGRESSION("REGRESSION");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** True when the rule is broken: CI fails. */
    public boolean broken() {
        return this != PASS;
    }

    /** As shown in the table: failures in capitals, to stand out in a CI log. */
    public String text() {
        return text;
    }
}
