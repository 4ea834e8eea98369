package dev.pollsim.sim.engine;

import dev.pollsim.policy.param.Durations;
import java.util.Arrays;

/**
 * The future event list: a timing wheel for near events with a 4-ary heap for far ones, holding
 * primitive events ordered by time, then {@link EventKind} order, then a sequence key, then
 * payload.
 *
 * <p>An event is three adjacent {@code long}s in a pooled arena (time; kind and key; payload and
 * link); there is no object per event, and scheduling and popping allocate nothing once the arena
 * has grown to the run's high-water mark.
 *
 * <ul>
 *   <li>The wheel has a power-of-two number of buckets of a power-of-two width in microseconds;
 *       it covers the window starting at the current bucket. The first event of each bucket lives
 *       in the bucket itself: the arena's first slots are the buckets. With a few buckets per
 *       event most buckets hold one event or none, so scheduling one is a store and popping one a
 *       load, with no list to follow and few branches the hold pattern makes unpredictable.
 *       Further events of a bucket hang off it in a list sorted by order, appended at its tail in
 *       the common case that they arrive in order. A two-level bitmap finds the next non-empty
 *       bucket in a few word operations.
 *   <li>Events beyond the window wait in the heap and move into the wheel as the window advances.
 *   <li>Events that come in order (loops re-arming at one period: a fixed fleet, an idle fleet
 *       at its ceiling) go to an in-order queue instead, a ring appended at its tail and popped at
 *       its head; the next event is the earlier of the queue's head and the wheel's first. The
 *       queue starts after a run of insertions each after every event in the wheel, and then
 *       takes every event after its last that does not leap far beyond it.
 *   <li>The wheel is rebuilt, in linear time, when the list outgrows it, too many events wait
 *       in the heap, insertions keep walking crowded buckets, or (past a thousand buckets) it
 *       holds fewer than an eighth of the events it was last rebuilt for; it then gets four to eight
 *       buckets per event, at most {@value #SPARSE_UP_TO} up to that many events, and one to two
 *       per event beyond (to bound memory; sparser buckets also crowd the cache the simulation's
 *       own state needs), together as wide as the span of the events held.
 * </ul>
 *
 * <p>The sequence key is the insertion number for {@link #schedule(long, int, int)}, and a
 * caller-chosen key for {@link #schedule(long, int, long, int)} (ties broken by payload).
 * Scheduling before the time of the last popped event is refused.
 *
 * <p>NOT thread-safe.
 */
public final class EventList {

    private static final int KIND_SHIFT = 60;
    private static final long KEY_MASK = (1L << KIND_SHIFT) - 1;
    private static final int NIL = -1;
    /** What {@link #peek()} answers when the next event is the in-order queue's head. */
    private static final int FROM_QUEUE = -2;
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final long NIL_LINK = NIL & 0xffffffffL;
    private static final int MIN_BUCKETS_LOG = 6;
    private static final int MAX_BUCKETS_LOG = 22;
    private static final int MIN_WIDTH_LOG = 0;
    private static final int MAX_WIDTH_LOG = 40;
    /**
     * A wheel gets four to eight buckets per event, but no more buckets than this for up to as
     * many events (one to two per event near it); beyond, one to two per event.
     */
    static final int SPARSE_UP_TO = 1 << 17;
    /**
     * With the in-order queue empty, insertions in a row after every event in the wheel before the
     * next one starts the queue: a run of them is a stream (loops re-arming at one period), a lone
     * one a chance, which the queue would only slow.
     */
    static final int QUEUE_AFTER = 8;
    /** An in-order queue larger than this is given back once it empties. */
    static final int QUEUE_KEPT = 1 << 10;
    /**
     * A wheel rebuilt with more buckets than this is rebuilt smaller once it holds fewer than an
     * {@value #SHRINK_BY}th of the events it was rebuilt for: a fleet whose loops went to the
     * in-order queue or were parked in closed form leaves a few hundred events in a wheel sized
     * for all of them. (A wheel sized when the list was made, for events yet to come, is kept.)
     */
    static final int SHRINK_ABOVE = 1 << 10;
    static final int SHRINK_BY = 8;

