package io.nsgflow.report;

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
    private boolean started;

    /** @param fields the columns to fill, in order: only these are computed */
    public FlowsReporter(TableSink writer, List<FlowField> fields) {
        this.writer = writer;
        this.fields = fields.toArray(new FlowField[0]);
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
        writer.beginRow();
        for (FlowField f : fields) {
            f.write(row, writer);
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
