package dev.pollsim.sim.engine;

import dev.pollsim.policy.param.Durations;
import java.util.Arrays;

/**
 * The future event list: a timing wheel for near events with a 4-ary heap for far ones, holding
 * primitive events ordered by time, then {@link EventKind} order, then a sequence key, then
 * payload.
 *
 * <p>An event is three adjacent {@code long}s in a pooled arena (time; kind and key; payload and
 * link), so that reading one touches one or two cache lines; there is no object per event, and
 * scheduling and popping allocate nothing once the arena has grown to the run's high-water mark.
 *
 * <ul>
 *   <li>The wheel has a power-of-two number of buckets of a power-of-two width in microseconds;
 *       it covers the window starting at the current bucket. Each bucket is a list sorted by
 *       order, appended at its tail in the common case that events arrive in order. A two-level
 *       bitmap finds the next non-empty bucket in a few word operations.
 *   <li>Events beyond the window wait in the heap and move into the wheel as the window advances.
 *   <li>The wheel is rebuilt, in linear time, when the list outgrows it, too many events wait
 *       in the heap, or insertions keep walking crowded buckets; it then gets about two buckets
 *       per event, together as wide as the span of the events held.
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
    private static final int MIN_BUCKETS_LOG = 8;
    private static final int MAX_BUCKETS_LOG = 22;
    private static final int MIN_WIDTH_LOG = 0;
    private static final int MAX_WIDTH_LOG = 40;

    // the arena: per event, three longs (time, kind and key, payload and link)
    private long[] slots;
    private int freeHead = NIL;
    private int used;
    private int capacity;
    private int peeked = NIL;

    // the wheel
    private int bucketsLog;
    private int widthLog;
    private int[] heads;
    private int[] tails;
    private long[] occupied;
    private long[] summary;
    private long cursor;
    private int wheelSize;

    // the far heap, of arena indices
    private int[] heap;
    private int heapSize;

    private int size;
    private int crowded;
    private long nextSeq;
    private long now;

    private long lastTime;
    private long lastOrder;
    private int lastPayload;

    /** @param initialCapacity events held before the first growth */
    public EventList(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        slots = new long[3 * cap];
        capacity = cap;
        heap = new int[16];
        buildWheel(Math.max(MIN_BUCKETS_LOG, Math.min(MAX_BUCKETS_LOG, log2Ceil(cap))), 20);
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
        return time(peek());
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
        if (size > 0) {
            // every wheel event comes before every heap event; the first occupied bucket holds the first
            int first = wheelSize == 0 ? heap[0] : heads[nextOccupied((int) (cursor & (heads.length - 1)))];
            if (time(first) <= timeUs) {
                return false;
            }
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
    public int pop() {
        int node = peeked != NIL ? peeked : peek();
        peeked = NIL;
        int bucket = (int) (cursor & (heads.length - 1));
        int after = next(node);
        heads[bucket] = after;
        if (after == NIL) {
            tails[bucket] = NIL;
            clearBit(bucket);
        }
        wheelSize--;
        size--;
        int base = 3 * node;
        lastTime = slots[base];
        lastOrder = slots[base + 1];
        lastPayload = (int) (slots[base + 2] >> 32);
        now = lastTime;
        release(node);
        return lastPayload;
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
            throw new IllegalStateException("cannot schedule a " + EventKind.name(kind) + " event (payload "
                    + payload + ") at " + formatTime(timeUs) + ": simulated time is already " + formatTime(now));
        }
        int node = allocate();
        int base = 3 * node;
        slots[base] = timeUs;
        slots[base + 1] = ((long) kind << KIND_SHIFT) | key;
        slots[base + 2] = ((long) payload << 32) | (NIL & 0xffffffffL);
        size++;
        peeked = NIL;
        if (size > (heads.length << 1) || (heapSize > 256 && heapSize > (size >>> 1))
                || crowded > Math.max(64, size >>> 2) || (timeUs >>> widthLog) < cursor) {
            // the last case: a peek without a pop moved the window past this event's bucket
            rebuild();
        }
        if ((timeUs >>> widthLog) - cursor < heads.length) {
            addToWheel(node);
        } else {
            heapPush(node);
        }
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

    private void addToWheel(int node) {
        int bucket = (int) ((time(node) >>> widthLog) & (heads.length - 1));
        int tail = tails[bucket];
        link(node, NIL);
        if (tail == NIL) {
            heads[bucket] = node;
            tails[bucket] = node;
            setBit(bucket);
        } else if (!before(node, tail)) {
            link(tail, node);
            tails[bucket] = node;
        } else {
            int head = heads[bucket];
            if (before(node, head)) {
                link(node, head);
                heads[bucket] = node;
            } else {
                int prev = head;
                int cur = next(head);
                int walked = 1;
                while (!before(node, cur)) {
                    prev = cur;
                    cur = next(cur);
                    walked++;
                }
                link(node, cur);
                link(prev, node);
                if (walked > 4) {
                    crowded++;
                }
            }
        }
        wheelSize++;
    }

    /** Whether node {@code a} comes before node {@code b}. */
    private boolean before(int a, int b) {
        int ia = 3 * a;
        int ib = 3 * b;
        long ta = slots[ia];
        long tb = slots[ib];
        if (ta != tb) {
            return ta < tb;
        }
        long oa = slots[ia + 1];
        long ob = slots[ib + 1];
        if (oa != ob) {
            return oa < ob;
        }
        return (slots[ia + 2] >> 32) < (slots[ib + 2] >> 32);
    }

    // ---- finding the next event -------------------------------------------------------------

    /** The arena index of the next event, with the cursor moved to its bucket. */
    private int peek() {
        if (peeked != NIL) {
            return peeked;
        }
        if (wheelSize == 0) {
            if (heapSize == 0) {
                throw new IllegalStateException("the event list is empty");
            }
            cursor = time(heap[0]) >>> widthLog;
            migrate();
        }
        int bucket = nextOccupied((int) (cursor & (heads.length - 1)));
        long advance = (bucket - cursor) & (heads.length - 1);
        if (advance != 0) {
            cursor += advance;
            if (heapSize > 0 && (time(heap[0]) >>> widthLog) - cursor < heads.length) {
                migrate();
                bucket = nextOccupied((int) (cursor & (heads.length - 1)));
                cursor += (bucket - cursor) & (heads.length - 1);
            }
        }
        peeked = heads[bucket];
        return peeked;
    }

    /** Moves every heap event inside the window into the wheel. */
    private void migrate() {
        while (heapSize > 0 && (time(heap[0]) >>> widthLog) - cursor < heads.length) {
            addToWheel(heapPop());
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
     * Rebuilds the wheel for the events held: enough buckets for about one event each, wide
     * enough together to cover from now to the last event (bounded), so that the heap holds only
     * the rare far ones.
     */
    private void rebuild() {
        int[] all = new int[size];
        int n = 0;
        long last = now;
        for (int b = 0; b < heads.length; b++) {
            for (int node = heads[b]; node != NIL; node = next(node)) {
                all[n++] = node;
                last = Math.max(last, time(node));
            }
        }
        for (int i = 0; i < heapSize; i++) {
            all[n++] = heap[i];
            last = Math.max(last, time(heap[i]));
        }
        // the node being inserted is already counted in size but in neither structure
        int bucketsLogNew = Math.max(MIN_BUCKETS_LOG, Math.min(MAX_BUCKETS_LOG, log2Ceil(size) + 1));
        long span = Math.max(1, last - now + 1);
        int widthLogNew = Math.max(MIN_WIDTH_LOG, Math.min(MAX_WIDTH_LOG, log2Ceil(span) - bucketsLogNew));
        crowded = 0;
        buildWheel(bucketsLogNew, widthLogNew);
        heapSize = 0;
        wheelSize = 0;
        cursor = now >>> widthLog;
        for (int i = 0; i < n; i++) {
            int node = all[i];
            if ((time(node) >>> widthLog) - cursor < heads.length) {
                addToWheel(node);
            } else {
                heapPush(node);
            }
        }
    }

    private void buildWheel(int bucketsLogNew, int widthLogNew) {
        bucketsLog = bucketsLogNew;
        widthLog = widthLogNew;
        int buckets = 1 << bucketsLog;
        heads = new int[buckets];
        tails = new int[buckets];
        Arrays.fill(heads, NIL);
        Arrays.fill(tails, NIL);
        occupied = new long[Math.max(1, buckets >>> 6)];
        summary = new long[Math.max(1, (occupied.length + 63) >>> 6)];
        cursor = now >>> widthLog;
    }

    // ---- the far heap -----------------------------------------------------------------------

    private void heapPush(int node) {
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
            capacity *= 2;
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
