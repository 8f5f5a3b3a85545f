package io.nsgflow.report;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;

/** {@code flows}: one output row per tuple, written as it is decoded. */
public final class FlowsReporter implements Reporter {
    public static final String TABLE = "flows";

    private final TableSink writer;
    private final FlowField[] fields;
    private final AddressPair addresses;
    private boolean started;

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
        }
    }

    @Override
    public void accept(FlowRow row) {
        start();
        addresses.lookup(row);
        writer.beginRow();
        for (FlowField f : fields) {
            f.write(row, writer, addresses);
        }
        writer.endRow();
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
