package dev.pollsim.policy.compose;

import dev.pollsim.policy.param.Durations;

/**
 * The rule texts of a composed policy ({@code "idle x1.5 (cap 2m)"}), built once per run from its
 * parts so that naming a decision allocates nothing.
 */
final class Rules {

    /** Indexes of the per-source texts. */
    static final int LOCAL_ENQUEUE = 0;
    static final int RETRY_DEADLINE = 1;
    static final int FREED_SLOT = 2;
    static final int WORK_VISIBLE = 3;

    static final String START = "start";

    final String resetWork;
    final String resetFreedSlot;
    final String workHold;
    final String grow;
    final String atCap;
    final String saturated;
    final String rateLimited;
    final String otherError;
    final String deadlineClamp;
    final String suspend;
    final String[] notASource = new String[4];
    final String[] inFlight = new String[4];
    final String[] afterTick = new String[4];
    final String[] resume = new String[4];
    final String[] rearm = new String[4];
    final String[] soonerKept = new String[4];

    Rules(Composition c) {
        String jitter = jitterNote(c.jitter());
        Curve curve = c.curve();
        String floor = Durations.format(curve.floorUs());
        resetWork = "reset: work" + jitter;
        resetFreedSlot = "reset: freed slot" + jitter;
        workHold = "work: hold (work is not a reset)" + jitter;
        grow = growth(curve) + jitter;
        atCap = (curve.kind() == CurveKind.FIXED ? "fixed " : "idle at cap ") + Durations.format(curve.ceilingUs())
                + jitter;
        saturated = "saturated: " + c.saturation().word() + jitter;
        rateLimited = "429 backoff" + backoff(c.rateLimited()) + jitter;
        otherError = "error backoff" + backoff(c.other()) + jitter;
        deadlineClamp = c.deadlineClampFloorUs() == Composition.NO_CLAMP ? ""
                : "deadline clamp (floor " + Durations.format(c.deadlineClampFloorUs()) + ")";
        suspend = "suspend: idle " + Durations.format(c.suspendAfterUs());
        String[] sources = {"local enqueue", "retry deadline", "freed slot", "work visible"};
        String reset = c.resets().wake() ? "reset, " : "";
        for (int s = 0; s < sources.length; s++) {
            String poll = s == FREED_SLOT ? "poll at floor " + floor : "poll now";
            notASource[s] = sources[s] + ": not a wake source";
            inFlight[s] = sources[s] + ": " + reset + (c.wakes().replace() ? "the tick in flight decides"
                    : "kept for after the tick in flight");
            afterTick[s] = sources[s] + " during the tick: " + poll;
            resume[s] = sources[s] + ": " + reset + "resume, " + poll;
            rearm[s] = sources[s] + ": " + reset + poll;
            soonerKept[s] = sources[s] + ": " + reset + "sooner poll kept";
        }
    }

    private static String growth(Curve curve) {
        String cap = curve.capUs() == Curve.NO_CAP ? "" : " (cap " + Durations.format(curve.capUs()) + ")";
        switch (curve.kind()) {
            case LINEAR:
                return "idle +" + Durations.format(curve.stepUs()) + cap;
            case GEOMETRIC:
                return "idle x" + curve.factor() + cap;
            case EXPONENTIAL:
                return "idle x2" + cap;
            case IDLE_STREAK:
                return "idle streak: floor x2^min(streak, " + curve.maxStreak() + ")" + cap;
            case FIXED:
            default:
                return "fixed " + Durations.format(curve.floorUs());
        }
    }

    private static String backoff(ErrorBackoff b) {
        StringBuilder s = new StringBuilder(" x").append(b.factor()).append(" (");
        if (b.minUs() > 0) {
            s.append("min ").append(Durations.format(b.minUs())).append(", ");
        }
        return s.append("cap ").append(Durations.format(b.capUs())).append(')').toString();
    }

    private static String jitterNote(Jitter j) {
        switch (j.kind()) {
            case PERCENT:
                return ", jitter +/-" + j.percent() + "%";
            case NONE:
                return "";
            default:
                return ", " + j.kind().word() + " jitter";
        }
    }
}
