import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The reading thread's CPU seconds per run of one command line, run N times in one JVM:
 *   java $(cat bin/jvm.options) -cp core/target/nsgflow.jar bench/SteadyCpu.java 12 top --by src --threads 1 BLOB
 * With {@code --threads 1} all reading is on this thread, so the figure leaves out start-up, the
 * JIT's compiler threads and the collector; the runs after the first two show the compiled code's
 * cost per byte, and their minimum moves little when other work shares the machine (wall time
 * and whole-process CPU moved by 10-30% there). Output is discarded.
 */
public class SteadyCpu {
    public static void main(String[] a) {
        int runs = Integer.parseInt(a[0]);
        String[] args = Arrays.copyOfRange(a, 1, a.length);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> seconds = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            long before = threads.getCurrentThreadCpuTime();
            Main.run(new Terminal(Writer.nullWriter(), new StringWriter(), InputStream.nullInputStream(), false), args);
            seconds.add((threads.getCurrentThreadCpuTime() - before) / 1e9);
            line.append(String.format(Locale.ROOT, "%.2f ", seconds.get(i)));
        }
        List<Double> warm = new ArrayList<>(seconds.subList(Math.min(2, runs - 1), runs));
        Collections.sort(warm);
        System.out.println(line + "| first " + String.format(Locale.ROOT, "%.2f", seconds.get(0))
                + " s, least after two runs " + String.format(Locale.ROOT, "%.3f", warm.get(0)) + " s");
    }
}
