package io.nsgflow.format.parquet;

import io.nsgflow.model.FlowRow;
import io.nsgflow.report.FlowField;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes decoded rows as Parquet records of the chosen fields, straight from the decoder's
 * {@link FlowRow}: no row object in between. Every column is optional, and a value the log
 * leaves empty is a null (absent counters, v1's state, NSG rows' VNet fields).
 */
final class FlowWriteSupport extends WriteSupport<FlowRow> {
    private final FlowField[] fields;
    private final FlowSchema.Type[] types;
    private final MessageType schema;
    /**
     * Per text column, the last String written and its UTF-8 form. Context values (subscription,
     * rule, MAC...) and labels (action, direction) are the same String instance for a whole group
     * of tuples, so most text cells reuse their bytes instead of encoding them again.
     */
    private final String[] lastText;
    private final Binary[] lastBinary;
    private RecordConsumer out;

    FlowWriteSupport(List<FlowField> fields) {
        this.fields = fields.toArray(new FlowField[0]);
        this.types = fields.stream().map(FlowSchema::type).toArray(FlowSchema.Type[]::new);
        this.lastText = new String[this.fields.length];
        this.lastBinary = new Binary[this.fields.length];
        this.schema = new MessageType("flow", fields.stream().map(FlowWriteSupport::column).toList());
    }

    /** The Parquet column of a field: its name in the row schema, its type from {@link FlowSchema}. */
    static Type column(FlowField field) {
        String name = field.column().name();
        return switch (FlowSchema.type(field)) {
            case TIMESTAMP_MILLIS -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
            case INT8 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case INT32 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named(name);
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(name);
            case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
        };
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    /** Hadoop's entry point, which nsgflow never takes: the writer is built with a {@link ParquetConfiguration}. */
    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(FlowRow row) {
        out.startMessage();
        for (int i = 0; i < fields.length; i++) {
            FlowField field = fields[i];
            FlowSchema.Type type = types[i];
            if (type == FlowSchema.Type.TEXT) {
                String value = FlowSchema.text(field, row);
                if (value != null) {
                    if (value != lastText[i]) {
                        lastText[i] = value;
                        lastBinary[i] = Binary.fromString(value);
                    }
                    start(field, i);
                    out.addBinary(lastBinary[i]);
                    end(field, i);
                }
            } else {
                long value = FlowSchema.number(field, row);
                if (value != FlowRow.ABSENT || field == FlowField.TIME) {
                    start(field, i);
                    if (type == FlowSchema.Type.TIMESTAMP_MILLIS || type == FlowSchema.Type.INT64) {
                        out.addLong(value);
                    } else {
                        out.addInteger((int) value);
                    }
                    end(field, i);
                }
            }
        }
        out.endMessage();
    }

    private void start(FlowField field, int index) {
        out.startField(field.column().name(), index);
    }

    private void end(FlowField field, int index) {
        out.endField(field.column().name(), index);
    }
}
