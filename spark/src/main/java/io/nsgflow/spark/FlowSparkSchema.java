package io.nsgflow.spark;

import io.nsgflow.format.parquet.FlowSchema;
import io.nsgflow.model.FlowRow;
import io.nsgflow.report.FlowField;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The row schema as a Spark schema: {@link FlowField}'s names with {@link FlowSchema}'s types,
 * so that the data source's DataFrame and {@code flows -f parquet} read back by Spark have the
 * same columns of the same types.
 */
final class FlowSparkSchema {
    private static final long MICROS_PER_MILLI = 1000;

    private FlowSparkSchema() {
    }

    static StructType of(List<FlowField> fields) {
        List<StructField> columns = new ArrayList<>();
        for (FlowField f : fields) {
            columns.add(DataTypes.createStructField(f.column().name(), type(f), true));
        }
        return DataTypes.createStructType(columns);
    }

    /** The columns of the data source: those {@code flows} writes by default, as the Parquet export does. */
    static StructType all() {
        return of(FlowField.DEFAULT);
    }

    private static DataType type(FlowField field) {
        return switch (FlowSchema.type(field)) {
            case TIMESTAMP_MILLIS -> DataTypes.TimestampType;
            case INT8 -> DataTypes.ByteType;
            case INT32 -> DataTypes.IntegerType;
            case INT64 -> DataTypes.LongType;
            case TEXT -> DataTypes.StringType;
        };
    }

    /** The fields of {@code schema}, in its order (a pruned schema names a subset). */
    static List<FlowField> fields(StructType schema) {
        return FlowField.byNames(List.of(schema.fieldNames()));
    }

    /** The row's values of {@code fields} in Spark's internal form (micros, UTF8String, nulls). */
    static InternalRow row(FlowRow row, FlowField[] fields) {
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            FlowField f = fields[i];
            FlowSchema.Type type = FlowSchema.type(f);
            if (type == FlowSchema.Type.TEXT) {
                String text = FlowSchema.text(f, row);
                values[i] = text == null ? null : UTF8String.fromString(text);
                continue;
            }
            long value = FlowSchema.number(f, row);
            values[i] = switch (type) {
                case TIMESTAMP_MILLIS -> value * MICROS_PER_MILLI;
                case INT8 -> (byte) value;
                case INT32 -> (int) value;
                case INT64 -> value == FlowRow.ABSENT ? null : value;
                case TEXT -> throw new AssertionError();
            };
        }
        return new GenericInternalRow(values);
    }
}