    // the arena: per event, three longs (time, kind and key, payload and link); slots [0, buckets)
    // are the buckets' first events, the rest hold further events of a bucket and far events
    private long[] slots;
    private int freeHead = NIL;
    private int used;
    private int capacity;
    private int peeked = NIL;

    // the wheel
    private int buckets;
    private int mask;
    private int widthLog;
    /** The last event of each bucket's list; meaningful only while the bucket's list is not empty. */
    private int[] tails;
    private long[] occupied;
    private long[] summary;
    private long cursor;
    private int wheelSize;

    // the in-order queue: a ring of three longs per event (time, kind and key, payload), sorted
    private long[] queue;
    private int queueCapacity;
    private int queueHead;
    private int queueSize;
    /** The time of the queue's first event; {@code Long.MAX_VALUE} when empty, so that one comparison skips it. */
    private long queueHeadTime = Long.MAX_VALUE;
    /** The queue's last event, which a new one must not precede to join it. */
    private long queueLastTime = Long.MIN_VALUE;
    private long queueLastOrder;
    private int queueLastPayload;
    /**
     * How far ahead of the time it was scheduled at the queue's last event lay: a stream's period.
     * An event no farther ahead joins the queue even when every event queued is due now, as when
     * loops that tick at one instant re-arm one by one.
     */
    private long queueLastLead;
    /** The latest time scheduled into the wheel (far events aside): the queue starts after it. */
    private long wheelLatest = Long.MIN_VALUE;
    /** The time of the first event in the wheel or heap, or {@link #UNKNOWN}: see {@link #wheelFirstTime()}. */
    private long wheelFirst = UNKNOWN;
    /** Insertions in a row that came after every event held, in order. */
    private int inOrderRun;

    // the far heap, of arena indices
    private int[] heap = new int[16];
    private int heapSize;

    private int size;
    private int crowded;
    /** Set when buckets crowd or too many events wait in the heap: the next insertion rebuilds. */
    private boolean unbalanced;
    /** Fewer events than this in the wheel and heap rebuild it smaller; 0 for a wheel kept as is. */
    private int shrinkBelow;
    /** {@code buckets - shrinkBelow}: more events than {@code buckets} outgrow the wheel. */
    private int heldSpan;
    private long nextSeq;
    private long now;

    private long lastTime;
    private long lastOrder;
    private int lastPayload;

    /** @param initialCapacity events held before the first growth */
    public EventList(int initialCapacity) {
        this(initialCapacity, 16);
    }

    /**
     * @param initialCapacity events the wheel holds before its first growth
     * @param inOrderCapacity events the in-order queue holds before its first growth: a caller
     *     about to schedule many events in order (a fleet's first ticks, sorted) sizes the queue
     *     for them and the wheel for the few others
     */
    public EventList(int initialCapacity, int inOrderCapacity) {
        int cap = Math.max(16, initialCapacity);
        buildWheel(bucketsLogFor(cap), 20, cap >>> 2);
        queueCapacity = Math.max(16, inOrderCapacity);
        queue = new long[3 * queueCapacity];
    }

