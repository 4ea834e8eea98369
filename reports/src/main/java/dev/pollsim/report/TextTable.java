package dev.pollsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned, the others right-
 * aligned (or all left-aligned for text, or as each column says), a rule under the header.
 * Trailing spaces are trimmed.
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean[] right;

    /** A table whose columns after the first are right-aligned numbers. */
    TextTable(String... header) {
        this(true, header);
    }

    /** A table with every column left-aligned when {@code numeric} is false. */
    TextTable(boolean numeric, String... header) {
        this(numericColumns(numeric, header.length), header);
    }

    /**
     * A table whose column {@code c} is right-aligned when {@code right[c]} is true.
     *
     * @throws IllegalArgumentException when {@code right} and {@code header} differ in length
     */
    public TextTable(boolean[] right, String... header) {
        if (right.length != header.length) {
            throw new IllegalArgumentException("expected an alignment for each of " + header.length + " columns");
        }
        this.columns = header.length;
        this.right = right.clone();
        rows.add(header);
    }

    private static boolean[] numericColumns(boolean numeric, int columns) {
        boolean[] right = new boolean[columns];
        for (int c = 1; c < columns; c++) {
            right[c] = numeric;
        }
        return right;
    }

    /** Adds a row of exactly one cell per column. */
    public void row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
    }

    /** The table, each line ending in a newline. */
    public String render() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            line(b, rows.get(i), width, right);
            if (i == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                line(b, rule, width, right);
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
