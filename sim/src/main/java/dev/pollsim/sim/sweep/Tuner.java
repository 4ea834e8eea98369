package dev.pollsim.sim.sweep;

import dev.pollsim.sim.engine.CommonsRandom;
import dev.pollsim.sim.engine.RandomStreams;
import dev.pollsim.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;

/**
 * Finds the parameters that best meet an objective under budgets, in two deterministic phases
 * over the unit cube {@code [0,1]^k} that {@link TuneRange} maps onto the parameters:
 *
 * <ol>
 *   <li><b>CMA-ES</b> (commons-math3 {@link CMAESOptimizer}, bounded to the cube, initial step
 *       0.3, default population, its generator seeded from the tuning seed) for half of the
 *       evaluations. CMA-ES ranks candidates, so it is given a value that orders them
 *       feasibility-first: a feasible setting scores its objective, an infeasible one scores
 *       above every feasible one, the more so the further it misses its budgets.</li>
 *   <li><b>Compass refinement</b> from the best setting for the rest: try a step up and down in
 *       each coordinate, move on any improvement, halve the step when none, and stop when no
 *       step changes a parameter any more (the parameters' own resolution: a microsecond, a
 *       millionth, one). This lands on a budget's boundary, which a sampling search only
 *       approaches.</li>
 * </ol>
 *
 * <p>A setting is evaluated once (settings that round to the same values share the
 * evaluation), by the evaluator, which runs its replications. Values the policy refuses together
 * (the evaluator throws a {@link ScenarioException}, such as a cap below the interval) are
 * recorded as refused, rank below every run setting and use no evaluation; every setting sees the same seeds
 * (common random numbers), so the objective is a deterministic function and comparisons are
 * fair. "Better" is: feasible before infeasible; among feasible, the lower objective (the higher
 * for {@code maximize}), then the earlier evaluation; among infeasible, the smaller violation.
 * Same inputs and seed, same result, on any number of threads. NOT thread-safe.
 */
public final class Tuner {

    /** Initial CMA-ES step in the unit cube. */
    static final double SIGMA = 0.3;
    /** Initial compass step in the unit cube. */
    static final double FIRST_STEP = 1.0 / 16;

    /** The violation of a setting the policy refused: beyond any budget's, so never chosen over a run. */
    static final double REFUSED = 1e6;

    private static final double FEASIBLE_CAP = 1e14;
    private static final double INFEASIBLE_BASE = 1e15;

    private final List<TuneRange> ranges;
    private final List<Budget> budgets;
    private final String objective;
    private final boolean maximize;
    private final int maxEvaluations;
    private final long seed;
    private final Function<Map<String, String>, PointResult> evaluator;

    private final Map<Map<String, String>, TuneCandidate> seen = new HashMap<>();
    private final List<TuneCandidate> history = new ArrayList<>();
    private TuneCandidate best;
    private int limit;
    private int evaluated;

