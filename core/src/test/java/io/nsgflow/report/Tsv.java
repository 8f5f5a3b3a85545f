package io.nsgflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads nsgflow's TSV back into rows (column name to cell), for tests that check numbers. */
final class Tsv {
    private Tsv() {
    }

    /** The rows of a single-table TSV output. */
    static List<Map<String, String>> rows(String tsv) {
        return rows(tsv, null);
    }

    /** The rows of {@code table} in a multi-table TSV output (null for a single-table one). */
    static List<Map<String, String>> rows(String tsv, String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                header = null;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            if (table != null && !cells[0].equals(table)) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static long sum(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
    }
}
