package dev.pollsim.sim.sweep;

import dev.pollsim.policy.PolicyCatalogue;
import dev.pollsim.policy.builtin.BuiltinPolicies;
import dev.pollsim.sim.run.ScenarioRunner;
import dev.pollsim.sim.scenario.PolicySelection;
import dev.pollsim.sim.scenario.ResolvedPolicy;
import dev.pollsim.sim.scenario.Scenario;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a sweep into its points, checking every value up front so that a bad grid fails before
 * any cell runs, with the same messages as {@code --set}.
 *
 * <p>Order (a public contract: reports and indexes follow it): scenarios as given; in each, the
 * policy labels ({@code --policy}, else the labels the grid names in order of first mention,
 * else every label of the scenario); for each label the cartesian product of its own axes, the
 * first {@code --grid} outermost and the last varying fastest; then the {@code oracle} lower
 * bound of the scenario, unless a chosen label already runs {@code oracle}. A label without
 * axes is one point. Immutable and thread-safe.
 *
 * @param scenarios the scenarios, in order
 * @param days simulated days overriding each scenario's, or {@code null}
 * @param seed master seed overriding each scenario's, or {@code null}
 * @param policies labels to run ({@code --policy}); empty for the default above
 * @param sets {@code --set LABEL.PARAM=VALUE} assignments applied to every point of their label
 * @param axes the grid, in the order written
 */
