package io.nsgflow.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code spark.read.format("nsgflow").load(paths...)}: flow-log blobs (plain or gzip, files or
 * folders, on any file system Spark reads) decoded by nsgflow into the row schema. With
 * {@code .option("problems", "true")}, the same read gives instead what the CLI says on stderr
 * about bad input, one row per line (input, message): bad input never fails the job.
 */
public final class NsgflowSource implements TableProvider, DataSourceRegister {
    @Override
    public String shortName() {
        return "nsgflow";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return NsgflowTable.schema(options);
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new NsgflowTable(schema);
    }
}
