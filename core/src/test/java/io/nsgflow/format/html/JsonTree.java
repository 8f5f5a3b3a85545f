package io.nsgflow.format.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's {@code -f json} output as maps, lists, strings, longs, doubles, booleans and nulls, for comparing with the page. */
final class JsonTree {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonTree() {
    }

    static Object parse(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            return value(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of table {@code name} in a multi-table document, or of the only table in a one-table document. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(String json, String name) {
        Map<String, Object> doc = (Map<String, Object>) parse(json);
        Object rows = doc.get(name);
        if (rows == null) {
            throw new AssertionError("no table " + name + " in " + doc.keySet());
        }
        return (List<Map<String, Object>>) rows;
    }

    /** The one-row table {@code name} of a multi-table document, which JSON writes as an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> record(String json, String name) {
        Object record = ((Map<String, Object>) parse(json)).get(name);
        if (!(record instanceof Map<?, ?>)) {
            throw new AssertionError("no record " + name + " in " + json);
        }
        return (Map<String, Object>) record;
    }

    /** Entry: on the value's first token; exit: on its last. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }
}
