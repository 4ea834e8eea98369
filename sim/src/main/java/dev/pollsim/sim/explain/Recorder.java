package dev.pollsim.sim.explain;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.LoopState;
import dev.pollsim.policy.TickOutcome;
import dev.pollsim.policy.WakeKind;
import dev.pollsim.sim.model.SimObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Hears a run and keeps the events of one daemon's loops within {@code [from, to)}, up to a
 * limit. Filters by loop and time before it builds anything, so the other daemons' events cost
 * two comparisons. NOT thread-safe.
 */
final class Recorder implements SimObserver {

    private final RuleTap tap;
    private final List<LoopSpec> loops;
    private final int daemon;
    private final int firstLoop;
    private final long fromUs;
    private final long toUs;
    private final int limit;
    private final List<TimelineEvent> events = new ArrayList<>();
    private boolean truncated;

    Recorder(RuleTap tap, List<LoopSpec> loops, int daemon, long fromUs, long toUs, int limit) {
        this.tap = tap;
        this.loops = loops;
        this.daemon = daemon;
        this.firstLoop = daemon * loops.size();
        this.fromUs = fromUs;
        this.toUs = toUs;
        this.limit = limit;
    }

    List<TimelineEvent> events() {
        return events;
    }

    boolean truncated() {
        return truncated;
    }

    @Override
    public void decided(int loop, long nowUs, TickOutcome o, long nextDelayUs) {
        if (heard(loop, nowUs)) {
            LoopSpec spec = spec(loop);
            add(new TimelineEvent.Tick(nowUs, spec.name(), o.dispatched(), o.slotsFreed(), o.saturated(), o.error(),
                    o.pendingWork(), o.busyUs(), o.deadlineUs(), nextDelayUs, spec.role() == LoopSpec.Role.REAPER,
                    tap.lastRule()));
        }
    }

    @Override
    public void woke(int loop, long nowUs, WakeKind kind, LoopState state, long answerUs) {
        if (heard(loop, nowUs)) {
            add(new TimelineEvent.Wake(nowUs, spec(loop).name(), kind, state, answerUs, tap.lastRule()));
        }
    }

    @Override
    public void slotFreed(int loop, long nowUs, LoopState state, long answerUs) {
        if (heard(loop, nowUs)) {
            add(new TimelineEvent.SlotFreed(nowUs, spec(loop).name(), state, answerUs, tap.lastRule()));
        }
    }

    @Override
    public void spawned(int loop, long startUs, long waitedUs) {
        if (heard(loop, startUs)) {
            add(new TimelineEvent.Spawn(startUs, spec(loop).name(), waitedUs));
        }
    }

    @Override
    public void restarted(int d, long nowUs) {
        if (d == daemon && inWindow(nowUs)) {
            add(new TimelineEvent.Restart(nowUs));
        }
    }

    @Override
    public void reloaded(long nowUs) {
        if (inWindow(nowUs)) {
            add(new TimelineEvent.Reload(nowUs));
        }
    }

    private boolean heard(int loop, long atUs) {
        return loop >= firstLoop && loop < firstLoop + loops.size() && inWindow(atUs);
    }

    private boolean inWindow(long atUs) {
        return atUs >= fromUs && atUs < toUs;
    }

    private LoopSpec spec(int loop) {
        return loops.get(loop - firstLoop);
    }

    private void add(TimelineEvent e) {
        if (events.size() < limit) {
            events.add(e);
        } else {
            truncated = true;
        }
    }
}
