package io.nsgflow.format.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code flows -f ndjson} output as rows of values: text as String, integers as Long, null as null. */
public final class NdjsonRows {
    private static final JsonFactory JSON = new JsonFactory();

    private NdjsonRows() {
    }

    public static List<Map<String, Object>> parse(List<String> lines) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            try (JsonParser p = JSON.createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    row.put(name, switch (t) {
                        case VALUE_NULL -> null;
                        case VALUE_NUMBER_INT -> p.getLongValue();
                        case VALUE_STRING -> p.getText();
                        default -> throw new IllegalStateException("unexpected " + t + " in " + line);
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.add(row);
        }
        return rows;
    }

    /** An instant as ndjson's {@code time} spells it: whole seconds, or milliseconds when there are any. */
    public static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).equals(t) ? t.toString() : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
