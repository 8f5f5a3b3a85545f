package io.nsgflow.report;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code top}: the keys that carried the most flows, tuples, packets or bytes, ranked by the
 * metric, each with its share of the metric's total and every count. Every key is written, or
 * only the first ones when the writer wants no more ({@code --limit} without {@code --sort}).
 */
public final class TopReporter extends CountingReporter<TopReporter> {
    public static final String TABLE = "top";

    private final GroupBy by;
    private final Tallies<Object> tallies;
    private final Metric metric;
    /** For a key that enrichment gives an address; null otherwise. */
    private final AddressFold fold;

    @Override
    long countedKeys() {
        return tallies.size();
    }

    /** @param enricher for a key of enrichment ({@link GroupBy#address}); null otherwise */
    public TopReporter(TableSink writer, GroupBy by, Metric metric, Enricher enricher) {
        super(writer);
        this.by = by;
        this.tallies = tallies(by);
        this.metric = metric;
        this.fold = by.address() == null ? null : new AddressFold(by.address(), by.side(), enricher);
    }

    private TopReporter(GroupBy by) {
        this.by = by;
        this.tallies = tallies(by);
        this.metric = null;
        this.fold = null; // a partial only counts, by address; the whole folds when it writes
    }

    @SuppressWarnings("unchecked") // keys only ever come from the dimension's own key function
    private static Tallies<Object> tallies(GroupBy by) {
        return new Tallies<>((Dimension<Object>) by.dimension());
    }

    @Override
    public TopReporter partial() {
        return new TopReporter(by);
    }

    /** The table: the key, its share of the metric's total, then the counts, the ranked one first to go last. */
    public static TableSchema schema(GroupBy by, Metric metric) {
        List<Column> columns = new ArrayList<>(by.address() == null ? by.dimension().columns()
                : AddressFold.columns(by.address(), by.side()));
        columns.add(Column.fraction("share"));
        int dropOrder = 1;
        for (Metric m : Metric.values()) {
            columns.add(m == metric ? m.column() : m.column().priority(dropOrder++));
        }
        return TableSchema.rows(TABLE, columns);
    }


    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        tallies.add(row, tuple, flow);
    }

    @Override
    boolean sumsCounters() {
        return metric == Metric.PACKETS || metric == Metric.BYTES;
    }

    @Override
    void mergeCounts(TopReporter later) {
        tallies.merge(later.tallies);
    }

    @Override
    void write(ReadStats stats) {
        long total = tallies.total(metric);
        TableSchema schema = schema(by, metric);
        List<Map.Entry<Object, Tally>> ranked;
        if (fold != null) {
            @SuppressWarnings("unchecked") // an address dimension's keys
            List<Map.Entry<IpKey, Tally>> byAddress = (List<Map.Entry<IpKey, Tally>>) (List<?>) tallies.ranked(metric, 0);
            ranked = fold.fold(byAddress, metric);
        } else {
            ranked = tallies.ranked(metric, writer.rowsWanted(schema));
        }
        writer.startTable(schema);
        for (Map.Entry<Object, Tally> e : ranked) {
            writer.beginRow();
            if (fold != null) {
                fold.writeKey(e.getKey(), writer);
            } else {
                tallies.writeKey(e.getKey(), writer);
            }
            if (total > 0) {
                writer.decimal((double) metric.of(e.getValue()) / total);
            } else {
                writer.nul();
            }
            e.getValue().write(writer);
            writer.endRow();
        }
        writer.endTable();
    }
}
