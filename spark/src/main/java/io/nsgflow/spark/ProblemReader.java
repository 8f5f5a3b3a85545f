package io.nsgflow.spark;

import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@code option("problems", "true")}: a task's rows are the lines the CLI writes on stderr about
 * its blob (at most a screenful per blob, then a tally, as in the CLI), with the blob's name.
 */
final class ProblemReader implements PartitionReader<InternalRow> {
    private final List<InternalRow> rows;
    private int next = -1;

    private ProblemReader(List<InternalRow> rows) {
        this.rows = rows;
    }

    static ProblemReader read(HadoopInput input) {
        List<String> lines = TaskPipeline.read(input, FlowFilter.ALL, new Reporter() {
            @Override
            public void accept(FlowRow row) {
            }

            @Override
            public void finish(ReadStats stats) {
            }
        });
        UTF8String name = UTF8String.fromString(input.name());
        return new ProblemReader(lines.stream()
                .map(line -> (InternalRow) new GenericInternalRow(new Object[] {name, UTF8String.fromString(line)}))
                .toList());
    }

    @Override
    public boolean next() {
        return ++next < rows.size();
    }

    @Override
    public InternalRow get() {
        return rows.get(next);
    }

    @Override
    public void close() {
    }
}
