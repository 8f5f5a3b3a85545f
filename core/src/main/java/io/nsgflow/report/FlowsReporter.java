package io.nsgflow.report;

import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.util.List;

/** {@code flows}: one output row per tuple, written as it is decoded. */
public final class FlowsReporter implements Reporter {
    public static final String TABLE = "flows";

    private final TableWriter writer;
    private final FlowField[] fields;
    private final CellText text = new CellText();

    public FlowsReporter(TableWriter writer, List<FlowField> fields) {
        this.writer = writer;
        this.fields = fields.toArray(new FlowField[0]);
        writer.startTable(TABLE, fields.stream().map(FlowField::column).toList());
    }

    @Override
    public void accept(FlowRow row) {
        writer.beginRow();
        for (FlowField f : fields) {
            f.write(row, writer, text);
        }
        writer.endRow();
    }

    @Override
    public void finish(ReadStats stats) {
        stop();
    }

    @Override
    public void stop() {
        writer.endTable();
        writer.finish();
    }
}
