package dev.pollsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.TickError;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.policy.param.Durations;
import dev.pollsim.sim.explain.Timeline;
import dev.pollsim.sim.explain.TimelineEvent;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A daemon's timeline ({@code pollsim explain}) as readable text, one line per event, or as JSON
 * Lines, one object per event. JSON field names are a public contract: fields may be added, never
 * renamed or removed. Times are exact: microseconds in JSON, and in text {@code HH:MM:SS.mmm}
 * from the scenario start (hours past 24 keep counting), with microseconds when they are not
 * whole milliseconds. Text shows a tick's deadline only while it is ahead ("deadline in 4m");
 * JSON gives it as found.
 *
 * <pre>
 * every line: {event, at, atUs, daemon, loop}
 * tick:       {dispatched, slotsFreed, saturated, error, pendingWork, busyUs, deadlineUs, nextDelayUs, suspended, rule}
 * wake:       {kind, state, nextDelayUs, rule}
 * slotFreed:  {state, nextDelayUs, rule}
 * spawn:      {waitedUs}
 * restart, reload: nothing more
 * truncated:  {limit}, last, when events were left out
 * </pre>
 */
public final class TimelineReport {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** The timeline as text: a header line, then one line per event. */
    public String text(Timeline t) {
        StringBuilder b = new StringBuilder();
        b.append("explain ").append(t.label());
        if (!t.label().equals(t.policy())) {
            b.append(" (").append(t.policy()).append(')');
        }
        b.append(" · scenario ").append(t.scenario()).append(" · seed ").append(t.seed()).append(" · daemon ")
                .append(t.daemon()).append(" · ").append(clock(t.fromUs())).append(" to ").append(clock(t.toUs()))
                .append('\n');
        int loopWidth = 1;
        int clockWidth = 1;
        for (TimelineEvent e : t.events()) {
            loopWidth = Math.max(loopWidth, e.loop() == null ? 1 : e.loop().length());
            clockWidth = Math.max(clockWidth, clock(e.atUs()).length());
        }
        for (TimelineEvent e : t.events()) {
            b.append(line(e, clockWidth, loopWidth)).append('\n');
        }
        if (t.events().isEmpty()) {
            b.append("(no event in this window)\n");
        }
        if (t.truncated()) {
            b.append("... stopped after ").append(t.limit())
                    .append(" events; narrow --from/--to or raise --limit\n");
        }
        return b.toString();
    }

    /** The timeline as JSON Lines: one object per event, then a {@code truncated} line if any were left out. */
    public String jsonLines(Timeline t) {
        StringBuilder b = new StringBuilder();
        for (TimelineEvent e : t.events()) {
            b.append(write(json(e, t.daemon()))).append('\n');
        }
        if (t.truncated()) {
            ObjectNode o = mapper.createObjectNode();
            o.put("event", "truncated");
            o.put("limit", t.limit());
            b.append(write(o)).append('\n');
        }
        return b.toString();
    }

