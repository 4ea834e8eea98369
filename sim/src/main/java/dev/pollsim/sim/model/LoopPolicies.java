package dev.pollsim.sim.model;

import dev.pollsim.policy.PackedPolicy;
import dev.pollsim.policy.PollPolicy;
import dev.pollsim.policy.param.PolicyParams;
import java.util.Arrays;

/**
 * The policy of each loop of a fleet, held as compactly as its policies allow: once when every
 * loop shares one stateless instance; as a word per loop when the policies pack their state
 * ({@link PackedPolicy}: 8 B a loop, where an object and a reference to it cost 40 B or more);
 * else as an object per loop.
 *
 * <p>Packed, {@link #of} loads the loop's word into one instance, the cursor, and leaves it there
 * until another loop is asked for, when it stores it back: calls on one loop in a row (a tick's
 * decision, then its reported due time) load and store once, and no caller has to say when a
 * call changed the state. {@link #flush} stores the loaded word back. A thread of a split run
 * asks through a {@link #view} of its own, with a cursor of its own over the same words; the
 * owner flushes before the views run and the views after. NOT thread-safe otherwise.
 */
final class LoopPolicies {

    /** The holder of the objects or words; {@code this} but for a view. */
    private final LoopPolicies owner;
    private final int loops;
    /** Each loop's policy at {@code loop & mask}, or the one every loop shares (mask 0); null while packed. */
    private PollPolicy[] objects;
    private int mask;
    /** Each loop's packed state; null unless packed. */
    private long[] words;
    private final PackedPolicy cursor;
    private int loaded = -1;

    private LoopPolicies(LoopPolicies owner, int loops, PollPolicy[] objects, int mask, long[] words,
            PackedPolicy cursor) {
        this.owner = owner == null ? this : owner;
        this.loops = loops;
        this.objects = objects;
        this.mask = mask;
        this.words = words;
        this.cursor = cursor;
    }

    /**
     * Holds these policies, one per loop of a fleet: packed when they all pack alike, whatever
     * the kind of loop (a daemon's agents of one kind, say); a fleet with loops of kinds whose
     * policies differ (a worker and a reaper) keeps objects.
     */
    static LoopPolicies of(PollPolicy[] each) {
        if (Arrays.stream(each).allMatch(p -> p == each[0])) {
            return new LoopPolicies(null, each.length, new PollPolicy[] {each[0]}, 0, null, null);
        }
        if (each[0] instanceof PackedPolicy first && first.packable()
                && Arrays.stream(each).allMatch(p -> p instanceof PackedPolicy q && q.packable() && first.packsLike(q))) {
            long[] words = new long[each.length];
            for (int loop = 0; loop < each.length; loop++) {
                words[loop] = ((PackedPolicy) each[loop]).state();
            }
            return new LoopPolicies(null, each.length, null, 0, words, first.fresh());
        }
        return new LoopPolicies(null, each.length, each.clone(), -1, null, null);
    }

    /** Whether the loops' states are held as words. */
    boolean packed() {
        return owner.words != null;
    }

    /** The loop's policy, in the state the loop left it; valid until another loop is asked for. */
    PollPolicy of(int loop) {
        long[] w = owner.words;
        if (w == null) {
            return owner.objects[loop & owner.mask];
        }
        if (loaded != loop) {
            if (loaded >= 0) {
                w[loaded] = cursor.state();
            }
            cursor.load(w[loop]);
            loaded = loop;
        }
        return cursor;
    }

    /** Stores the loaded loop's state back, so that its word is its state. */
    void flush() {
        if (loaded >= 0) {
            owner.words[loaded] = cursor.state();
            loaded = -1;
        }
    }

    /** The loops' policies as another thread asks for them: a cursor of its own while packed. */
    LoopPolicies view() {
        return packed() ? new LoopPolicies(owner, loops, null, 0, null, cursor.fresh()) : owner;
    }

    /** A live reload: every loop's policy hears the new parameters (a packed one's state may change). */
    void reconfigure(PolicyParams params) {
        if (words != null) {
            for (int loop = 0; loop < loops; loop++) {
                of(loop).reconfigure(params);
            }
            return;
        }
        for (PollPolicy p : objects) {
            p.reconfigure(params);
        }
    }

    /** Gives the loop a new policy (a restarted daemon's), packed while it packs alike. */
    void replace(int loop, PollPolicy policy) {
        if (words != null) {
            if (policy instanceof PackedPolicy p && p.packable() && cursor.packsLike(p)) {
                if (loaded == loop) {
                    loaded = -1;
                }
                words[loop] = p.state();
                return;
            }
            unpack();
        }
        if (mask == 0) {
            if (policy == objects[0]) {
                return;
            }
            PollPolicy[] each = new PollPolicy[loops];
            Arrays.fill(each, objects[0]);
            objects = each;
            mask = -1;
        }
        objects[loop] = policy;
    }

    /** An object per loop from here on, each in its loop's state. */
    private void unpack() {
        flush();
        PollPolicy[] each = new PollPolicy[loops];
        for (int loop = 0; loop < loops; loop++) {
            PackedPolicy p = cursor.fresh();
            p.load(words[loop]);
            each[loop] = p;
        }
        objects = each;
        mask = -1;
        words = null;
    }
}
