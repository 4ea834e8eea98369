package dev.pollsim.report.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cells every report of a check shares, so that the table, JUnit XML and Markdown say the
 * same thing in the same words. {@link java.util.Locale#ROOT} digits throughout.
 */
final class Cells {

    /** Shown where there is no number. */
    static final String NONE = "-";

    private Cells() {}

    static String value(RuleResult r) {
        return r.value() == null ? NONE : r.rule().metric().unit().format(r.value());
    }

    static String limit(Rule rule) {
        return rule.metric().unit().format(rule.limit());
    }

    static String margin(RuleResult r) {
        return r.marginPercent() == null ? NONE : signed(r.marginPercent());
    }

    static String baseline(RuleResult r) {
        return r.comparison() == null ? NONE : r.rule().metric().unit().format(r.comparison().baseline());
    }

    static String change(RuleResult r) {
        if (r.comparison() == null) {
            return NONE;
        }
        BigDecimal c = r.comparison().changePercent();
        return c == null ? (r.value().signum() == 0 ? "0.0%" : "from 0") : signed(c);
    }

    static String notes(RuleResult r) {
        return String.join("; ", r.notes());
    }

    /** A percentage with its sign: {@code +20.5%}, {@code -6.0%}, {@code 0.0%}. */
    static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : percent.signum() < 0 ? "-" : "") + unsigned(percent);
    }

    /** A percentage without its sign: {@code 15.2%}. */
    static String unsigned(BigDecimal percent) {
        return percent.abs().setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Why a broken rule is broken, in one line. */
    static String why(RuleResult r) {
        Rule rule = r.rule();
        if (r.verdict() == Verdict.FAIL) {
            String over = rule.tolerance().percent().signum() == 0 ? "the limit " + limit(rule)
                    : "the limit " + limit(rule) + " and its " + rule.tolerance() + " tolerance ("
                            + rule.metric().unit().format(rule.allowed()) + ")";
            return value(r) + " is over " + over + ", margin " + margin(r);
        }
        if (r.verdict() == Verdict.REGRESSION) {
            String change = r.comparison().changePercent() == null ? "from 0"
                    : "by " + unsigned(r.comparison().changePercent());
            return value(r) + " grew " + change + " against the baseline " + baseline(r) + ", more than the "
                    + rule.regression() + " allowed (limit " + limit(rule) + ", margin " + margin(r) + ")";
        }
        return value(r) + " is within the limit " + limit(rule) + ", margin " + margin(r);
    }
}
