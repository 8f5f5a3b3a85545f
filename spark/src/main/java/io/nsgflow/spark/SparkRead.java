package io.nsgflow.spark;

import io.nsgflow.cli.DistributedRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A report's inputs read on Spark: the blobs are listed on the driver as the data source lists
 * them, each blob is one task that reads it into a partial ({@link PartialTask}), and the driver
 * merges the partials into the whole in input order as they arrive (a partial that comes early
 * waits for those before it). The merge is the CLI's own: exact, and order matters, since a
 * connection open at the end of one blob continues in the next. So the answer is the CLI's.
 */
final class SparkRead implements DistributedRead {
    private final Supplier<SparkSession> session;
    private final String[] args;

    /**
     * @param session made on first use, so that usage errors and help start no Spark
     * @param args    the command line, from which every task makes its partial
     */
    SparkRead(Supplier<SparkSession> session, String[] args) {
        this.session = session;
        this.args = args.clone();
    }

    @Override
    public String where() {
        return "Spark";
    }

    @Override
    public ReadStats read(List<String> paths, ReportSpec<?> spec, Diagnostics diagnostics) {
        SparkSession spark = session.get();
        Configuration conf = spark.sessionState().newHadoopConf();
        List<BlobListing.Blob> blobs = BlobListing.list(paths, conf,
                (path, reason) -> diagnostics.forInput(path).problem(Problem.UNREADABLE_INPUT, "open", reason));
        InOrder<?> fold = new InOrder<>(spec, diagnostics, blobs.size());
        if (blobs.isEmpty()) {
            return fold.stats;
        }
        // one blob a partition: parallelize keeps the order, so partition i is blob i
        JavaRDD<BlobListing.Blob> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(blobs, blobs.size());
        spark.sparkContext().runJob(tasks.rdd(), new ReadBlob(args, new SerializableConfiguration(conf)),
                scala.jdk.CollectionConverters.ListHasAsScala(java.util.stream.IntStream.range(0, blobs.size()).boxed()
                        .map(i -> (Object) i).toList()).asScala().toSeq(),
                fold, ClassTag$.MODULE$.apply(byte[].class));
        return fold.stats;
    }

    /** The task: its one blob read into a partial, serialized. */
    private static final class ReadBlob extends AbstractFunction2<TaskContext, Iterator<BlobListing.Blob>, byte[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] args;
        private final SerializableConfiguration conf;

        ReadBlob(String[] args, SerializableConfiguration conf) {
            this.args = args;
            this.conf = conf;
        }

        @Override
        public byte[] apply(TaskContext context, Iterator<BlobListing.Blob> blobs) {
            return PartialTask.read(args, blobs.next(), conf.value());
        }
    }

    /**
     * The driver's side: results as tasks finish, merged in input order; Spark calls it on one
     * thread. Memory is the whole plus the results that wait for a slower blob before them.
     */
    private static final class InOrder<R extends Reporter> extends AbstractFunction2<Object, byte[], BoxedUnit> {
        final ReadStats stats = new ReadStats();
        private final ReportSpec<R> spec;
        private final Diagnostics diagnostics;
        private final byte[][] waiting;
        private int next;

        InOrder(ReportSpec<R> spec, Diagnostics diagnostics, int blobs) {
            this.spec = spec;
            this.diagnostics = diagnostics;
            this.waiting = new byte[blobs][];
        }

        @Override
        @SuppressWarnings("unchecked") // each task made its partial from the same command line as spec
        public BoxedUnit apply(Object index, byte[] result) {
            waiting[(Integer) index] = result;
            while (next < waiting.length && waiting[next] != null) {
                PartialTask.Result r = PartialTask.deserialize(waiting[next]);
                waiting[next++] = null;
                diagnostics.add(r.stderr(), r.problems(), r.warnings());
                spec.mergeIntoWhole((R) r.partial());
                stats.add(r.stats());
            }
            return BoxedUnit.UNIT;
        }
    }
}
