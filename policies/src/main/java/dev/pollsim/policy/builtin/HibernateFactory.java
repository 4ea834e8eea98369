package dev.pollsim.policy.builtin;

import dev.pollsim.policy.LoopSpec;
import dev.pollsim.policy.PolicyFactory;
import dev.pollsim.policy.PollPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Lays out a seed 001 daemon: {@code workers} kind-worker loops (lanes 0..workers-1) sharing one
 * backoff configuration, and the job-queue reaper. Also carries the two findings that live in
 * the job queue rather than the loop: the retry-deadline wake, and its reconstruction after a
 * restart.
 */
final class HibernateFactory implements PolicyFactory {

    private final HibernatePolicy.Backoff backoff;
    private final HibernatePolicy.Flaws flaws;
    private final List<LoopSpec> loops;
    private final long reaperIntervalUs;
    private final int reaperIdleSweeps;
    private final boolean retryWakes;
    private final boolean rebuildOnRestart;

    HibernateFactory(HibernatePolicy.Backoff backoff, HibernatePolicy.Flaws flaws, int workers,
            long reaperIntervalUs, int reaperIdleSweeps, boolean retryWakes, boolean rebuildOnRestart) {
        this.backoff = backoff;
        this.flaws = flaws;
        this.reaperIntervalUs = reaperIntervalUs;
        this.reaperIdleSweeps = reaperIdleSweeps;
        this.retryWakes = retryWakes;
        this.rebuildOnRestart = rebuildOnRestart;
        List<LoopSpec> l = new ArrayList<>();
        for (int k = 0; k < workers; k++) {
            l.add(new LoopSpec("worker-" + (k + 1), LoopSpec.Role.WORKER, k));
        }
        l.add(new LoopSpec("reaper", LoopSpec.Role.REAPER, 0));
        this.loops = List.copyOf(l);
    }

    @Override
    public List<LoopSpec> loops() {
        return loops;
    }

    @Override
    public PollPolicy create(LoopSpec loop, RandomGenerator random) {
        return loop.role() == LoopSpec.Role.REAPER
                ? new ReaperPolicy(reaperIntervalUs, reaperIdleSweeps)
                : new HibernatePolicy(backoff, flaws, random);
    }

    @Override
    public boolean hearsDeadlineWakes() {
        return retryWakes;
    }

    @Override
    public boolean rebuildsDeadlineWakesOnRestart() {
        return rebuildOnRestart;
    }
}
