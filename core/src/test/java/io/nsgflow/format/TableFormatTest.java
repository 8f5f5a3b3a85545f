package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.result.Column;
import io.nsgflow.result.ColumnType;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table format: fitted to the terminal, never ragged, numbers for people, bars that fit. */
class TableFormatTest {
    private static final TableSchema WIDE = TableSchema.rows("t", List.of(Column.instant("time"), Column.text("nsg").priority(3),
            Column.text("rule").priority(2), Column.address("srcIp"), Column.address("dstIp"), Column.integer("dstPort"),
            Column.text("protocol").priority(1), Column.bytes("bytes").priority(1), Column.text("mac").hidden()));

    interface RowWriter {
        void write(TableSink w, int i);
    }

    private static String render(WriterOptions options, TableSchema schema, int rows, RowWriter cells) {
        StringWriter out = new StringWriter();
        TableSink w = OutputFormat.TABLE.writer(new TextOut(out, false), options);
        w.startTable(schema);
        for (int i = 0; i < rows; i++) {
            w.beginRow();
            cells.write(w, i);
            w.endRow();
        }
        w.endTable();
        w.finish();
        return out.toString();
    }

    private static void wide(TableSink w, int i) {
        w.instant(1_715_616_013_000L + i * 1000L);
        w.text("nsg-with-a-rather-long-name-" + i % 7);
        w.text(i == 250 ? "a rule name far longer than any seen in the first two hundred rows" : "UserRule_AllowHTTPS");
        w.address(0, 0xFFFF_0A00_0004L + i);
        w.address(0, 0xFFFF_CB00_710EL);
        w.integer(443);
        w.text("TCP");
        w.integer(1_234_567L * i);
        w.text("6045BD7A13C2");
    }

    @Test
    void aNarrowTerminalKeepsTheEssentialColumnsAndEveryLineFits() {
        String table = render(new WriterOptions(true, false, 80, false), WIDE, 300, TableFormatTest::wide);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        String header = table.lines().findFirst().orElseThrow();
        assertThat(header).contains("time", "srcIp", "dstIp", "dstPort").doesNotContain("mac").doesNotContain("nsg");
    }

    @Test
    void aWideTerminalShowsTheDefaultColumnsButNotHiddenOnes() {
        String header = render(new WriterOptions(true, false, 200, false), WIDE, 10, TableFormatTest::wide).lines()
                .findFirst().orElseThrow();
        assertThat(header.split(" +")).containsExactly("time", "nsg", "rule", "srcIp", "dstIp", "dstPort", "protocol", "bytes");
    }

