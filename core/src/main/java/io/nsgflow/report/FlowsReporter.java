package io.nsgflow.report;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.CellRun;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;

/**
 * {@code flows}: one output row per tuple, written as it is decoded. Consecutive columns that many
 * rows fill alike ({@link FlowField.SharedBy}: the record's names, version to MAC and ACL ID to
 * flow log; the labels, protocol to state) are a {@link CellRun} where the writer offers one:
 * written once per group of rows or combination of labels and then copied whole. Thirteen of a
 * default row's 23 cells are three copies.
 */
public final class FlowsReporter implements Reporter {
    public static final String TABLE = "flows";

    private final TableSink writer;
    private final FlowField[] fields;
    private final AddressPair addresses;
    /** Per field: the run of shared columns that starts there, or null. */
    private SharedRun[] runs;
    /** The context of the row before, and a key that changes with it (contexts are compared by identity). */
    private FlowContext context;
    private long contextKey;
    private boolean started;

    /** A run of columns shared alike: its cells, as the writer repeats them, what they are shared by, and the field after its last. */
    private record SharedRun(CellRun cells, FlowField.SharedBy by, int end) {
    }

    /**
     * @param fields   the columns to fill, in order: only these are computed
     * @param enricher for the enrichment fields among them; null when there are none
     */
    public FlowsReporter(TableSink writer, List<FlowField> fields, Enricher enricher) {
        this.writer = writer;
        this.fields = fields.toArray(new FlowField[0]);
        this.addresses = new AddressPair(enricher, fields.stream().anyMatch(f -> f.address() != null && f.isSource()),
                fields.stream().anyMatch(f -> f.address() != null && !f.isSource()));
    }

    public static TableSchema schema(List<FlowField> fields) {
        return TableSchema.rows(TABLE, fields.stream().map(FlowField::column).toList());
    }

    private void start() {
        if (!started) {
            started = true;
            writer.startTable(schema(List.of(fields)));
            runs = sharedRuns();
        }
    }

    /** Two or more consecutive columns shared alike make a run, when the writer can repeat cells. */
    private SharedRun[] sharedRuns() {
        SharedRun[] found = new SharedRun[fields.length];
        int i = 0;
        while (i < fields.length) {
            FlowField.SharedBy by = fields[i].sharedBy();
            int end = i + 1;
            while (end < fields.length && by != FlowField.SharedBy.ROW && fields[end].sharedBy() == by) {
                end++;
            }
            CellRun cells = end - i >= 2 ? writer.cellRun(end - i) : null;
            if (cells != null) {
                found[i] = new SharedRun(cells, by, end);
            }
            i = end;
        }
        return found;
    }

    @Override
    public void accept(FlowRow row) {
        start();
        addresses.lookup(row);
        if (row.context() != context) {
            context = row.context();
            contextKey++;
        }
        writer.beginRow();
        int i = 0;
        while (i < fields.length) {
            SharedRun run = runs[i];
            if (run == null) {
                fields[i++].write(row, writer, addresses);
            } else {
                i = write(run, i, row);
            }
        }
        writer.endRow();
    }

    /** Writes the run of shared columns that starts at field {@code from}; returns the field after it. */
    private int write(SharedRun run, int from, FlowRow row) {
        long key = run.by() == FlowField.SharedBy.CONTEXT ? contextKey : FlowField.labels(row);
        if (!run.cells().repeat(key)) {
            run.cells().begin();
            for (int i = from; i < run.end(); i++) {
                fields[i].write(row, writer, addresses);
            }
            run.cells().end(key);
        }
        return run.end();
    }

    @Override
    public void finish(ReadStats stats) {
        stop();
    }

    @Override
    public void stop() {
        start();
        writer.endTable();
        writer.finish();
    }
}
