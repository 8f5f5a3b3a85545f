package io.nsgflow.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One task per blob. A blob is read whole by one task: nsgflow's reader cannot yet start at a
 * byte offset inside a blob (a record boundary would have to be found first), so a very large
 * blob is not split.
 */
final class NsgflowScan implements Scan, Batch {
    private final List<String> paths;
    private final boolean problems;
    private final StructType schema;
    private final Filter[] pushed;
    private final SerializableConfiguration conf;

    NsgflowScan(List<String> paths, boolean problems, StructType schema, Filter[] pushed) {
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
        return BlobListing.list(paths, conf.value()).stream().map(BlobPartition::new).toArray(InputPartition[]::new);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new BlobReaderFactory(conf, problems, problems ? List.of() : FlowSparkSchema.fields(schema), pushed);
    }

    /** The blob a task reads. */
    record BlobPartition(BlobListing.Blob blob) implements InputPartition {
    }
}