    @Test
    void rowsAfterTheSizingRowsNeverGoRaggedLongTextIsShortenedWithAnEllipsis() {
        String table = render(new WriterOptions(true, false, 0, false), WIDE, 300, TableFormatTest::wide);
        List<String> lines = table.lines().toList();
        int width = lines.get(0).length();
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(width)); // the last column is a number, padded left
        assertThat(lines.get(251)).contains("a rule name far lo…");
        assertThat(lines.get(251).indexOf("10.0.0.")).isEqualTo(lines.get(1).indexOf("10.0.0."));
    }

    @Test
    void numbersAreHumanReadableUnlessExact() {
        TableSchema schema = TableSchema.rows("t", List.of(Column.count("flows"), Column.bytes("bytes"), Column.fraction("share"),
                Column.integer("port")));
        RowWriter cells = (w, i) -> {
            w.integer(12_345_678);
            w.integer(1_234_567_890L);
            w.decimal(0.4213);
            w.integer(65535);
        };
        assertThat(render(new WriterOptions(true, false, 0, false), schema, 1, cells))
                .contains("12.3 M", "1.2 GB", "42.1%", "65535");
        assertThat(render(new WriterOptions(true, false, 0, true), schema, 1, cells))
                .contains("12345678", "1234567890", "42.1%");
        assertThat(HumanNumbers.count(999_999)).isEqualTo("999,999");
        assertThat(HumanNumbers.count(1_000_000)).isEqualTo("1.0 M");
        assertThat(HumanNumbers.bytes(999)).isEqualTo("999 B");
        assertThat(HumanNumbers.bytes(999_600)).isEqualTo("1.0 MB");
        assertThat(HumanNumbers.bytes(123_456_789)).isEqualTo("123 MB");
        assertThat(HumanNumbers.bytes(Long.MAX_VALUE).length()).isLessThanOrEqualTo(HumanNumbers.WIDTH);
    }

    @Test
    void barsFillTheRoomLeftAndNeverMakeALineWiderThanTheTerminal() {
        TableSchema schema = TableSchema.rows("t", List.of(Column.instant("time"), Column.count("flows").charted(true)));
        RowWriter cells = (w, i) -> {
            w.instant(i * 60_000L);
            w.integer(i == 3 ? 1000 : i);
        };
        for (int width : new int[] {50, 80, 120}) {
            List<String> lines = render(new WriterOptions(true, false, width, false), schema, 5, cells).lines().toList();
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
            assertThat(lines.get(4).length()).isEqualTo(width); // the largest value fills the line
        }
        String narrow = render(new WriterOptions(true, false, 30, false), schema, 5, cells);
        assertThat(narrow).doesNotContain("█").doesNotContain("bar");
        assertThat(Bars.bar(10, 10, 4)).isEqualTo("████");
        assertThat(Bars.bar(5, 10, 3)).isEqualTo("█▌");
        assertThat(Bars.bar(1, 1000, 4)).isEqualTo("▏");
        assertThat(Bars.bar(0, 10, 4)).isEmpty();
    }

    @Test
    void aCellThatOnlyRepeatsAnotherColumnIsBlankAndSuchAColumnGoes() {
        TableSchema schema = TableSchema.rows("t", List.of(Column.text("nsg"), Column.text("aclId").priority(1).redundantWith("nsg"),
                Column.text("rule")));
        String mixed = render(WriterOptions.defaults(), schema, 2, (w, i) -> {
            w.text(i == 0 ? "app-nsg" : null);
            w.text(i == 0 ? "/subscriptions/x/networkSecurityGroups/app-nsg" : "3f9d2c71-guid");
            w.text("R");
        });
        assertThat(mixed).doesNotContain("/subscriptions").contains("3f9d2c71-guid");
        String allNamed = render(WriterOptions.defaults(), schema, 2, (w, i) -> {
            w.text("app-nsg");
            w.text("/subscriptions/x/networkSecurityGroups/app-nsg");
            w.text("R");
        });
        assertThat(allNamed).doesNotContain("aclId");
    }

    @Test
    void aRecordTableIsOneLinePerValueAndListsAreReadable() {
        TableSchema schema = new TableSchema("overview", List.of(Column.count("flows"),
                Column.values("rules", ColumnType.TEXT),
                Column.records("ports", List.of(Column.integer("port"), Column.text("protocol"), Column.count("flows")))),
                TableSchema.Kind.RECORD);
        String text = render(new WriterOptions(true, false, 40, false), schema, 1, (w, i) -> {
            w.integer(5);
            w.beginList();
            w.text("Allow_Web");
            w.text("Deny_All_The_Rest_Of_The_Internet_Please");
            w.endList();
            w.beginList();
            w.integer(443);
            w.text("TCP");
            w.integer(1200);
            w.integer(22);
            w.text("TCP");
            w.integer(3);
            w.endList();
        });
        assertThat(text.lines()).containsExactly("flows  5", "rules  Allow_Web, Deny_All_The_Rest_Of_…",
                "ports  443/TCP 1,200, 22/TCP 3");
    }

    @Test
    void aWidthFromTheEnvironmentIsClamped() {
        assertThat(new WriterOptions(true, false, Integer.MAX_VALUE, false).width()).isEqualTo(WriterOptions.MAX_WIDTH);
        String table = render(new WriterOptions(true, false, Integer.MAX_VALUE, false), WIDE, 3, TableFormatTest::wide);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WriterOptions.MAX_WIDTH));
    }
}
