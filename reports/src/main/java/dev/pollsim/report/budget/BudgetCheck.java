package dev.pollsim.report.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.report.JsonReport;
import dev.pollsim.sim.run.RunReport;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.Located;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.PolicySpec;
import dev.pollsim.sim.scenario.Presets;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import dev.pollsim.sim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks runs against budgets: resolves each entry's scenario and labels ({@link #plan}), runs
 * them ({@link ScenarioRunner}), and holds every metric to its limit and, with a baseline, to its
 * earlier value ({@link #evaluate}).
 *
 * <p>Semantics, as documented in {@code docs/CI.md}: a value passes when it is at most
 * {@code limit x (1 + tolerance)}; the margin is {@code (limit - value) / limit}; a latency rule
 * passes with a note when no job was picked up (the stranded rule catches the jobs left
 * behind); with a baseline, a value that grew by more than the regression threshold fails as a
 * regression even within its limit, any growth from 0 counts, and a metric the baseline lacks is
 * reported as such. Thread-safe if the runner is.
 */
public final class BudgetCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PolicyCatalogue catalogue;
    private final PolicySelection selection;
    private final ScenarioRunner runner;
    private final ScenarioLoader loader = new ScenarioLoader();

    public BudgetCheck(PolicyCatalogue catalogue, ScenarioRunner runner) {
        this.catalogue = catalogue;
        this.selection = new PolicySelection(catalogue);
        this.runner = runner;
    }

    /**
     * A budget entry ready to run.
     *
     * @param scenario the scenario with the entry's name, days and seed
     * @param policies the labels to run, with the entry's {@code set:} applied
     * @param rules every rule of the entry
     */
    public record Plan(Scenario scenario, List<ResolvedPolicy> policies, List<Rule> rules) {
        public Plan {
            policies = List.copyOf(policies);
            rules = List.copyOf(rules);
        }
    }

    /**
     * What a check found, and the runs it made (for {@code --results}).
     *
     * @param report every rule's result
     * @param runs one run per budget entry, in file order
     */
    public record Outcome(CheckReport report, List<RunReport> runs) {
        public Outcome {
            runs = List.copyOf(runs);
        }
    }

    /** Plans, runs and evaluates every budget entry. */
    public Outcome check(Budgets budgets, Baseline baseline) {
        List<Plan> plans = plan(budgets);
        List<RunReport> runs = new ArrayList<>();
        List<ScenarioResult> results = new ArrayList<>();
        for (Plan p : plans) {
            RunReport run = runner.run(p.scenario(), p.policies());
            runs.add(run);
            results.add(evaluate(p.rules(), new JsonReport(false).tree(run), baseline));
        }
        return new Outcome(new CheckReport(budgets.source(), baseline.present(), results), runs);
    }

    /**
     * Resolves every entry before anything runs, so that a mistake late in the file costs no time.
     *
     * @throws ScenarioException naming the budgets file, line, column and field for an unknown
     *     scenario or label, a bad {@code set:}, or two entries under the same name; or naming the
     *     scenario file for a bad scenario
     */
    public List<Plan> plan(Budgets budgets) {
        List<Plan> plans = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < budgets.budgets().size(); i++) {
            ScenarioBudget b = budgets.budgets().get(i);
            String at = "budgets[" + i + "]";
            Scenario s = scenario(budgets.directory(), b.scenario(), at + ".scenario");
            if (b.name() != null) {
                s = new Scenario(b.name(), s.days(), s.seed(), s.workload(), s.fleet(), s.upstream(), s.faults(),
                        s.policies(), s.source());
            }
            if (b.days() != null) {
                s = s.withDays(b.days());
            }
            if (b.seed() != null) {
                s = s.withSeed(b.seed());
            }
            String before = names.putIfAbsent(s.name(), at);
            if (before != null) {
                throw b.scenario().error(at + ".scenario", "scenario '" + s.name() + "' is already checked by " + before
                        + "; give one entry its own name: to tell their results apart");
            }
            List<String> labels = new ArrayList<>();
            for (PolicyBudget p : b.policies()) {
                checkLabel(s, p.label(), at + ".policies." + p.label().text());
                labels.add(p.label().text());
            }
            selection.select(s, labels, List.of());
            List<String> sets = new ArrayList<>();
            for (int j = 0; j < b.set().size(); j++) {
                Located assignment = b.set().get(j);
                try {
                    selection.select(s, labels, List.of(assignment.text()));
                } catch (ScenarioException e) {
                    String prefix = "--set " + assignment.text() + ": ";
                    String what = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                            : e.getMessage();
                    throw assignment.error(at + ".set[" + j + "]", what);
                }
                sets.add(assignment.text());
            }
            plans.add(new Plan(s, selection.select(s, labels, sets), rules(budgets, b, s.name())));
        }
        return plans;
    }

    /**
     * Holds one run to its rules.
     *
     * @param rules the rules of one budget entry
     * @param run the run's JSON ({@link JsonReport#tree}, or a document of the same shape)
     * @param baseline earlier results, or {@link Baseline#NONE}
     */
    public static ScenarioResult evaluate(List<Rule> rules, JsonNode run, Baseline baseline) {
        String scenario = run.path("scenario").asText();
        Map<String, JsonNode> byLabel = new LinkedHashMap<>();
        run.path("results").forEach(r -> byLabel.put(r.path("policy").asText(), r));
        List<String> notes = new ArrayList<>();
        Optional<Baseline.Run> base = baseline.run(scenario);
        if (baseline.present() && base.isEmpty()) {
            notes.add("the baseline has no run of scenario '" + scenario + "'");
        }
        base.ifPresent(b -> {
            long seed = run.path("seed").asLong();
            int days = run.path("days").asInt();
            if ((b.seed() != null && b.seed() != seed) || (b.days() != null && b.days() != days)) {
                notes.add("the baseline ran " + run(b.seed(), b.days()) + ", this check " + run(seed, days)
                        + ": some of the change comes from that");
            }
        });
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            JsonNode result = byLabel.get(rule.label());
            if (result == null) {
                throw new IllegalStateException("no result for " + rule.name());
            }
            JsonNode earlier = base.map(b -> b.results().get(rule.label())).orElse(null);
            results.add(evaluate(rule, result, earlier, baseline.present()));
        }
        return new ScenarioResult(scenario, run.path("seed").asLong(), run.path("days").asInt(),
                run.path("daemons").asInt(), results, notes);
    }

    private static RuleResult evaluate(Rule rule, JsonNode result, JsonNode earlier, boolean withBaseline) {
        List<String> notes = new ArrayList<>();
        BigDecimal value = rule.metric().decimal(result);
        BigDecimal margin = null;
        Verdict verdict = Verdict.PASS;
        if (value == null) {
            notes.add("no job picked up");
        } else {
            margin = rule.limit().signum() == 0 ? null
                    : percent(rule.limit().subtract(value), rule.limit());
            if (value.compareTo(rule.limit()) > 0) {
                if (value.compareTo(rule.allowed()) <= 0) {
                    notes.add("within the " + rule.tolerance() + " tolerance");
                } else {
                    verdict = Verdict.FAIL;
                }
            }
        }
        RuleResult.Comparison comparison = null;
        if (withBaseline) {
            JsonNode before = earlier == null ? null : rule.metric().read(earlier);
            if (before == null) {
                notes.add("no baseline");
            } else if (before.isMissingNode()) {
                notes.add("the baseline has no " + rule.metric().jsonPath());
            } else if (before.isNull()) {
                if (value != null) {
                    notes.add("no baseline: it picked up no job");
                }
            } else if (value != null) {
                BigDecimal b = Metric.plain(before.decimalValue());
                boolean regressed = value.compareTo(b.multiply(BigDecimal.ONE.add(rule.regression().fraction()))) > 0;
                BigDecimal change = b.signum() == 0 ? null : percent(value.subtract(b), b);
                comparison = new RuleResult.Comparison(b, change, regressed);
                if (regressed) {
                    notes.add((change == null ? "grew from 0" : "grew " + Cells.unsigned(change))
                            + " against the baseline, more than the " + rule.regression() + " allowed");
                    if (verdict == Verdict.PASS) {
                        verdict = Verdict.REGRESSION;
                    }
                }
            }
        }
        return new RuleResult(rule, value, margin, comparison, verdict, notes);
    }

    private static String run(Long seed, Integer days) {
        return "seed " + (seed == null ? "?" : seed) + " over " + (days == null ? "?" : days) + " day"
                + (days != null && days == 1 ? "" : "s");
    }

    /** {@code part / whole} in percent, rounded half-even to 0.1. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN);
    }

    private Scenario scenario(Path dir, Located ref, String field) {
        String text = ref.text();
        boolean file = text.endsWith(".yaml") || text.endsWith(".yml") || text.contains("/") || text.contains("\\");
        if (file) {
            Path path = dir.resolve(text);
            if (!Files.isRegularFile(path)) {
                throw ref.error(field, "no such scenario file: " + path);
            }
            return loader.load(path);
        }
        return new Presets(loader).find(text).orElseThrow(() -> ref.error(field, "unknown preset '" + text
                + "'; presets are " + String.join(", ", Presets.NAMES) + ", and a scenario file ends in .yaml"));
    }

    private void checkLabel(Scenario s, Located label, String field) {
        String l = label.text();
        if (catalogue.find(l).isPresent() || s.policies().stream().anyMatch(p -> p.label().equals(l))) {
            return;
        }
        String builtins = String.join(", ", catalogue.names());
        throw label.error(field, s.policies().isEmpty()
                ? "unknown policy '" + l + "'; scenario '" + s.name() + "' names no policies, so its labels are the"
                        + " built-in policies: " + builtins
                : "unknown policy '" + l + "'; the labels of scenario '" + s.name() + "' are "
                        + String.join(", ", s.policies().stream().map(PolicySpec::label).toList())
                        + "; built-in policies are " + builtins);
    }

    private static List<Rule> rules(Budgets budgets, ScenarioBudget b, String scenario) {
        List<Rule> rules = new ArrayList<>();
        for (PolicyBudget p : b.policies()) {
            Limits l = p.limits();
            Percent tolerance = first(l.tolerance(), b.tolerance(), budgets.tolerance());
            Percent regression = first(l.regression(), b.regression(), budgets.regression());
            l.byMetric().forEach((metric, limit) ->
                    rules.add(new Rule(scenario, p.label().text(), metric, limit, tolerance, regression)));
        }
        return rules;
    }

    private static Percent first(Percent a, Percent b, Percent c) {
        return a != null ? a : b != null ? b : c;
    }
}
