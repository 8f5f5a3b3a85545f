import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.format.ByteStreamWriter;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.FlowsReporter;
import io.nsgflow.report.Reporter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The writing side of {@code flows} alone: the CPU seconds of this thread to write every row of a
 * blob, decoded once into memory beforehand, through {@code FlowsReporter} and a format's writer
 * to a byte stream that drops the bytes (as stdout is written), N times in one JVM. No reading,
 * no second thread, no hand-over: what {@code flows}' writing thread costs per row, which stays
 * still under load better than a whole run. The rows are held in memory (about 140 bytes each):
 *   java -XX:+UseParallelGC -Xmx2g -cp core/target/nsgflow.jar bench/WriteCpu.java 10 ndjson BLOB
 */
public class WriteCpu {
    /** Passes before the least is taken: the JIT's first compiles. */
    private static final int WARM_UP = 3;

    public static void main(String[] a) {
        int runs = Integer.parseInt(a[0]);
        OutputFormat format = OutputFormat.parse(a[1]);
        List<FlowRow> rows = new ArrayList<>();
        Pipeline pipeline = new Pipeline(FlowFilter.ALL, new Diagnostics(new StringWriter(), false), InputStream.nullInputStream());
        pipeline.run(pipeline.inputs(List.of(a[2])), new Reporter() {
            @Override
            public void accept(FlowRow row) {
                rows.add(row.copy());
            }

            @Override
            public void finish(ReadStats stats) {
            }
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringBuilder line = new StringBuilder();
        double least = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long before = threads.getCurrentThreadCpuTime();
            TextOut out = new TextOut(new ByteStreamWriter(OutputStream.nullOutputStream()), false);
            FlowsReporter reporter = new FlowsReporter(format.writer(out, WriterOptions.defaults()), FlowField.DEFAULT, null);
            rows.forEach(reporter::accept);
            reporter.finish(new ReadStats());
            double seconds = (threads.getCurrentThreadCpuTime() - before) / 1e9;
            line.append(String.format(Locale.ROOT, "%.3f ", seconds));
            if (i >= WARM_UP || i == runs - 1) {
                least = Math.min(least, seconds);
            }
        }
        System.out.println(rows.size() + " rows: " + line + String.format(Locale.ROOT, "| least after %d: %.3f s, %.1f ns a row",
                WARM_UP, least, least * 1e9 / rows.size()));
    }
}
