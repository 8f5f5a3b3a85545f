package io.nsgflow.spark;

import io.nsgflow.ReadPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The tasks of a read: one per blob, and one per byte range of a plain blob longer than the range
 * size, cut at record starts by the CLI's own rule ({@link ReadPlan#starts}). The cuts are found by
 * a small Spark job, one task per big blob, each reading a few kilobytes around every cut: the
 * driver opens no blob, and the cuts of many big blobs are found at once, near their storage.
 */
final class RangePlan {
    /** The Spark property (and the data source's option, without its prefix) that sets the range size. */
    static final String PROPERTY = "spark.nsgflow.rangeBytes";
    static final String OPTION = "rangeBytes";
    /**
     * Spark's own split size for files ({@code spark.sql.files.maxPartitionBytes}): a range costs a
     * task and a partial result to merge, which pay off over many megabytes; a blob up to this
     * long is one task.
     */
    static final String DEFAULT = "128m";

    /**
     * One task's share: blob {@code blob}, whole when {@code starts} is {0}, else the range
     * {@code range} of the ranges starting at {@code starts}.
     */
    record Piece(BlobListing.Blob blob, long[] starts, int range) implements Serializable {
        boolean whole() {
            return starts.length == 1;
        }
    }

    private RangePlan() {
    }

    /** The range size, in bytes, from a size such as "128m" or "64k" (Spark's notation). */
    static long rangeBytes(String size) {
        long bytes = JavaUtils.byteStringAsBytes(size);
        if (bytes <= 0) {
            throw new IllegalArgumentException("nsgflow: " + OPTION + " must be positive: " + size);
        }
        return bytes;
    }

    /** The range size the session's {@value #PROPERTY} sets, or the default. */
    static long rangeBytes(SparkSession spark) {
        return rangeBytes(spark.conf().get(PROPERTY, DEFAULT));
    }

    /** The pieces of {@code blobs}, in order: a blob's ranges one after another. */
    static List<Piece> pieces(SparkSession spark, List<BlobListing.Blob> blobs, Configuration conf, long rangeBytes) {
        List<BlobListing.Blob> big = blobs.stream().filter(b -> b.size() > rangeBytes).toList();
        List<long[]> cuts = big.isEmpty() ? List.of()
                : JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(big, big.size())
                        .map(new Cut(new SerializableConfiguration(conf), rangeBytes)).collect();
        List<Piece> pieces = new ArrayList<>();
        int next = 0;
        for (BlobListing.Blob blob : blobs) {
            long[] starts = blob.size() > rangeBytes ? cuts.get(next++) : new long[] {0};
            for (int r = 0; r < starts.length; r++) {
                pieces.add(new Piece(blob, starts, r));
            }
        }
        return pieces;
    }

    /** On an executor: where the ranges of one big blob start. */
    private record Cut(SerializableConfiguration conf, long rangeBytes)
            implements org.apache.spark.api.java.function.Function<BlobListing.Blob, long[]> {
        @Override
        public long[] call(BlobListing.Blob blob) {
            return ReadPlan.starts(new HadoopInput(blob, conf.value()), rangeBytes);
        }
    }
}
