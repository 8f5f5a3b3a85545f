package io.nsgflow.spark;

import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/**
 * Takes the filters and columns Spark pushes down. Filters nsgflow understands (see
 * {@link PushedFilters}) run in the decoder, so rows that fail them are never built; Spark still
 * evaluates every filter after the scan, so a pushed filter only saves work and never changes an
 * answer.
 */
final class NsgflowScanBuilder implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns {
    private final List<String> paths;
    private final boolean problems;
    private final long rangeBytes;
    private StructType schema;
    private Filter[] pushed = new Filter[0];

    NsgflowScanBuilder(List<String> paths, boolean problems, StructType schema, long rangeBytes) {
        this.rangeBytes = rangeBytes;
        this.paths = paths;
        this.problems = problems;
        this.schema = schema;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        if (!problems) {
            pushed = PushedFilters.supported(filters);
        }
        return filters;
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed;
    }

    @Override
    public void pruneColumns(StructType required) {
        if (!problems) {
            schema = required;
        }
    }

    @Override
    public Scan build() {
        return new NsgflowScan(paths, problems, schema, pushed, rangeBytes);
    }
}
