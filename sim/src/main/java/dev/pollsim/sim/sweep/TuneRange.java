package dev.pollsim.sim.sweep;

import dev.pollsim.policy.param.Durations;
import dev.pollsim.policy.param.ParamException;
import dev.pollsim.policy.param.ParamSpec;
import dev.pollsim.policy.param.ParamType;
import dev.pollsim.policy.param.Ratio;
import dev.pollsim.sim.scenario.ScenarioException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The search range of one parameter, {@code cap=30s..600s}, and the map between it and the unit
 * interval the optimiser works in. The map is logarithmic when the range is positive (30 s to
 * 600 s is a factor 20, and each doubling matters alike) and linear when it starts at zero. A
 * point of the unit interval becomes a value the parameter accepts: durations rounded to whole
 * microseconds, factors to {@value Ratio#MAX_SCALE} decimals, integers to whole numbers, always
 * inside the range. Immutable.
 *
 * @param param the parameter
 * @param type duration, factor or integer
 * @param lo the low end in the parameter's unit (microseconds for durations)
 * @param hi the high end, above {@code lo}
 */
public record TuneRange(String param, ParamType type, double lo, double hi) {

    public TuneRange {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(type, "type");
        if (!(lo < hi)) {
            throw new IllegalArgumentException("lo must be below hi");
        }
    }

    /**
     * Parses {@code --over 'param=lo..hi,param=lo..hi'} against a policy's parameters.
     *
     * @param text the option's value
     * @param specs the policy's parameters
     * @throws ScenarioException naming {@code --over} and the part at fault
     */
    public static List<TuneRange> parse(String text, String label, List<ParamSpec> specs) {
        List<TuneRange> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            int dots = part.indexOf("..");
            if (eq <= 0 || dots < eq) {
                throw new ScenarioException("--over " + part + ": expected PARAM=LO..HI, such as cap=30s..600s");
            }
            String name = part.substring(0, eq).trim();
            ParamSpec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new ScenarioException("--over " + part + ": " + label + " has no parameter '" + name
                            + "'; its parameters are " + String.join(", ", specs.stream().map(ParamSpec::name).toList())));
            if (out.stream().anyMatch(r -> r.param.equals(name))) {
                throw new ScenarioException("--over " + part + ": " + name + " is given twice");
            }
            if (spec.type() != ParamType.DURATION && spec.type() != ParamType.FACTOR
                    && spec.type() != ParamType.INTEGER) {
                throw new ScenarioException("--over " + part + ": " + name + " is a " + spec.type().label()
                        + " parameter; only durations, numbers and integers can be tuned (sweep it with --grid)");
            }
            double lo = value(spec, part, part.substring(eq + 1, dots));
            double hi = value(spec, part, part.substring(dots + 2));
            if (!(lo < hi)) {
                throw new ScenarioException("--over " + part + ": the low end must be below the high end");
            }
            out.add(new TuneRange(name, spec.type(), lo, hi));
        }
        return out;
    }

    private static double value(ParamSpec spec, String part, String raw) {
        Object v;
        try {
            v = spec.parse(raw.trim());
        } catch (ParamException e) {
            throw new ScenarioException("--over " + part + ": " + spec.name() + ": " + e.getMessage());
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Ratio) {
            Ratio r = (Ratio) v;
            return (double) r.numerator() / r.denominator();
        }
        return (Integer) v;
    }

    /** Whether the map is logarithmic. */
    public boolean logarithmic() {
        return lo > 0;
    }

    /** The value at {@code u} in [0, 1] (clamped), as the parameter is written. */
    public String at(double u) {
        double c = Math.min(1, Math.max(0, u));
        double raw = logarithmic() ? lo * StrictMath.pow(hi / lo, c) : lo + c * (hi - lo);
        switch (type) {
            case DURATION:
                return Durations.format(Math.max((long) lo, Math.min((long) hi, Math.round(raw))));
            case INTEGER:
                return Long.toString(Math.max((long) lo, Math.min((long) hi, Math.round(raw))));
            case FACTOR: {
                BigDecimal low = BigDecimal.valueOf(lo).setScale(Ratio.MAX_SCALE, RoundingMode.CEILING);
                BigDecimal high = BigDecimal.valueOf(hi).setScale(Ratio.MAX_SCALE, RoundingMode.FLOOR);
                BigDecimal v = BigDecimal.valueOf(raw).setScale(Ratio.MAX_SCALE, RoundingMode.HALF_EVEN);
                return v.max(low).min(high).stripTrailingZeros().toPlainString();
            }
            default:
                throw new AssertionError(type);
        }
    }

    /** Where a written value lies in [0, 1] (clamped); for the optimiser's starting point. */
    public double position(String written) {
        double v;
        switch (type) {
            case DURATION:
                v = Durations.parseMicros(written);
                break;
            case INTEGER:
                v = Integer.parseInt(written.trim());
                break;
            default:
                Ratio r = Ratio.parse(written);
                v = (double) r.numerator() / r.denominator();
        }
        double u = logarithmic() ? StrictMath.log(v / lo) / StrictMath.log(hi / lo) : (v - lo) / (hi - lo);
        return Math.min(1, Math.max(0, u));
    }

    /** The range as written back, {@code cap=30s..10m}. */
    public String text() {
        return param + "=" + at(0) + ".." + at(1);
    }

    /** The values of every range at a point of the unit cube, by parameter, in range order. */
    static Map<String, String> assignment(List<TuneRange> ranges, double[] u) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            out.put(ranges.get(i).param, ranges.get(i).at(u[i]));
        }
        return out;
    }
}
