package io.nsgflow.format;

import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.Measure;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns a table shows and how wide each is, decided once from the header and the rows
 * held for sizing. Columns marked {@link Column#HIDDEN} are left out; so is a column whose every
 * cell only repeats another's. When the rest is wider than the terminal: long text is first
 * capped at {@value #TEXT_CAP} characters; columns of a priority above {@value #KEEP_WHOLE_TEXT}
 * are left out (highest first, the rightmost of equals) while the rest does not fit whole; then
 * any column but those of priority 0 while the rest would not fit even with its text shortened
 * to {@value #READABLE_TEXT}; then the widest text is shortened until the table fits, down to
 * {@value #MIN_TEXT}. So minor counts go before a name is cut, and a name is cut before a
 * column that matters goes. Numbers keep room for any human-readable value, addresses for any IPv4 one,
 * so later rows fit the widths.
 *
 * @param shown    the indexes of the columns shown, in order
 * @param widths   their widths
 * @param barWidth the width left for a bar; 0 for none
 * @param redundantWith per column, the index of the column whose value makes its cell redundant, or -1
 */
record TableLayout(int[] shown, int[] widths, int barWidth, int[] redundantWith) {
    static final int TEXT_CAP = 40;
    static final int MIN_TEXT = 8;
    /** Text this wide still says enough: columns are kept rather than text shortened below it. */
    static final int READABLE_TEXT = 16;
    /** Columns of this priority or less are worth cutting names for; those above are not. */
    static final int KEEP_WHOLE_TEXT = 2;
    /** Bars narrower than this say too little: the bar is left out instead. */
    static final int MIN_BAR = 10;
    /** The width a bar fills up to when the output has no width limit (a pipe or a file). */
    static final int UNLIMITED_BAR_TOTAL = 80;
    private static final int IPV4_WIDTH = "255.255.255.255".length();

    static TableLayout fit(List<Column> columns, List<String[]> rows, boolean header, int width, boolean bar) {
        int n = columns.size();
        int[] redundant = new int[n];
        for (int i = 0; i < n; i++) {
            String other = columns.get(i).redundantWith();
            redundant[i] = -1;
            for (int j = 0; other != null && j < n; j++) {
                if (columns.get(j).name().equals(other)) {
                    redundant[i] = j;
                }
            }
        }
        List<Integer> shown = new ArrayList<>();
        int[] natural = new int[n];
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            if (c.priority() == Column.HIDDEN) {
                continue;
            }
            int w = header ? c.name().length() : 1;
            boolean anyShown = rows.isEmpty();
            for (String[] r : rows) {
                String v = cell(r, i, redundant);
                w = Math.max(w, v.length());
                anyShown |= !v.isEmpty();
            }
            if (!anyShown && redundant[i] >= 0) {
                continue; // every cell says again what another column says
            }
            natural[i] = Math.max(w, reserve(c));
            shown.add(i);
        }
        if (width > 0 && total(shown, natural, bar) > width) {
            for (int i : shown) {
                if (shrinkable(columns.get(i))) {
                    natural[i] = Math.min(natural[i], TEXT_CAP);
                }
            }
            dropWhile(shown, columns, KEEP_WHOLE_TEXT, () -> total(shown, natural, bar) > width);
            dropWhile(shown, columns, 0, () -> total(shown, shortened(shown, natural, columns), bar) > width);
            while (total(shown, natural, bar) > width) {
                int widest = -1;
                for (int i : shown) {
                    if (shrinkable(columns.get(i)) && natural[i] > MIN_TEXT && (widest < 0 || natural[i] > natural[widest])) {
                        widest = i;
                    }
                }
                if (widest < 0) {
                    break;
                }
                natural[widest]--;
            }
        }
        int[] order = shown.stream().mapToInt(Integer::intValue).toArray();
        int[] widths = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            widths[k] = natural[order[k]];
        }
        int barWidth = 0;
        if (bar) {
            int room = (width > 0 ? width : UNLIMITED_BAR_TOTAL) - total(shown, natural, false) - AlignedTableWriter.GAP.length();
            barWidth = width > 0 ? (room >= MIN_BAR ? room : 0) : Math.max(MIN_BAR, room);
        }
        return new TableLayout(order, widths, barWidth, redundant);
    }

    /** Cell {@code i} of {@code row} as shown: {@code -} for null, blank when another column already says it. */
    String cell(String[] row, int i) {
        return cell(row, i, redundantWith);
    }

    private static String cell(String[] row, int i, int[] redundant) {
        if (redundant[i] >= 0 && row[redundant[i]] != null) {
            return "";
        }
        return row[i] == null ? "-" : row[i];
    }

    /** The width kept free whatever the sized rows held, so that later values fit. */
    private static int reserve(Column c) {
        if (c.measure() != Measure.NONE) {
            return HumanNumbers.WIDTH;
        }
        return c.type() == ColumnType.ADDRESS ? IPV4_WIDTH : 0;
    }

    /** Leaves out the column of the highest priority above {@code floor} (the rightmost of equals) while {@code tooWide}. */
    private static void dropWhile(List<Integer> shown, List<Column> columns, int floor, java.util.function.BooleanSupplier tooWide) {
        while (tooWide.getAsBoolean()) {
            int drop = -1;
            for (int k = 0; k < shown.size(); k++) {
                int p = columns.get(shown.get(k)).priority();
                if (p > floor && (drop < 0 || p >= columns.get(shown.get(drop)).priority())) {
                    drop = k;
                }
            }
            if (drop < 0) {
                return;
            }
            shown.remove(drop);
        }
    }

    /** The widths with every text column shortened to {@value #READABLE_TEXT}. */
    private static int[] shortened(List<Integer> shown, int[] widths, List<Column> columns) {
        int[] s = widths.clone();
        for (int i : shown) {
            if (shrinkable(columns.get(i))) {
                s[i] = Math.min(s[i], READABLE_TEXT);
            }
        }
        return s;
    }

    private static boolean shrinkable(Column c) {
        return c.type() == ColumnType.TEXT || c.type() == ColumnType.LIST;
    }

    private static int total(List<Integer> shown, int[] widths, boolean bar) {
        int sum = 0;
        for (int i : shown) {
            sum += widths[i];
        }
        sum += AlignedTableWriter.GAP.length() * Math.max(0, shown.size() - 1);
        return bar ? sum + AlignedTableWriter.GAP.length() + MIN_BAR : sum;
    }
}