    /**
     * @param ranges the parameters to tune
     * @param budgets limits every accepted setting meets
     * @param objective the metric to optimise
     * @param maximize true to maximise it, false to minimise
     * @param maxEvaluations most settings to evaluate, at least 2
     * @param seed seeds CMA-ES
     * @param evaluator runs a setting's replications (values by parameter, canonical)
     */
    public Tuner(List<TuneRange> ranges, List<Budget> budgets, String objective, boolean maximize, int maxEvaluations,
            long seed, Function<Map<String, String>, PointResult> evaluator) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("nothing to tune");
        }
        if (maxEvaluations < 2) {
            throw new IllegalArgumentException("maxEvaluations must be at least 2, got " + maxEvaluations);
        }
        this.ranges = List.copyOf(ranges);
        this.budgets = List.copyOf(budgets);
        this.objective = SweepMetric.named(objective).name();
        budgets.forEach(b -> SweepMetric.named(b.metric()));
        this.maximize = maximize;
        this.maxEvaluations = maxEvaluations;
        this.seed = seed;
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Searches from {@code start} (a point of the unit cube: the policy's current values).
     *
     * @return the best setting and every one evaluated
     */
    public TuneResult run(double[] start) {
        if (start.length != ranges.size()) {
            throw new IllegalArgumentException("start has " + start.length + " coordinates, expected " + ranges.size());
        }
        double[] x0 = start.clone();
        for (int i = 0; i < x0.length; i++) {
            x0[i] = Math.min(1, Math.max(0, x0[i]));
        }
        Map<Map<String, String>, double[]> where = new HashMap<>();
        limit = Math.max(1, maxEvaluations / 2);
        try {
            evaluate(x0, where);
            optimise(x0, where);
        } catch (BudgetSpent | TooManyEvaluationsException e) {
            // the optimiser's share is used up: refine from its best
        }
        int optimiserEvaluations = evaluated;
        limit = maxEvaluations;
        try {
            refine(where);
        } catch (BudgetSpent e) {
            // every evaluation is used
        }
        if (!best.evaluated()) {
            throw new ScenarioException("--over: no setting tried in these ranges is accepted by the policy; the"
                    + " first was " + best.values() + ": " + best.refused());
        }
        return new TuneResult(best, history, optimiserEvaluations);
    }

    private void optimise(double[] x0, Map<Map<String, String>, double[]> where) {
        int k = ranges.size();
        double[] zeros = new double[k];
        double[] ones = new double[k];
        double[] sigma = new double[k];
        Arrays.fill(ones, 1);
        Arrays.fill(sigma, SIGMA);
        int lambda = 4 + (int) (3 * StrictMath.log(k));
        CMAESOptimizer cmaes = new CMAESOptimizer(1000, 0, true, 0, 0,
                new CommonsRandom(new RandomStreams(seed).stream("tune/cmaes")), false, null);
        cmaes.optimize(new MaxEval(100 * maxEvaluations), new ObjectiveFunction(u -> score(evaluate(u, where))),
                GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(zeros, ones),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
    }

    private void refine(Map<Map<String, String>, double[]> where) {
        double step = FIRST_STEP;
        double[] x = where.get(best.values()).clone();
        while (true) {
            boolean moved = false;
            boolean distinct = false;
            search:
            for (int i = 0; i < x.length; i++) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double[] y = x.clone();
                    y[i] = Math.min(1, Math.max(0, x[i] + dir * step));
                    if (TuneRange.assignment(ranges, y).equals(best.values())) {
                        continue;
                    }
                    distinct = true;
                    TuneCandidate before = best;
                    evaluate(y, where);
                    if (best != before) {
                        x = where.get(best.values()).clone();
                        moved = true;
                        break search;
                    }
                }
            }
            if (!moved) {
                if (!distinct) {
                    return;
                }
                step /= 2;
            }
        }
    }

    /** Evaluates the setting at {@code u}, once; remembers the best. */
    private TuneCandidate evaluate(double[] u, Map<Map<String, String>, double[]> where) {
        Map<String, String> values = TuneRange.assignment(ranges, u);
        TuneCandidate known = seen.get(values);
        if (known != null) {
            return known;
        }
        if (evaluated >= limit) {
            throw new BudgetSpent();
        }
        TuneCandidate c;
        try {
            PointResult r = evaluator.apply(values);
            evaluated++;
            double violation = 0;
            for (Budget b : budgets) {
                violation += b.violation(r.estimate(b.metric()).mean());
            }
            c = new TuneCandidate(history.size(), values, r, violation == 0, violation, r.estimate(objective).mean(),
                    null);
        } catch (ScenarioException e) {
            c = new TuneCandidate(history.size(), values, null, false, REFUSED, Double.NaN, e.getMessage());
        }
        seen.put(values, c);
        where.put(values, u.clone());
        history.add(c);
        if (best == null || better(c, best)) {
            best = c;
        }
        return c;
    }

    /** Whether {@code a} beats {@code b}; an equal setting never beats the earlier one. */
    boolean better(TuneCandidate a, TuneCandidate b) {
        if (a.evaluated() != b.evaluated()) {
            return a.evaluated();
        }
        if (a.feasible() != b.feasible()) {
            return a.feasible();
        }
        if (!a.feasible()) {
            return a.violation() < b.violation();
        }
        double oa = signed(a.objective());
        double ob = signed(b.objective());
        return oa < ob;
    }

    /** The objective as a cost: lower is better, NaN worst. */
    private double signed(double objectiveMean) {
        if (Double.isNaN(objectiveMean)) {
            return Double.POSITIVE_INFINITY;
        }
        return maximize ? -objectiveMean : objectiveMean;
    }

    /** The value CMA-ES minimises: the feasibility-first order as one number. */
    private double score(TuneCandidate c) {
        if (!c.feasible()) {
            return INFEASIBLE_BASE * (1 + c.violation());
        }
        double cost = signed(c.objective());
        return Double.isInfinite(cost) ? FEASIBLE_CAP * 5 : Math.max(-FEASIBLE_CAP, Math.min(FEASIBLE_CAP, cost));
    }

    /** The evaluation budget of the current phase is spent. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }
}
