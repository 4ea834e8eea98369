package dev.pollsim.sim.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file formats a trace can be read from and written to. */
public enum TraceFormat {
    /** Comma-separated values with a header line; RFC 4180 quotes are understood. */
    CSV("csv"),
    /** Tab-separated values with a header line; no quoting. */
    TSV("tsv"),
    /** One JSON object per line (JSON Lines); fields by name. */
    JSONL("jsonl"),
    /**
     * Comma-separated (or tab-separated) rows of one minute each: a timestamp and how many jobs
     * arrived in that minute, as in the Azure Functions traces.
     */
    PER_MINUTE("per-minute");

    /** The labels, as written in scenario files and on the command line. */
    public static final List<String> LABELS = Arrays.stream(values()).map(TraceFormat::label).toList();

    private final String label;

    TraceFormat(String label) {
        this.label = label;
    }

    /** The name used in scenario files and on the command line. */
    public String label() {
        return label;
    }

    /** The format with this label. */
    public static TraceFormat of(String label) {
        for (TraceFormat f : values()) {
            if (f.label.equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown trace format '" + label + "'; expected one of "
                + String.join(", ", LABELS));
    }

    /**
     * The format a file name implies: {@code .csv}, {@code .tsv} (or {@code .tab}), {@code .jsonl}
     * (or {@code .ndjson}), each optionally followed by nothing else.
     *
     * @throws IllegalArgumentException when the extension says nothing
     */
    public static TraceFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return TSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        throw new IllegalArgumentException("cannot tell the format of '" + name + "' from its extension;"
                + " declare it as one of " + String.join(", ", LABELS));
    }
}
