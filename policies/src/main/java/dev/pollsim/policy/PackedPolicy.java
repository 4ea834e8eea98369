package dev.pollsim.policy;

/**
 * A policy whose whole changing state fits in one {@code long}. A fleet of many loops then holds a
 * word per loop and a single instance: it loads a loop's word into the instance before asking it
 * and keeps the word the instance holds after. 8 B a loop, where an object per loop costs a
 * header, a reference to its settings, its fields and a reference to it (44 B for
 * {@code exp-idle}); and a fleet's words sit side by side in one array.
 *
 * <p>The contract: for any sequence of calls, loading a policy with {@link #state()} of another
 * that {@link #packsLike} it, then making the calls, answers and leaves the state exactly as the
 * calls on the other would have. Its settings are fixed: {@link #reconfigure} changes nothing
 * but the state (a policy with hot settings does not pack). The simulator does not require this
 * interface: a policy that does not implement it keeps its object per loop.
 */
public interface PackedPolicy extends PollPolicy {

    /** Whether this instance's state fits a word at all (its settings may be out of range for it). */
    boolean packable();

    /** The whole state this policy's calls change, as one word; only for a {@link #packable()} policy. */
    long state();

    /** Takes on a state that {@link #state()} of this policy or one that {@link #packsLike} it returned. */
    void load(long state);

    /**
     * Whether {@code other} differs from this policy in its state alone (the same class and
     * settings), so that its words mean the same here.
     */
    boolean packsLike(PackedPolicy other);

    /** A policy that packs like this one, in its initial state: one more instance to load words into. */
    PackedPolicy fresh();
}