    /** The time of the last popped event, in microseconds; 0 before the first pop. */
    public long now() {
        return now;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The time of the next event; only valid when not empty. */
    public long peekTime() {
        int next = peek();
        return next == FROM_QUEUE ? queue[3 * queueHead] : time(next);
    }

    /**
     * Whether this list's next event comes before {@code other}'s next event in the lists' common
     * order (time, then kind and key, then payload): which of two lists, holding events of one run,
     * has the run's next event. Both must not be empty.
     */
    public boolean firstBefore(EventList other) {
        int a = peek();
        int b = other.peek();
        long timeA = a == FROM_QUEUE ? queue[3 * queueHead] : slots[3 * a];
        long timeB = b == FROM_QUEUE ? other.queue[3 * other.queueHead] : other.slots[3 * b];
        if (timeA != timeB) {
            return timeA < timeB;
        }
        return earlier(timeA, headWord(a, 1), headPayload(a), timeB, other.headWord(b, 1), other.headPayload(b));
    }

    /** Word {@code w} (0 time, 1 kind and key) of the next event, {@code next} being {@link #peek()}'s answer. */
    private long headWord(int next, int w) {
        return next == FROM_QUEUE ? queue[3 * queueHead + w] : slots[3 * next + w];
    }

    private int headPayload(int next) {
        return next == FROM_QUEUE ? (int) queue[3 * queueHead + 2] : (int) (slots[3 * next + 2] >> 32);
    }

    /**
     * Advances {@link #now()} to {@code timeUs} if every event held comes after it (or none is
     * held), without popping: an event the caller kept aside for that instant is then the next to
     * run, and the caller runs it. Moves nothing otherwise.
     *
     * @return whether time advanced
     * @throws IllegalStateException if {@code timeUs} is in the past
     */
    public boolean advanceIfFirst(long timeUs) {
        if (timeUs < now) {
            throw new IllegalStateException("cannot advance to " + formatTime(timeUs) + ": simulated time is already "
                    + formatTime(now));
        }
        if (peeked != NIL || (timeUs >>> widthLog) < cursor) {
            // a peek has moved the window past timeUs: only the list itself can order the event
            return false;
        }
        if (size > queueSize) {
            // every wheel event comes before every heap event; the first occupied bucket holds the first
            int first = wheelSize == 0 ? heap[0] : nextOccupied((int) (cursor & mask));
            if (time(first) <= timeUs) {
                return false;
            }
        }
        if (queueHeadTime <= timeUs) {
            return false;
        }
        now = timeUs;
        return true;
    }

    /**
     * Schedules an event ordered, among events of its time and kind, by insertion.
     *
     * @param timeUs when, in microseconds; not before {@link #now()}
     * @param kind one of {@link EventKind}
     * @param payload what the event acts on (a loop, daemon or job index)
     * @return the event's sequence number, unique within this list
     * @throws IllegalStateException if {@code timeUs} is in the past
     */
    public long schedule(long timeUs, int kind, int payload) {
        long seq = nextSeq++;
        insert(timeUs, kind, seq, payload);
        return seq;
    }

    /**
     * Schedules an event ordered, among events of its time and kind, by {@code key} and then by
     * {@code payload}: a canonical order that does not depend on when the event was inserted.
     *
     * @param key a non-negative key below 2^60
     * @throws IllegalStateException if {@code timeUs} is in the past
     */
    public void schedule(long timeUs, int kind, long key, int payload) {
        if (key < 0 || key > KEY_MASK) {
            throw new IllegalArgumentException("key out of range: " + key);
        }
        insert(timeUs, kind, key, payload);
    }

    /**
     * Removes the next event and advances {@link #now()} to its time. Read it back with
     * {@link #lastTime()}, {@link #lastKind()}, {@link #lastSeq()} and {@link #lastPayload()}.
     *
     * @return the event's payload
     */
    /**
     * Removes the next event if it comes before {@code limitUs}, as {@link #pop()} does; read it
     * back the same way. One call instead of three on the run's hottest path: a run of events
     * from the in-order queue pays one comparison to find that it is next.
     *
     * @return whether an event was removed
     */
    public boolean popBefore(long limitUs) {
        if (peeked == NIL && queueHeadTime < limitUs
                && queueHeadTime < wheelFirstTime()) {
            popQueue();
            return true;
        }
        return popOtherBefore(limitUs);
    }

    /** {@link #popBefore} when the in-order queue's head is not next. */
    private boolean popOtherBefore(long limitUs) {
        if (size == 0 || peekTime() >= limitUs) {
            return false;
        }
        pop();
        return true;
    }

    public int pop() {
        int bucket = peeked != NIL ? peeked : peek();
        peeked = NIL;
        if (bucket == FROM_QUEUE) {
            return popQueue();
        }
        wheelFirst = UNKNOWN;
        int i = 3 * bucket;
        long[] arena = slots;
        lastTime = arena[i];
        lastOrder = arena[i + 1];
        long word = arena[i + 2];
        lastPayload = (int) (word >> 32);
        int after = (int) word;
        if (after == NIL) {
            clearBit(bucket);
        } else {
            // the bucket's next event moves into the bucket (the list's tail stays, or the list empties)
            int j = 3 * after;
            arena[i] = arena[j];
            arena[i + 1] = arena[j + 1];
            arena[i + 2] = arena[j + 2];
            release(after);
        }
        wheelSize--;
        size--;
        now = lastTime;
        return lastPayload;
    }

    private int popQueue() {
        int i = 3 * queueHead;
        lastTime = queue[i];
        lastOrder = queue[i + 1];
        lastPayload = (int) queue[i + 2];
        if (++queueHead == queueCapacity) {
            queueHead = 0;
        }
        if (queueSize == 1 && queueCapacity > QUEUE_KEPT) {
            shrinkQueue();
        }
        queueSize--;
        queueHeadTime = queueSize > 0 ? queue[3 * queueHead] : Long.MAX_VALUE;
        size--;
        now = lastTime;
        return lastPayload;
    }

    /**
     * The last event leaves a large queue (its fleet's loops parked or out of order): lets the
     * memory go; it grows again if a stream comes back.
     */
    private void shrinkQueue() {
        queue = new long[3 * QUEUE_KEPT];
        queueCapacity = QUEUE_KEPT;
        queueHead = 0;
    }

    /** Events in the in-order queue; for tests. */
    int inOrderSize() {
        return queueSize;
    }

    /** Buckets of the wheel; for tests. */
    int wheelBuckets() {
        return buckets;
    }

    /** Events the in-order queue holds before it grows; for tests. */
    int inOrderCapacity() {
        return queueCapacity;
    }

    public long lastTime() {
        return lastTime;
    }

    public int lastKind() {
        return (int) (lastOrder >>> KIND_SHIFT);
    }

    /** The popped event's sequence number, or its key if it was scheduled with one. */
    public long lastSeq() {
        return lastOrder & KEY_MASK;
    }

    public int lastPayload() {
        return lastPayload;
    }

    // ---- insertion ------------------------------------------------------------------------

    private void insert(long timeUs, int kind, long key, int payload) {
        if (timeUs < now) {
            throw inThePast(timeUs, kind, payload);
        }
        size++;
        peeked = NIL;
        long order = ((long) kind << KIND_SHIFT) | key;
        if (queueSize > 0) {
            // after the queue's last event, without a leap past twice its reach or past the lead of
            // its last event: a job's completion far ahead of the loops' ticks would keep every tick
            // after it out of the queue
            long lead = timeUs - now;
            if (!precedesQueueTail(timeUs, order, payload)
                    && (lead <= 2 * (queueLastTime - now) || lead <= queueLastLead)) {
                enqueue(timeUs, order, payload);
                return;
            }
        } else if (timeUs >= wheelLatest) {
            // the queue starts after a run of events each after every one in the wheel
            if (++inOrderRun >= QUEUE_AFTER) {
                enqueue(timeUs, order, payload);
                return;
            }
        } else {
            inOrderRun = 0;
        }
        insertFar(timeUs, order, payload);
    }

    /*
     * The methods on every event's path (popBefore, insert, enqueue, popQueue) keep their rare
     * branches in methods of their own: small, they are inlined into their callers whichever of
     * them the compiler takes first (see docs/PERFORMANCE.md, run-to-run spread).
     */

    private IllegalStateException inThePast(long timeUs, int kind, int payload) {
        return new IllegalStateException("cannot schedule a " + EventKind.name(kind) + " event (payload "
                + payload + ") at " + formatTime(timeUs) + ": simulated time is already " + formatTime(now));
    }

    /** Puts an event that does not join the in-order queue into the wheel, or beyond it into the heap. */
    private void insertFar(long timeUs, long order, int payload) {
        long ahead = (timeUs >>> widthLog) - cursor;
        // held outside [shrinkBelow, buckets], in one unsigned comparison: the wheel is outgrown,
        // or too large for what it holds (growing and shrinking again are 32 times or more
        // apart, as a rebuild gives four to eight buckets an event, fewer past SPARSE_UP_TO)
        if (Integer.compareUnsigned(size - queueSize - shrinkBelow, heldSpan) > 0 || ahead < 0 || unbalanced) {
            // ahead < 0: a peek without a pop moved the window past this event's bucket
            rebuild();
            ahead = (timeUs >>> widthLog) - cursor;
        }
        if (wheelFirst != UNKNOWN && timeUs < wheelFirst) {
            wheelFirst = timeUs;
        }
        if (ahead < buckets) {
            wheelLatest = Math.max(wheelLatest, timeUs);
            place(timeUs, order, payload, NIL);
        } else {
            pushFar(timeUs, order, payload);
        }
    }

    /** Puts an event beyond the wheel's window into the heap. */
    private void pushFar(long timeUs, long order, int payload) {
        int node = allocate();
        write(node, timeUs, order, payload);
        heapPush(node);
    }

    /** Whether the event comes before the in-order queue's last one. */
    private boolean precedesQueueTail(long timeUs, long order, int payload) {
        return earlier(timeUs, order, payload, queueLastTime, queueLastOrder, queueLastPayload);
    }

    private void enqueue(long timeUs, long order, int payload) {
        if (queueSize == queueCapacity) {
            growQueue();
        }
        int slot = queueHead + queueSize;
        int i = 3 * (slot < queueCapacity ? slot : slot - queueCapacity);
        queue[i] = timeUs;
        queue[i + 1] = order;
        queue[i + 2] = payload;
        if (queueSize++ == 0) {
            queueHeadTime = timeUs;
        }
        queueLastTime = timeUs;
        queueLastLead = timeUs - now;
        queueLastOrder = order;
        queueLastPayload = payload;
    }

    /** Doubles the in-order queue, unrolling the ring. */
    private void growQueue() {
        long[] grown = new long[queue.length * 2];
        int first = 3 * queueHead;
        System.arraycopy(queue, first, grown, 0, queue.length - first);
        System.arraycopy(queue, 0, grown, queue.length - first, first);
        queue = grown;
        queueHead = 0;
        queueCapacity *= 2;
    }

    /**
     * Puts an event into its wheel bucket: into the bucket itself when empty, else into the
     * bucket's sorted list.
     *
     * @param spare an arena slot the event may use (it is released if unneeded), or {@link #NIL}
     */
    private void place(long timeUs, long order, int payload, int spare) {
        int bucket = (int) (timeUs >>> widthLog) & mask;
        wheelSize++;
        if ((occupied[bucket >>> 6] & (1L << bucket)) == 0) {
            write(bucket, timeUs, order, payload);
            setBit(bucket);
            if (spare != NIL) {
                release(spare);
            }
            return;
        }
        int node = spare != NIL ? spare : allocate();
        long[] arena = slots;
        int i = 3 * bucket;
        if (precedes(timeUs, order, payload, bucket)) {
            // the bucket's first event moves to the front of its list, links and all
            int n = 3 * node;
            arena[n] = arena[i];
            arena[n + 1] = arena[i + 1];
            arena[n + 2] = arena[i + 2];
            if (next(node) == NIL) {
                tails[bucket] = node;
            }
            arena[i] = timeUs;
            arena[i + 1] = order;
            arena[i + 2] = ((long) payload << 32) | (node & 0xffffffffL);
            return;
        }
        write(node, timeUs, order, payload);
        int head = next(bucket);
        if (head == NIL) {
            link(bucket, node);
            tails[bucket] = node;
            return;
        }
        int tail = tails[bucket];
        if (!before(node, tail)) {
            link(tail, node);
            tails[bucket] = node;
            return;
        }
        int prev = bucket;
        int cur = head;
        int walked = 1;
        while (!before(node, cur)) {
            prev = cur;
            cur = next(cur);
            walked++;
        }
        link(node, cur);
        link(prev, node);
        if (walked > 4 && ++crowded > Math.max(64, (size - queueSize) >>> 2)) {
            unbalanced = true;
        }
    }

    private void write(int node, long timeUs, long order, int payload) {
        int i = 3 * node;
        long[] arena = slots;
        arena[i] = timeUs;
        arena[i + 1] = order;
        arena[i + 2] = ((long) payload << 32) | NIL_LINK;
    }

    private long time(int node) {
        return slots[3 * node];
    }

    private int next(int node) {
        return (int) slots[3 * node + 2];
    }

    private void link(int node, int to) {
        int i = 3 * node + 2;
        slots[i] = (slots[i] & 0xffffffff00000000L) | (to & 0xffffffffL);
    }

    /** Whether the event (time, order, payload) comes before node {@code b}. */
    private boolean precedes(long timeUs, long order, int payload, int b) {
        int ib = 3 * b;
        return earlier(timeUs, order, payload, slots[ib], slots[ib + 1], (int) (slots[ib + 2] >> 32));
    }

    /** Whether node {@code a} comes before node {@code b}. */
    private boolean before(int a, int b) {
        int ia = 3 * a;
        return precedes(slots[ia], slots[ia + 1], (int) (slots[ia + 2] >> 32), b);
    }

    /** The list's order: time, then kind and key, then payload. */
    private static boolean earlier(long timeA, long orderA, int payloadA, long timeB, long orderB, int payloadB) {
        if (timeA != timeB) {
            return timeA < timeB;
        }
        if (orderA != orderB) {
            return orderA < orderB;
        }
        return payloadA < payloadB;
    }

    // ---- finding the next event -------------------------------------------------------------

    /** The bucket of the next event (its arena index), with the cursor moved to it. */
    private int peek() {
        if (peeked != NIL) {
            return peeked;
        }
        if (queueSize > 0 && queueHeadTime < wheelFirstTime()) {
            peeked = FROM_QUEUE;
            return FROM_QUEUE;
        }
        int bucket;
        if (wheelSize > 0) {
            bucket = nextOccupied((int) (cursor & mask));
            if (queueHeadTime <= slots[3 * bucket] && queueFirst(bucket)) {
                // the cursor stays: events may still be scheduled before the wheel's first
                peeked = FROM_QUEUE;
                return FROM_QUEUE;
            }
            // no branch on whether the cursor moved: with a few events per bucket it is a coin toss
            cursor += (bucket - cursor) & mask;
            if (heapSize > 0 && (time(heap[0]) >>> widthLog) - cursor < buckets) {
                // the window moved over far events (never when the cursor stayed: they lie beyond it)
                migrate();
                bucket = nextOccupied((int) (cursor & mask));
                cursor += (bucket - cursor) & mask;
            }
        } else if (heapSize > 0) {
            if (queueHeadTime <= time(heap[0]) && queueFirst(heap[0])) {
                peeked = FROM_QUEUE;
                return FROM_QUEUE;
            }
            cursor = time(heap[0]) >>> widthLog;
            migrate();
            bucket = nextOccupied((int) (cursor & mask));
        } else if (queueSize > 0) {
            peeked = FROM_QUEUE;
            return FROM_QUEUE;
        } else {
            throw new IllegalStateException("the event list is empty");
        }
        peeked = bucket;
        return bucket;
    }

    /**
     * The time of the first event in the wheel or the heap, {@code Long.MAX_VALUE} if none: kept
     * between pops from the wheel, so that a run of pops from the queue does not search the
     * wheel's bitmap each time.
     */
    private long wheelFirstTime() {
        return wheelFirst != UNKNOWN ? wheelFirst : findWheelFirst();
    }

    /** Finds the wheel's first time after a pop from the wheel, and keeps it. */
    private long findWheelFirst() {
        wheelFirst = wheelSize > 0 ? time(nextOccupied((int) (cursor & mask)))
                : heapSize > 0 ? time(heap[0]) : Long.MAX_VALUE;
        return wheelFirst;
    }

    /** Whether the in-order queue's head comes before arena node {@code node}. */
    private boolean queueFirst(int node) {
        int q = 3 * queueHead;
        return precedes(queue[q], queue[q + 1], (int) queue[q + 2], node);
    }

    /** Moves every heap event inside the window into the wheel. */
    private void migrate() {
        while (heapSize > 0 && (time(heap[0]) >>> widthLog) - cursor < buckets) {
            int node = heapPop();
            int i = 3 * node;
            place(slots[i], slots[i + 1], (int) (slots[i + 2] >> 32), node);
        }
    }

    /** The first occupied bucket at or after {@code from}, going round the wheel. */
    private int nextOccupied(int from) {
        int word = from >>> 6;
        long bits = occupied[word] & (-1L << (from & 63));
        if (bits != 0) {
            return (word << 6) | Long.numberOfTrailingZeros(bits);
        }
        int words = occupied.length;
        int w = nextOccupiedWord(word + 1, words);
        if (w < 0) {
            w = nextOccupiedWord(0, word + 1);
        }
        return (w << 6) | Long.numberOfTrailingZeros(occupied[w]);
    }

    private int nextOccupiedWord(int from, int to) {
        if (from >= to) {
            return -1;
        }
        int s = from >>> 6;
        long bits = summary[s] & (-1L << (from & 63));
        while (true) {
            if (bits != 0) {
                int w = (s << 6) | Long.numberOfTrailingZeros(bits);
                return w < to ? w : -1;
            }
            if (++s >= summary.length) {
                return -1;
            }
            bits = summary[s];
        }
    }

    private void setBit(int bucket) {
        int word = bucket >>> 6;
        occupied[word] |= 1L << (bucket & 63);
        summary[word >>> 6] |= 1L << (word & 63);
    }

    private void clearBit(int bucket) {
        int word = bucket >>> 6;
        long bits = occupied[word] & ~(1L << (bucket & 63));
        occupied[word] = bits;
        if (bits == 0) {
            summary[word >>> 6] &= ~(1L << (word & 63));
        }
    }

    // ---- rebuilding the wheel ---------------------------------------------------------------

    /**
     * Rebuilds the wheel, and with it the arena, for the events held: a few buckets per event,
     * wide enough together to cover from now to the last event (bounded), so that the heap holds
     * only the rare far ones. The event being inserted is counted in the size but held nowhere yet.
     */
    private void rebuild() {
        long[] old = slots;
        long[] oldOccupied = occupied;
        int oldMask = mask;
        int from = (int) (cursor & oldMask);
        int[] oldHeap = heap;
        int oldHeapSize = heapSize;
        long last = now;
        for (int k = 0; k <= oldMask; k++) {
            int b = (from + k) & oldMask;
            if ((oldOccupied[b >>> 6] & (1L << b)) != 0) {
                for (int node = b; node != NIL; node = (int) old[3 * node + 2]) {
                    last = Math.max(last, old[3 * node]);
                }
            }
        }
        for (int k = 0; k < oldHeapSize; k++) {
            last = Math.max(last, old[3 * oldHeap[k]]);
        }
        int bucketsLogNew = bucketsLogFor(size - queueSize);
        long span = Math.max(1, last - now + 1);
        int widthLogNew = Math.max(MIN_WIDTH_LOG, Math.min(MAX_WIDTH_LOG, log2Ceil(span) - bucketsLogNew));
        crowded = 0;
        wheelFirst = UNKNOWN;
        buildWheel(bucketsLogNew, widthLogNew, (size - queueSize) >>> 2);
        heap = new int[Math.max(16, oldHeap.length)];
        heapSize = 0;
        wheelSize = 0;
        // bucket by bucket from the old cursor, so that most events append in order
        for (int k = 0; k <= oldMask; k++) {
            int b = (from + k) & oldMask;
            if ((oldOccupied[b >>> 6] & (1L << b)) != 0) {
                for (int node = b; node != NIL; node = (int) old[3 * node + 2]) {
                    reinsert(old, node);
                }
            }
        }
        for (int k = 0; k < oldHeapSize; k++) {
            reinsert(old, oldHeap[k]);
        }
        unbalanced = false;
        shrinkBelow = buckets > SHRINK_ABOVE ? (size - queueSize) / SHRINK_BY : 0;
        heldSpan = buckets - shrinkBelow;
    }

    /** How many buckets (their log) a wheel gets for {@code events}: see the class comment. */
    private static int bucketsLogFor(int events) {
        // four buckets an event or more, but no more than SPARSE_UP_TO buckets for up to as many
        // events: a list that grows there keeps its wheel when it passes that size
        int log = Math.min(log2Ceil(events) + 2, Math.max(log2Ceil(SPARSE_UP_TO), log2Ceil(events)));
        return Math.max(MIN_BUCKETS_LOG, Math.min(MAX_BUCKETS_LOG, log));
    }

    private void reinsert(long[] old, int node) {
        int i = 3 * node;
        long timeUs = old[i];
        int payload = (int) (old[i + 2] >> 32);
        if ((timeUs >>> widthLog) - cursor < buckets) {
            place(timeUs, old[i + 1], payload, NIL);
        } else {
            pushFar(timeUs, old[i + 1], payload);
        }
    }

    /** A new, empty wheel and arena: the buckets' slots and room for {@code overflow} more. */
    private void buildWheel(int bucketsLogNew, int widthLogNew, int overflow) {
        widthLog = widthLogNew;
        buckets = 1 << bucketsLogNew;
        mask = buckets - 1;
        shrinkBelow = 0;
        heldSpan = buckets;
        capacity = buckets + Math.max(16, overflow);
        slots = new long[3 * capacity];
        used = buckets;
        freeHead = NIL;
        tails = new int[buckets];
        occupied = new long[Math.max(1, buckets >>> 6)];
        summary = new long[Math.max(1, (occupied.length + 63) >>> 6)];
        cursor = now >>> widthLog;
    }

    // ---- the far heap -----------------------------------------------------------------------

    private void heapPush(int node) {
        if (heapSize >= 256 && heapSize >= (size - queueSize) >>> 1) {
            unbalanced = true;
        }
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(node, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = node;
    }

    private int heapPop() {
        int top = heap[0];
        int last = heap[--heapSize];
        int i = 0;
        int n = heapSize;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (before(heap[c], heap[best])) {
                    best = c;
                }
            }
            if (!before(heap[best], last)) {
                break;
            }
            heap[i] = heap[best];
            i = best;
        }
        if (n > 0) {
            heap[i] = last;
        }
        return top;
    }

    // ---- the arena --------------------------------------------------------------------------

    private int allocate() {
        if (freeHead != NIL) {
            int node = freeHead;
            freeHead = next(node);
            return node;
        }
        if (used == capacity) {
            // double the slots beyond the buckets, not the buckets with them
            capacity += Math.max(16, capacity - buckets);
            slots = Arrays.copyOf(slots, 3 * capacity);
        }
        return used++;
    }

    private void release(int node) {
        link(node, freeHead);
        freeHead = node;
    }

    private static int log2Ceil(long v) {
        return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
    }

    private static String formatTime(long us) {
        return Durations.format(us) + " (" + us + " us)";
    }
}
