package io.nsgflow.report;

import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.model.FlowRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Tally} per distinct key of one {@link Dimension}, ranked when written. A numeric key
 * costs the tally (64 bytes) and a slot or two of a {@link TallyIndex} (24 bytes each), through
 * which rows find their tally without making a key object; key objects are made only when the
 * table is written. A text key (rule, NSG, MAC) costs its tally and a hash-map entry (about 40
 * bytes); text keys come in runs of one String, so the last one's tally is kept at hand.
 *
 * @param <K> the key type
 */
final class Tallies<K> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Dimension<K> dimension;
    /** Tallies by packed key; null when keys are not numbers. */
    private final TallyIndex index;
    /** Tallies by key, when keys are not numbers. */
    private final Map<K, Tally> byKey = new HashMap<>();
    private K lastKey;
    private Tally lastTally;

    Tallies(Dimension<K> dimension) {
        this.dimension = dimension;
        this.index = dimension.packer() == null ? null : new TallyIndex();
    }

    void add(FlowRow row, boolean tuple, boolean flow) {
        tally(row).add(row, tuple, flow);
    }

    private Tally tally(FlowRow row) {
        if (index != null) {
            Dimension.Packing packing = dimension.packer().packing();
            long hi = packing.hi(row);
            long lo = packing.lo(row);
            Tally t = index.get(hi, lo);
            if (t == null) {
                t = new Tally();
                index.put(hi, lo, t);
            }
            return t;
        }
        K key = dimension.key().apply(row);
        if (key != lastKey || lastTally == null) { // identity: the same String as the last row's
            lastKey = key;
            lastTally = byKey.computeIfAbsent(key, k -> new Tally());
        }
        return lastTally;
    }

    /** Adds {@code other}'s tallies into these. */
    void merge(Tallies<K> other) {
        if (index != null) {
            other.index.forEach((hi, lo, theirs) -> {
                Tally mine = index.get(hi, lo);
                if (mine != null) {
                    mine.add(theirs);
                } else {
                    index.put(hi, lo, theirs);
                }
            });
            return;
        }
        MergeMaps.into(byKey, other.byKey, Tally::add);
    }

    int size() {
        return index != null ? index.size() : byKey.size();
    }

    /**
     * The entries, by {@code metric} descending, ties by key ascending; {@code limit} 0 means all.
     * With a limit only the first entries are selected, not every one sorted; a tally that ranks
     * below the last one kept makes no key object.
     */
    List<Map.Entry<K, Tally>> ranked(Metric metric, int limit) {
        Comparator<Map.Entry<K, Tally>> order = Comparator.<Map.Entry<K, Tally>>comparingLong(e -> -metric.of(e.getValue()))
                .thenComparing(Map.Entry::getKey, dimension.order());
        if (limit <= 0 || size() <= limit) {
            List<Map.Entry<K, Tally>> entries = new ArrayList<>(byKey.entrySet());
            if (index != null) {
                index.forEach((hi, lo, t) -> entries.add(Map.entry(dimension.packer().key(hi, lo), t)));
            }
            entries.sort(order);
            return entries;
        }
        FirstRows<Map.Entry<K, Tally>> first = new FirstRows<>(limit, order);
        byKey.entrySet().forEach(first::offer);
        if (index != null) {
            index.forEach((hi, lo, t) -> {
                Map.Entry<K, Tally> last = first.last();
                if (last == null || metric.of(t) >= metric.of(last.getValue())) {
                    first.offer(Map.entry(dimension.packer().key(hi, lo), t));
                }
            });
        }
        return first.sorted();
    }

    /** The sum of {@code metric} over every entry. */
    long total(Metric metric) {
        long[] total = {0};
        byKey.values().forEach(t -> total[0] = CounterSum.add(total[0], metric.of(t)));
        if (index != null) {
            index.forEach((hi, lo, t) -> total[0] = CounterSum.add(total[0], metric.of(t)));
        }
        return total[0];
    }

    /** The key's columns followed by the tally's. */
    static List<Column> columns(Dimension<?> dimension) {
        List<Column> columns = new ArrayList<>(dimension.columns());
        columns.addAll(Tally.COLUMNS);
        return columns;
    }

    /**
     * Writes the ranked entries as table {@code table}: the key's cells, then the tally's; only as
     * many as {@code w} {@linkplain TableSink#rowsWanted wants}.
     */
    void write(TableSink w, TableSchema table, Metric metric) {
        w.startTable(table);
        for (Map.Entry<K, Tally> e : ranked(metric, w.rowsWanted(table))) {
            w.beginRow();
            dimension.writer().write(e.getKey(), w);
            e.getValue().write(w);
            w.endRow();
        }
        w.endTable();
    }

    /** The key's cells of one entry. */
    void writeKey(K key, TableSink w) {
        dimension.writer().write(key, w);
    }
}
