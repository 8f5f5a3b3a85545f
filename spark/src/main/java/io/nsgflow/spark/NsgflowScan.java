package io.nsgflow.spark;

import io.nsgflow.Pipeline;
import io.nsgflow.RangeChain;
import io.nsgflow.diag.FileDiagnostics;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One task per blob, and per byte range of a plain blob longer than the range size
 * ({@link RangePlan}). Rows cannot be taken back once a task has given them, so before any row is
 * read the ranges of each big blob are parsed (not decoded) as a small job, which tells which of
 * them count ({@link RangeChain}: a range the one before it read through, in a damaged blob, is
 * dropped) and what comes before each: every row is then the CLI's, once. The problems are read
 * one task per blob, as their per-blob line limit and numbering need the blob whole.
 */
final class NsgflowScan implements Scan, Batch {
    private final List<String> paths;
    private final boolean problems;
    private final StructType schema;
    private final Filter[] pushed;
    private final SerializableConfiguration conf;
    private final long rangeBytes;
    private InputPartition[] planned;

    NsgflowScan(List<String> paths, boolean problems, StructType schema, Filter[] pushed, long rangeBytes) {
        this.rangeBytes = rangeBytes;
        this.paths = paths;
        this.problems = problems;
        this.schema = schema;
        this.pushed = pushed;
        this.conf = new SerializableConfiguration(SparkSession.active().sessionState().newHadoopConf());
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "nsgflow " + paths + (problems ? " problems" : " " + schema.simpleString() + " pushed " + List.of(pushed));
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (planned == null) { // Spark may ask more than once: the measuring job runs once
            planned = plan();
        }
        return planned.clone();
    }

    private InputPartition[] plan() {
        List<BlobListing.Blob> blobs = BlobListing.list(paths, conf.value());
        if (problems) {
            return blobs.stream().map(b -> new BlobPartition(new RangePlan.Piece(b, new long[] {0}, 0), null))
                    .toArray(InputPartition[]::new);
        }
        SparkSession spark = SparkSession.active();
        List<RangePlan.Piece> pieces = RangePlan.pieces(spark, blobs, conf.value(), rangeBytes);
        List<RangePlan.Piece> ranges = pieces.stream().filter(p -> !p.whole()).toList();
        List<Pipeline.RangeRead> measured = ranges.isEmpty() ? List.of()
                : JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, ranges.size())
                        .map(new Measure(conf)).collect();
        List<InputPartition> partitions = new ArrayList<>();
        RangeChain chain = null;
        int next = 0;
        for (RangePlan.Piece piece : pieces) {
            if (piece.whole()) {
                partitions.add(new BlobPartition(piece, null));
                continue;
            }
            if (piece.range() == 0) {
                chain = new RangeChain(piece.starts());
                for (int r = 0; r < piece.starts().length; r++) {
                    Pipeline.RangeRead read = measured.get(next + r);
                    chain.read(r, read.records(), read.stop());
                }
                next += piece.starts().length;
            }
            if (chain.counts(piece.range())) {
                partitions.add(new BlobPartition(piece, chain.before(piece.range())));
            }
        }
        return partitions.toArray(InputPartition[]::new);
    }

    /** On an executor: one range's records and where it stops, parsed, not decoded. */
    private record Measure(SerializableConfiguration conf)
            implements org.apache.spark.api.java.function.Function<RangePlan.Piece, Pipeline.RangeRead> {
        @Override
        public Pipeline.RangeRead call(RangePlan.Piece piece) {
            return Pipeline.measureRange(new HadoopInput(piece.blob(), conf.value()), piece.starts(), piece.range());
        }
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new BlobReaderFactory(conf, problems, problems ? List.of() : FlowSparkSchema.fields(schema), pushed);
    }

    /**
     * What a task reads: a blob, or a range of one that counts.
     *
     * @param before for a range, the records and lines before it in its blob (its words name
     *               records and lines as the CLI does); null for a blob read whole
     */
    record BlobPartition(RangePlan.Piece piece, FileDiagnostics.Before before) implements InputPartition {
    }
}
