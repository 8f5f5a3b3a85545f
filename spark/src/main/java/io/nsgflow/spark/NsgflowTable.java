package io.nsgflow.spark;

import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The flow rows (or the problems) of the blobs named by the read's paths. */
final class NsgflowTable implements SupportsRead {
    /** The option that asks for the problems instead of the rows. */
    static final String PROBLEMS = "problems";
    static final StructType PROBLEM_SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        DataTypes.createStructField("input", DataTypes.StringType, false),
        DataTypes.createStructField("message", DataTypes.StringType, false)});

    private final StructType schema;

    NsgflowTable(StructType schema) {
        this.schema = schema;
    }

    static StructType schema(CaseInsensitiveStringMap options) {
        return options.getBoolean(PROBLEMS, false) ? PROBLEM_SCHEMA : FlowSparkSchema.all();
    }

    @Override
    public String name() {
        return "nsgflow";
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return Set.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        long rangeBytes = options.containsKey(RangePlan.OPTION) ? RangePlan.rangeBytes(options.get(RangePlan.OPTION))
                : RangePlan.rangeBytes(SparkSession.active());
        return new NsgflowScanBuilder(BlobListing.paths(options), options.getBoolean(PROBLEMS, false), schema, rangeBytes);
    }
}
