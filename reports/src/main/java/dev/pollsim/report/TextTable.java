package dev.pollsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned, the others right-
 * aligned (or all left-aligned for text), a rule under the header.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final boolean numeric;

    /** A table whose columns after the first are right-aligned numbers. */
    TextTable(String... header) {
        this(true, header);
    }

    /** A table with every column left-aligned when {@code numeric} is false. */
    TextTable(boolean numeric, String... header) {
        this.columns = header.length;
        this.numeric = numeric;
        rows.add(header);
    }

    void row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
    }

    String render() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            line(b, rows.get(i), width, numeric);
            if (i == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                line(b, rule, width, numeric);
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells, int[] width, boolean numeric) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(c == 0 || !numeric ? cells[c] + pad : pad + cells[c]);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
