import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The reading thread's CPU seconds to read and decode every tuple of the inputs, with no report:
 * the rows go to a reporter that only counts them and sums their bytes (so that nothing decoded
 * can be left out by the JIT). What every command pays before its own work, run N times in one
 * JVM like {@code SteadyCpu}:
 *   java $(cat bin/jvm.options) -cp core/target/nsgflow.jar bench/DecodeCpu.java 8 BLOB...
 */
public class DecodeCpu {
    /** Counts rows and sums their bytes: the cheapest reporter that still reads what was decoded. */
    static final class Count implements Reporter {
        long rows;
        long bytes;

        @Override
        public void accept(FlowRow row) {
            rows++;
            bytes += row.bytesSrcToDst() + row.srcPort() + row.srcLo() + row.dstLo() + row.timeMillis();
        }

        @Override
        public void finish(ReadStats stats) {
        }
    }

    public static void main(String[] a) {
        int runs = Integer.parseInt(a[0]);
        List<String> paths = List.of(a).subList(1, a.length);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> seconds = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Count count = null;
        for (int i = 0; i < runs; i++) {
            long before = threads.getCurrentThreadCpuTime();
            Pipeline pipeline = new Pipeline(FlowFilter.ALL, new Diagnostics(Writer.nullWriter(), false), InputStream.nullInputStream());
            count = new Count();
            pipeline.readInto(pipeline.inputs(paths), count);
            seconds.add((threads.getCurrentThreadCpuTime() - before) / 1e9);
            line.append(String.format(Locale.ROOT, "%.2f ", seconds.get(i)));
        }
        List<Double> warm = new ArrayList<>(seconds.subList(Math.min(2, runs - 1), runs));
        Collections.sort(warm);
        System.out.println(line + "| first " + String.format(Locale.ROOT, "%.2f", seconds.get(0))
                + " s, least after two runs " + String.format(Locale.ROOT, "%.3f", warm.get(0)) + " s; "
                + count.rows + " rows, checksum " + count.bytes);
    }
}