public record SweepPlan(List<ScenarioRef> scenarios, Integer days, Long seed, List<String> policies, List<String> sets,
        List<GridAxis> axes) {

    /** The policy whose points are the lower bound beside the frontier. */
    public static final String ORACLE = "oracle";

    private static final PolicyCatalogue CATALOGUE = BuiltinPolicies.catalogue();

    public SweepPlan {
        scenarios = List.copyOf(scenarios);
        policies = List.copyOf(policies);
        sets = List.copyOf(sets);
        axes = List.copyOf(axes);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs a scenario");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (GridAxis a : axes) {
            if (!keys.add(a.key())) {
                throw new ScenarioException("--grid " + a.written() + ": " + a.key() + " is already swept by an"
                        + " earlier --grid");
            }
        }
    }

    /**
     * Every point, in the order above.
     *
     * @throws ScenarioException on an unknown scenario, label or parameter, or a bad value
     */
    public List<SweepPoint> points() {
        List<SweepPoint> out = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (ScenarioRef ref : scenarios) {
            String before = names.putIfAbsent(scenario(ref).name(), ref.given());
            if (before != null) {
                // reports group points, frontiers and charts by scenario name
                throw new ScenarioException("--scenario " + ref.given() + ": its name '" + scenario(ref).name()
                        + "' is already the name of --scenario " + before + "; give each scenario its own name");
            }
            expand(ref, out);
        }
        return out;
    }

    /**
     * What a reader of the sweep's results must know about its policies' settings: each distinct
     * warning of the points' policies (a composed policy whose loops may sleep for good), under
     * its label, in point order.
     */
    public List<String> policyWarnings(List<SweepPoint> points) {
        Map<ScenarioRef, Scenario> loaded = new LinkedHashMap<>();
        PolicySelection selection = new PolicySelection(CATALOGUE);
        Set<String> out = new LinkedHashSet<>();
        for (SweepPoint p : points) {
            Scenario s = loaded.computeIfAbsent(p.scenario(), this::scenario);
            out.addAll(ScenarioRunner.warnings(selection.select(s, List.of(p.label()), p.sets(), "--grid").get(0)));
        }
        return List.copyOf(out);
    }

    /** The scenario with the sweep's days and seed applied. */
    public Scenario scenario(ScenarioRef ref) {
        Scenario s = ref.load();
        if (days != null) {
            try {
                s = s.withDays(days);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("--days: " + e.getMessage());
            }
        }
        return seed == null ? s : s.withSeed(seed);
    }

    private void expand(ScenarioRef ref, List<SweepPoint> out) {
        Scenario s = scenario(ref);
        PolicySelection selection = new PolicySelection(CATALOGUE);
        // a composed part's field has dots of its own: split each axis after the longest label
        List<String> known = new ArrayList<>(CATALOGUE.names());
        if (s.policies() != null) {
            s.policies().forEach(p -> known.add(p.label()));
        }
        List<GridAxis> axes = this.axes.stream().map(a -> a.within(known)).toList();
        List<String> wanted = new ArrayList<>(policies);
        if (wanted.isEmpty()) {
            axes.forEach(a -> {
                if (!wanted.contains(a.label())) {
                    wanted.add(a.label());
                }
            });
        }
        List<ResolvedPolicy> chosen = selection.select(s, wanted, List.of());
        List<String> labels = chosen.stream().map(ResolvedPolicy::label).toList();
        selection.select(s, labels, sets);
        for (GridAxis a : axes) {
            if (!labels.contains(a.label())) {
                throw new ScenarioException("--grid " + a.written() + ": no policy labelled '" + a.label()
                        + "' in this sweep; labels are " + String.join(", ", labels));
            }
        }
        boolean oracleChosen = false;
        for (ResolvedPolicy p : chosen) {
            List<String> base = setsOf(p.label(), known);
            List<GridAxis> mine = axes.stream().filter(a -> a.label().equals(p.label())).toList();
            List<List<String>> canonical = new ArrayList<>();
            for (GridAxis a : mine) {
                canonical.add(canonicalValues(selection, s, a, base));
            }
            boolean oracle = p.definition().name().equals(ORACLE);
            oracleChosen |= oracle;
            int[] at = new int[mine.size()];
            while (true) {
                Map<String, String> grid = new LinkedHashMap<>();
                List<String> cellSets = new ArrayList<>(base);
                for (int i = 0; i < mine.size(); i++) {
                    String v = canonical.get(i).get(at[i]);
                    grid.put(mine.get(i).param(), v);
                    cellSets.add(mine.get(i).key() + "=" + v);
                }
                ResolvedPolicy r = selection.select(s, List.of(p.label()), cellSets, "--grid").get(0);
                out.add(point(out.size(), ref, s, r, grid, cellSets, oracle));
                if (!odometer(at, canonical)) {
                    break;
                }
            }
        }
        if (!oracleChosen) {
            ResolvedPolicy r = selection.select(s, List.of(ORACLE), List.of()).get(0);
            if (r.definition().name().equals(ORACLE)) {
                out.add(point(out.size(), ref, s, r, Map.of(), List.of(), true));
            }
        }
    }

    private static SweepPoint point(int index, ScenarioRef ref, Scenario s, ResolvedPolicy r, Map<String, String> grid,
            List<String> sets, boolean lowerBound) {
        return new SweepPoint(index, ref, s.name(), s.days(), s.seed(), s.fleet().daemons(), r.label(),
                r.definition().name(), grid, r.params().asWritten(), sets, lowerBound);
    }

    /** Advances the last index fastest; false once every combination was visited. */
    private static boolean odometer(int[] at, List<List<String>> values) {
        for (int i = at.length - 1; i >= 0; i--) {
            if (++at[i] < values.get(i).size()) {
                return true;
            }
            at[i] = 0;
        }
        return false;
    }

    /** The sweep's {@code --set}s of {@code label}, read as {@code --set} reads them among the {@code known} labels. */
    private List<String> setsOf(String label, List<String> known) {
        return sets.stream().filter(o -> label.equals(PolicySelection.labelOf(o, known))).toList();
    }

    /** Each value checked as {@code --set} checks it, in canonical form; the same value twice is refused. */
    private static List<String> canonicalValues(PolicySelection selection, Scenario s, GridAxis a, List<String> base) {
        List<String> out = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String v : a.values()) {
            List<String> with = new ArrayList<>(base);
            with.add(a.key() + "=" + v);
            String canonical = selection.select(s, List.of(a.label()), with, "--grid").get(0).params().asWritten()
                    .get(a.param());
            String before = seen.putIfAbsent(canonical, v);
            if (before != null) {
                throw new ScenarioException("--grid " + a.written() + ": " + before + " and " + v
                        + " are the same value");
            }
            out.add(canonical);
        }
        return out;
    }
}
