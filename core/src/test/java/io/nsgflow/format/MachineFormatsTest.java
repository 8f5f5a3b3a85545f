package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON, NDJSON, CSV and TSV carry data: typed values, complete lists, times and booleans as such. */
class MachineFormatsTest {
    private static final TableSchema TABLE = TableSchema.rows("t", List.of(Column.instant("time"), Column.address("ip"),
            Column.bool("open"), Column.bytes("bytes"), Column.values("names", ColumnType.TEXT),
            Column.records("ports", List.of(Column.integer("port"), Column.text("protocol"), Column.count("flows"))),
            Column.text("note")));

    private static String write(OutputFormat format) {
        StringWriter out = new StringWriter();
        TableSink w = format.writer(new TextOut(out, false), WriterOptions.defaults());
        w.startTable(TABLE);
        w.beginRow();
        w.instant(1_715_616_013_152L);
        w.address(0, 0xFFFF_0A01_0004L);
        w.bool(true);
        w.integer(1_234_567_890_123L);
        w.beginList();
        w.text("a,\"b\"");
        w.text("c");
        w.endList();
        w.beginList();
        w.integer(443);
        w.text("TCP");
        w.integer(120);
        w.integer(80);
        w.text("TCP");
        w.integer(3);
        w.endList();
        w.nul();
        w.endRow();
        w.endTable();
        w.finish();
        return out.toString();
    }

    @Test
    void ndjsonHasArraysBooleansTimesAndExactNumbers() {
        assertThat(write(OutputFormat.NDJSON)).isEqualTo("{\"time\":\"2024-05-13T16:00:13.152Z\",\"ip\":\"10.1.0.4\","
                + "\"open\":true,\"bytes\":1234567890123,\"names\":[\"a,\\\"b\\\"\",\"c\"],"
                + "\"ports\":[{\"port\":443,\"protocol\":\"TCP\",\"flows\":120},{\"port\":80,\"protocol\":\"TCP\",\"flows\":3}],"
                + "\"note\":null}\n");
    }

    @Test
    void csvHoldsAListAsOneCellOfJsonAndOneHeader() {
        assertThat(write(OutputFormat.CSV).lines()).containsExactly("time,ip,open,bytes,names,ports,note",
                "2024-05-13T16:00:13.152Z,10.1.0.4,true,1234567890123,\"[\"\"a,\\\"\"b\\\"\"\"\",\"\"c\"\"]\","
                        + "\"[{\"\"port\"\":443,\"\"protocol\"\":\"\"TCP\"\",\"\"flows\"\":120},"
                        + "{\"\"port\"\":80,\"\"protocol\"\":\"\"TCP\"\",\"\"flows\"\":3}]\",");
    }

    @Test
    void tsvEscapesNothingItNeedNot() {
        assertThat(write(OutputFormat.TSV).lines().skip(1).findFirst().orElseThrow().split("\t", -1))
                .containsExactly("2024-05-13T16:00:13.152Z", "10.1.0.4", "true", "1234567890123", "[\"a,\\\\\"b\\\\\"\",\"c\"]",
                        "[{\"port\":443,\"protocol\":\"TCP\",\"flows\":120},{\"port\":80,\"protocol\":\"TCP\",\"flows\":3}]", "");
    }

    /** A String written again, in its own column or another, as a row's names are: each cell keeps its own key and separator. */
    @Test
    void theSameStringInSeveralColumnsAndRowsKeepsEachCellsKeyAndSeparator() {
        TableSchema names = TableSchema.rows("t", List.of(Column.text("a"), Column.text("b"), Column.text("c")));
        String quoted = "x,\"y\"";
        String plain = "UserRule_Web";
        String[][] rows = {{quoted, quoted, null}, {plain, quoted, plain}, {null, plain, quoted}, {quoted, quoted, null},
            {plain, quoted, plain}, {null, plain, quoted}};
        StringBuilder ndjson = new StringBuilder();
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (String[] row : rows) {
            ndjson.append("{\"a\":").append(json(row[0])).append(",\"b\":").append(json(row[1]))
                    .append(",\"c\":").append(json(row[2])).append("}\n");
            csv.append(csv(row[0])).append(',').append(csv(row[1])).append(',').append(csv(row[2])).append('\n');
        }
        assertThat(writeTexts(OutputFormat.NDJSON, names, rows)).isEqualTo(ndjson.toString());
        assertThat(writeTexts(OutputFormat.CSV, names, rows)).isEqualTo(csv.toString());
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s.replace("\"", "\\\"") + "\"";
    }

    private static String csv(String s) {
        return s == null ? "" : s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String writeTexts(OutputFormat format, TableSchema table, String[][] rows) {
        StringWriter out = new StringWriter();
        TableSink w = format.writer(new TextOut(out, false), WriterOptions.defaults());
        w.startTable(table);
        for (String[] row : rows) {
            w.beginRow();
            for (String cell : row) {
                w.text(cell);
            }
            w.endRow();
        }
        w.endTable();
        w.finish();
        return out.toString();
    }

    @Test
    void jsonWritesARecordTableAsAnObject() {
        StringWriter out = new StringWriter();
        TableSink w = OutputFormat.JSON.writer(new TextOut(out, false), WriterOptions.defaults());
        w.startTable(new TableSchema("overview", List.of(Column.count("flows")), TableSchema.Kind.RECORD));
        w.beginRow();
        w.integer(5);
        w.endRow();
        w.endTable();
        w.finish();
        assertThat(out.toString()).isEqualTo("{\"overview\":{\"flows\":5}}\n");
    }
}
