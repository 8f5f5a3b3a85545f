package io.nsgflow.spark;

import io.nsgflow.format.parquet.NdjsonRows;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A DataFrame's rows, in order, with each value as {@code flows -f ndjson} spells it. */
final class SparkRows {
    private SparkRows() {
    }

    static List<Map<String, Object>> collect(Dataset<Row> df) {
        String[] names = df.columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                Object v = r.get(i);
                row.put(names[i], v instanceof Timestamp t ? NdjsonRows.time(t.toInstant())
                        : v instanceof Number n ? (Object) n.longValue() : v);
            }
            rows.add(row);
        }
        return rows;
    }
}
