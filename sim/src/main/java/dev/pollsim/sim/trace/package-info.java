/**
 * Recorded traces: streaming readers of CSV, TSV, JSON Lines and per-minute count files, a
 * byte-level timestamp scanner, the replay transformations (clock start, offset, scale, repeat,
 * queue filter, seeded sampling), statistics and writers. Reading a trace keeps no object per
 * row, so memory does not grow with the trace (the one exception, {@code sort}, is documented on
 * {@link dev.pollsim.sim.trace.TraceReplay#sort()}).
 */
package dev.pollsim.sim.trace;