    /** {@code HH:MM:SS.mmm} from the start, with microseconds when they are not whole milliseconds. */
    static String clock(long us) {
        long ms = us / Durations.MICROS_PER_MILLI;
        long subMs = us % Durations.MICROS_PER_MILLI;
        String s = String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1_000 % 60,
                ms % 1_000);
        return subMs == 0 ? s : s + String.format(Locale.ROOT, "%03d", subMs);
    }

    private static String line(TimelineEvent e, int clockWidth, int loopWidth) {
        String loop = e.loop() == null ? "-" : e.loop();
        String at = clock(e.atUs());
        StringBuilder b = new StringBuilder(at).append(" ".repeat(clockWidth - at.length())).append("  ").append(loop)
                .append(" ".repeat(loopWidth - loop.length())).append("  ");
        if (e instanceof TimelineEvent.Tick) {
            TimelineEvent.Tick t = (TimelineEvent.Tick) e;
            b.append("tick     ").append(found(t)).append("  ")
                    .append(t.nextDelayUs() == PollPolicy.SUSPEND ? "suspend" : "next " + Durations.format(t.nextDelayUs()));
            rule(b, t.rule());
        } else if (e instanceof TimelineEvent.Wake) {
            TimelineEvent.Wake w = (TimelineEvent.Wake) e;
            b.append("wake     ").append(kind(w.kind())).append(" (").append(state(w.state())).append(")  ")
                    .append(answer(w.nextDelayUs()));
            rule(b, w.rule());
        } else if (e instanceof TimelineEvent.SlotFreed) {
            TimelineEvent.SlotFreed f = (TimelineEvent.SlotFreed) e;
            b.append("freed    a worker finished (").append(state(f.state())).append(")  ").append(answer(f.nextDelayUs()));
            rule(b, f.rule());
        } else if (e instanceof TimelineEvent.Spawn) {
            b.append("spawn    job started, waited ").append(Durations.format(((TimelineEvent.Spawn) e).waitedUs()));
        } else if (e instanceof TimelineEvent.Restart) {
            b.append("restart  the daemon restarted; its loops' memory is lost");
        } else {
            b.append("reload   the config was reloaded");
        }
        return b.toString();
    }

    private static String found(TimelineEvent.Tick t) {
        StringBuilder b = new StringBuilder();
        if (t.error() == TickError.RATE_LIMITED) {
            b.append("429 rate limited");
        } else if (t.error() == TickError.SERVER_ERROR) {
            b.append("5xx server error");
        } else if (t.saturated()) {
            b.append("saturated, no request");
        } else if (t.reaper()) {
            b.append("swept, ").append(t.pendingWork()).append(" pending");
        } else if (t.dispatched() == 0) {
            b.append("found nothing");
        } else {
            b.append("found ").append(t.dispatched()).append(t.dispatched() == 1 ? " job" : " jobs");
        }
        if (!t.reaper() && t.pendingWork() > 0) {
            b.append(", ").append(t.pendingWork()).append(" still queued");
        }
        if (t.slotsFreed() > 0) {
            b.append(", ").append(t.slotsFreed()).append(t.slotsFreed() == 1 ? " slot" : " slots").append(" freed");
        }
        if (t.busyUs() > 0) {
            b.append(", spawning took ").append(Durations.format(t.busyUs()));
        }
        if (t.deadlineUs() != TickOutcome.NO_DEADLINE && t.deadlineUs() > t.atUs()) {
            b.append(", deadline in ").append(Durations.format(t.deadlineUs() - t.atUs()));
        }
        return b.toString();
    }

    private static String answer(long delayUs) {
        return delayUs == PollPolicy.KEEP ? "keep" : "next " + Durations.format(delayUs);
    }

    private static void rule(StringBuilder b, String rule) {
        if (!rule.isEmpty()) {
            b.append("  (").append(rule).append(')');
        }
    }

    private ObjectNode json(TimelineEvent e, int daemon) {
        ObjectNode o = mapper.createObjectNode();
        o.put("event", event(e));
        o.put("at", clock(e.atUs()));
        o.put("atUs", e.atUs());
        o.put("daemon", daemon);
        o.put("loop", e.loop());
        if (e instanceof TimelineEvent.Tick) {
            TimelineEvent.Tick t = (TimelineEvent.Tick) e;
            o.put("dispatched", t.dispatched());
            o.put("slotsFreed", t.slotsFreed());
            o.put("saturated", t.saturated());
            o.put("error", t.error() == TickError.RATE_LIMITED ? "429" : t.error() == TickError.SERVER_ERROR ? "5xx" : "none");
            o.put("pendingWork", t.pendingWork());
            o.put("busyUs", t.busyUs());
            nullable(o, "deadlineUs", t.deadlineUs() == TickOutcome.NO_DEADLINE ? null : t.deadlineUs());
            boolean suspended = t.nextDelayUs() == PollPolicy.SUSPEND;
            nullable(o, "nextDelayUs", suspended ? null : t.nextDelayUs());
            o.put("suspended", suspended);
            o.put("rule", t.rule());
        } else if (e instanceof TimelineEvent.Wake) {
            TimelineEvent.Wake w = (TimelineEvent.Wake) e;
            o.put("kind", kindName(w.kind()));
            o.put("state", stateName(w.state()));
            nullable(o, "nextDelayUs", w.nextDelayUs() == PollPolicy.KEEP ? null : w.nextDelayUs());
            o.put("rule", w.rule());
        } else if (e instanceof TimelineEvent.SlotFreed) {
            TimelineEvent.SlotFreed f = (TimelineEvent.SlotFreed) e;
            o.put("state", stateName(f.state()));
            nullable(o, "nextDelayUs", f.nextDelayUs() == PollPolicy.KEEP ? null : f.nextDelayUs());
            o.put("rule", f.rule());
        } else if (e instanceof TimelineEvent.Spawn) {
            o.put("waitedUs", ((TimelineEvent.Spawn) e).waitedUs());
        }
        return o;
    }

    private static void nullable(ObjectNode o, String field, Long value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.longValue());
        }
    }

    private static String event(TimelineEvent e) {
        if (e instanceof TimelineEvent.Tick) {
            return "tick";
        }
        if (e instanceof TimelineEvent.Wake) {
            return "wake";
        }
        if (e instanceof TimelineEvent.SlotFreed) {
            return "slotFreed";
        }
        if (e instanceof TimelineEvent.Spawn) {
            return "spawn";
        }
        return e instanceof TimelineEvent.Restart ? "restart" : "reload";
    }

    private static String kind(WakeKind k) {
        switch (k) {
            case LOCAL_ENQUEUE:
                return "local enqueue";
            case DEADLINE:
                return "retry deadline";
            case WORK_VISIBLE:
            default:
                return "work visible";
        }
    }

    private static String kindName(WakeKind k) {
        switch (k) {
            case LOCAL_ENQUEUE:
                return "localEnqueue";
            case DEADLINE:
                return "retryDeadline";
            case WORK_VISIBLE:
            default:
                return "workVisible";
        }
    }

    private static String state(LoopState s) {
        switch (s) {
            case SUSPENDED:
                return "suspended";
            case IN_FLIGHT:
                return "tick in flight";
            case WAITING:
            default:
                return "waiting";
        }
    }

    private static String stateName(LoopState s) {
        switch (s) {
            case SUSPENDED:
                return "suspended";
            case IN_FLIGHT:
                return "inFlight";
            case WAITING:
            default:
                return "waiting";
        }
    }

    private String write(ObjectNode o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
