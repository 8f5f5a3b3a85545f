package io.nsgflow.spark;

import io.nsgflow.cli.DistributedRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.Pipeline;
import io.nsgflow.RangeChain;
import io.nsgflow.diag.FileDiagnostics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkException;
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
 * them, each blob, or byte range of a big plain blob ({@link RangePlan}), is one task that reads it
 * into a partial ({@link PartialTask}), and the driver merges the partials into the whole in input
 * order as they arrive (a partial that comes early waits for those before it). The merge is the
 * CLI's own: exact, and order matters, since a connection open at the end of one blob continues in
 * the next. So the answer is the CLI's.
 *
 * <p>A blob's ranges fold as the CLI's threads fold them ({@link RangeChain}): a range that the one
 * before it read through is dropped. When a range that counts has something to say (bad input), its
 * words cannot be told as the CLI tells them, since its task could not know what came before it;
 * so once the first job is done, a second reads each such blob again from that range to its end,
 * knowing the records and lines before it: the words are then the CLI's, in its order and limits.
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
        List<RangePlan.Piece> pieces = RangePlan.pieces(spark, blobs, conf, RangePlan.rangeBytes(spark));
        InOrder<?> fold = new InOrder<>(spec, diagnostics, pieces);
        run(spark, conf, pieces.stream().map(p -> new PartialTask.Share(p, null)).toList(), fold::first);
        List<PartialTask.Share> again = fold.readAgain();
        run(spark, conf, again, fold::rest);
        return fold.finished();
    }

    /** One job, a task per share; {@code handler} gets each result, on one thread, as it comes. */
    private void run(SparkSession spark, Configuration conf, List<PartialTask.Share> shares, BiConsumer<Integer, byte[]> handler) {
        if (shares.isEmpty()) {
            return;
        }
        // one share a partition: parallelize keeps the order, so partition i is share i
        JavaRDD<PartialTask.Share> tasks = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(shares, shares.size());
        try {
            runJob(spark, conf, tasks, handler);
        } catch (Exception e) { // Scala's runJob declares none: a SparkException when a task failed
            for (Throwable cause = e instanceof SparkException ? e : null; cause != null; cause = cause.getCause()) {
                if (cause instanceof DistributedRead.Refused refused) {
                    throw new DistributedRead.Refused(refused.getMessage());
                }
            }
            throw e;
        }
    }

    private void runJob(SparkSession spark, Configuration conf, JavaRDD<PartialTask.Share> tasks,
            BiConsumer<Integer, byte[]> handler) {
        int count = tasks.getNumPartitions();
        spark.sparkContext().runJob(tasks.rdd(), new ReadShare(args, new SerializableConfiguration(conf)),
                scala.jdk.CollectionConverters.ListHasAsScala(java.util.stream.IntStream.range(0, count).boxed()
                        .map(i -> (Object) i).toList()).asScala().toSeq(),
                new AbstractFunction2<Object, byte[], BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object index, byte[] result) {
                        handler.accept((Integer) index, result);
                        return BoxedUnit.UNIT;
                    }
                }, ClassTag$.MODULE$.apply(byte[].class));
    }

    /** The task: its one share read into a partial, serialized. */
    private static final class ReadShare extends AbstractFunction2<TaskContext, Iterator<PartialTask.Share>, byte[]>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String[] args;
        private final SerializableConfiguration conf;

        ReadShare(String[] args, SerializableConfiguration conf) {
            this.args = args;
            this.conf = conf;
        }

        @Override
        public byte[] apply(TaskContext context, Iterator<PartialTask.Share> shares) {
            return PartialTask.read(args, shares.next(), conf.value());
        }
    }

    /**
     * The driver's side: results as tasks finish, merged in input order; Spark calls it on one
     * thread. Memory is the whole plus the results that wait for a slower task before them (and,
     * when a blob is read again, the results after it until the second job is done).
     */
    private static final class InOrder<R extends Reporter> {
        /** Stands for the result of a range that another range read through. */
        private static final PartialTask.Result DROPPED = new PartialTask.Result(null, null, "", Map.of(), 0, null);
        private final ReadStats stats = new ReadStats();
        private final ReportSpec<R> spec;
        private final Diagnostics diagnostics;
        private final List<RangePlan.Piece> pieces;
        private final PartialTask.Result[] results;
        /** For the first piece of a blob read again from a range on: where, and that read's result once in. */
        private final Map<Integer, Rest> rests = new TreeMap<>();
        private int next;

        /** A blob read again from range {@code from} on. */
        private static final class Rest {
            final int from;
            final FileDiagnostics.Before before;
            PartialTask.Result result;

            Rest(int from, FileDiagnostics.Before before) {
                this.from = from;
                this.before = before;
            }
        }

        InOrder(ReportSpec<R> spec, Diagnostics diagnostics, List<RangePlan.Piece> pieces) {
            this.spec = spec;
            this.diagnostics = diagnostics;
            this.pieces = pieces;
            this.results = new PartialTask.Result[pieces.size()];
        }

        /** A result of the first job. */
        void first(int index, byte[] result) {
            results[index] = PartialTask.deserialize(result);
            RangePlan.Piece piece = pieces.get(index);
            int first = index - piece.range();
            if (!piece.whole() && allIn(first, piece.starts().length)) {
                decide(first, piece.starts());
            }
            fold();
        }

        /** The blobs to read again from a range on, once the first job is done: the second job's shares. */
        List<PartialTask.Share> readAgain() {
            return rests.entrySet().stream().map(e -> new PartialTask.Share(
                    pieces.get(e.getKey() + e.getValue().from), e.getValue().before)).toList();
        }

        /** A result of the second job: share {@code index} of {@link #readAgain}. */
        void rest(int index, byte[] result) {
            new ArrayList<>(rests.values()).get(index).result = PartialTask.deserialize(result);
            fold();
        }

        ReadStats finished() {
            if (next != pieces.size()) {
                throw new IllegalStateException("Spark returned " + next + " of " + pieces.size() + " results");
            }
            return stats;
        }

        private boolean allIn(int first, int count) {
            for (int i = first; i < first + count; i++) {
                if (results[i] == null) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Every range of the blob whose first piece is {@code first} is read: the ranges that count
         * are known, and the first of them with something to say, if any, is where to read again.
         */
        private void decide(int first, long[] starts) {
            RangeChain chain = new RangeChain(starts);
            for (int r = 0; r < starts.length; r++) {
                Pipeline.RangeRead read = results[first + r].range();
                chain.read(r, read.records(), read.stop());
            }
            for (int r = 0; r < starts.length; r++) {
                if (chain.counts(r)) {
                    if (results[first + r].spoke()) {
                        rests.put(first, new Rest(r, chain.before(r)));
                        break;
                    }
                } else {
                    results[first + r] = DROPPED;
                }
            }
        }

        /** Merges what can be merged, in order. */
        private void fold() {
            while (next < pieces.size()) {
                RangePlan.Piece piece = pieces.get(next);
                int count = piece.starts().length;
                if (!allIn(next, count)) {
                    return;
                }
                Rest rest = rests.get(next);
                if (rest != null && rest.result == null) {
                    return;
                }
                for (int r = 0; r < count; r++) {
                    if (rest != null && r == rest.from) {
                        merge(rest.result);
                        break;
                    }
                    merge(results[next + r]);
                }
                java.util.Arrays.fill(results, next, next + count, null);
                next += count;
            }
        }

        @SuppressWarnings("unchecked") // each task made its partial from the same command line as spec
        private void merge(PartialTask.Result r) {
            if (r == DROPPED) {
                return;
            }
            diagnostics.add(r.stderr(), r.problems(), r.warnings());
            spec.mergeIntoWhole((R) r.partial());
            stats.add(r.stats());
        }
    }
}
