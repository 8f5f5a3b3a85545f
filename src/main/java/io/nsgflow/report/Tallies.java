package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Tally} per distinct key of one {@link Dimension}, ranked when written. One distinct key
 * costs its key object, the tally (64 bytes) and a hash-map entry (about 40 bytes).
 *
 * @param <K> the key type
 */
final class Tallies<K> implements Mergeable<Tallies<K>> {
    private final Dimension<K> dimension;
    private final Map<K, Tally> byKey = new HashMap<>();

    Tallies(Dimension<K> dimension) {
        this.dimension = dimension;
    }

    void add(FlowRow row, boolean tuple, boolean flow) {
        byKey.computeIfAbsent(dimension.key().apply(row), k -> new Tally()).add(row, tuple, flow);
    }

    @Override
    public void merge(Tallies<K> other) {
        other.byKey.forEach((k, t) -> byKey.merge(k, t, (mine, theirs) -> {
            mine.add(theirs);
            return mine;
        }));
    }

    int size() {
        return byKey.size();
    }

    /** The entries, by {@code metric} descending, ties by key ascending; {@code limit} 0 means all. */
    List<Map.Entry<K, Tally>> ranked(Metric metric, int limit) {
        Comparator<Map.Entry<K, Tally>> byMetric = Comparator.comparingLong(e -> -metric.of(e.getValue()));
        List<Map.Entry<K, Tally>> entries = new ArrayList<>(byKey.entrySet());
        entries.sort(byMetric.thenComparing(Map.Entry::getKey, dimension.order()));
        return limit > 0 && entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    /** The key's columns followed by the tally's. */
    List<Column> columns() {
        List<Column> columns = new ArrayList<>(dimension.columns());
        columns.addAll(Tally.COLUMNS);
        return columns;
    }

    /** Writes one table of the ranked entries. */
    void write(TableWriter w, String table, Metric metric, int limit) {
        CellText text = new CellText();
        w.startTable(table, columns());
        for (Map.Entry<K, Tally> e : ranked(metric, limit)) {
            w.beginRow();
            dimension.writer().write(e.getKey(), w, text);
            e.getValue().write(w);
            w.endRow();
        }
        w.endTable();
    }
}
