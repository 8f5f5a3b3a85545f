package io.nsgflow.format.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import io.nsgflow.format.DecimalText;
import io.nsgflow.format.OutputException;
import io.nsgflow.result.Address;
import io.nsgflow.result.Column;
import io.nsgflow.result.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML report: one self-contained file holding its styles, its script, the chart library
 * (Apache ECharts, inlined from the WebJar at build time) and the data, so that it opens anywhere
 * with no network. The data are the reporters' tables as captured ({@link CapturedTables}),
 * never input rows, so the page's size follows the number of rows kept, not the input. The page
 * lays itself out from a list of sections, each naming a kind the script knows how to draw and
 * the tables it draws from: a new view (by service tag, by country) is one more section.
 */
public final class HtmlPage {
    /** Where the template, styles, script and inlined library are on the class path. */
    private static final String ASSETS = "/io/nsgflow/format/html/";
    /**
     * Items a list cell keeps (the rest are counted): a rule's destination ports or a summary's
     * names can number thousands, and the page must stay small.
     */
    static final int LIST_ITEMS = 20;
    /** Where page.html takes content: {@code {{name}}}. */
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

    /**
     * A part of the page.
     *
     * @param id     the anchor and element id
     * @param title  the heading
     * @param kind   how the script draws it: {@code cards}, {@code timeline}, {@code rankings},
     *               {@code rules} or {@code pairs}
     * @param tables the tables it draws, with the heading of each
     * @param note   a sentence under the heading, or null
     */
    public record Section(String id, String title, String kind, Map<String, String> tables, String note) {
    }

    /** Writes the page's data: HTML-safe escapes, and the page goes on after the data, so the writer stays open. */
    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new HtmlSafe())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Map<String, CapturedTables.Table> tables = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();

    /** A fact for the header: a String, a number, or a list of Strings. */
    public HtmlPage meta(String key, Object value) {
        meta.put(key, value);
        return this;
    }

    public HtmlPage table(String name, CapturedTables.Table table) {
        tables.put(name, table);
        return this;
    }

    public HtmlPage section(Section section) {
        sections.add(section);
        return this;
    }

    /** Writes the page; {@code title} is the document's title. */
    public void write(Writer out, String title) {
        String template = asset("page.html");
        Matcher slot = SLOT.matcher(template);
        int done = 0;
        try {
            while (slot.find()) {
                out.write(template, done, slot.start() - done);
                switch (slot.group(1)) {
                    case "title" -> out.write(escapeHtml(title));
                    case "style" -> out.write(asset("page.css"));
                    case "data" -> writeData(out);
                    case "echartsLicense" -> out.write("Apache ECharts " + echartsVersion() + ", Apache License 2.0. "
                            + asset("echarts/NOTICE").trim().replace("*/", "* /"));
                    case "echarts" -> out.write(script(asset("echarts/echarts.min.js")));
                    case "script" -> out.write(script(asset("page.js")));
                    default -> throw new IllegalStateException("page.html names an unknown slot: " + slot.group());
                }
                done = slot.end();
            }
            out.write(template, done, template.length() - done);
            out.flush();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** A script's text, which must not end its element early. */
    private static String script(String text) {
        if (text.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a script to inline contains </script");
        }
        return text;
    }

    /** The data as JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} are escaped. */
    private void writeData(Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            Map<String, Object> facts = new LinkedHashMap<>(meta);
            facts.put("chartLibrary", "Apache ECharts " + echartsVersion());
            g.writeFieldName("meta");
            writeValue(g, facts);
            g.writeFieldName("sections");
            g.writeStartArray();
            for (Section s : sections) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("title", s.title());
                g.writeStringField("kind", s.kind());
                g.writeFieldName("tables");
                writeValue(g, s.tables());
                g.writeStringField("note", s.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("tables");
            for (Map.Entry<String, CapturedTables.Table> t : tables.entrySet()) {
                g.writeFieldName(t.getKey());
                writeTable(g, t.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** A table: its columns (name, type, what a number measures, a list's item columns), its rows as arrays, how many rows it had. */
    private static void writeTable(JsonGenerator g, CapturedTables.Table table) throws IOException {
        g.writeStartObject();
        g.writeFieldName("columns");
        writeColumns(g, table.kept().schema().columns());
        g.writeArrayFieldStart("rows");
        for (Row row : table.kept().rows()) {
            g.writeStartArray();
            for (Object cell : row.values()) {
                writeValue(g, cell);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumberField("total", table.total());
        g.writeEndObject();
    }

    private static void writeColumns(JsonGenerator g, List<Column> columns) throws IOException {
        g.writeStartArray();
        for (Column c : columns) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("type", c.type().name().toLowerCase(Locale.ROOT));
            g.writeStringField("measure", c.measure().name().toLowerCase(Locale.ROOT));
            if (!c.items().isEmpty()) {
                g.writeFieldName("items");
                writeColumns(g, c.items());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long n) {
            g.writeNumber(n);
        } else if (value instanceof Integer n) {
            g.writeNumber(n);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Instant t) {
            g.writeString(t.toString()); // ISO 8601 in UTC, as the JSON format spells times
        } else if (value instanceof Address a) {
            g.writeString(a.toString());
        } else if (value instanceof Double d) {
            String text = DecimalText.of(d); // as every format spells a decimal
            if (text == null) {
                g.writeNull();
            } else {
                g.writeNumber(text);
            }
        } else if (value instanceof List<?> list && list.size() > LIST_ITEMS) {
            g.writeStartObject(); // the first items, and how many more there are
            g.writeFieldName("items");
            writeValue(g, list.subList(0, LIST_ITEMS));
            g.writeNumberField("more", list.size() - LIST_ITEMS);
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON for " + value.getClass().getSimpleName());
        }
    }

    private static String asset(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + ASSETS + name + " (rebuild with mvn package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the chart library the build inlined, from its WebJar's Maven properties. */
    static String echartsVersion() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(asset("echarts/pom.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    static String escapeHtml(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * JSON escapes for data inside {@code <script>}: a string holding {@code </script>} or
     * {@code <!--} must not end or change the element, so {@code <}, {@code >} and {@code &}
     * are written as {@code \\u} escapes, which JSON reads back unchanged.
     */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafe() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
