package io.nsgflow.format.html;

import static io.nsgflow.format.html.HtmlReportBrowserTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.bench.FlowLogGenerator;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page without a browser: what it holds, how big it gets, and how the command fails. */
class HtmlReportTest {
    private static final long TWO_MB = 2L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void dataThatLooksLikeMarkupCannotEndTheScriptItSitsIn() {
        CapturedTables captured = new CapturedTables(10);
        captured.startTable(TableSchema.rows("t", List.of(Column.text("rule"))));
        captured.beginRow();
        captured.text("</script><script>alert(1)</script><!--");
        captured.endRow();
        captured.endTable();
        StringWriter page = new StringWriter();
        new HtmlPage().table("t", captured.table("t")).write(page, "a <b> & \"c\"");
        String html = page.toString();
        assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("<!--\"")
                .contains("\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)")
                .contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>");
    }

    @Test
    void aCaptureKeepsTheFirstRowsAndCountsThemAll() {
        CapturedTables captured = new CapturedTables(2);
        captured.startTable(TableSchema.rows("t", List.of(Column.count("n"))));
        for (int i = 0; i < 5; i++) {
            captured.beginRow();
            captured.integer(i);
            captured.endRow();
        }
        captured.endTable();
        CapturedTables.Table t = captured.table("t");
        assertThat(t.kept().rows()).extracting(r -> r.get("n")).containsExactly(0L, 1L);
        assertThat(t.total()).isEqualTo(5);
    }

    @Test
    void pageStaysUnderTwoMegabytesAndTheTimelineNear200PointsOverDays() throws IOException {
        // three days of a busy interface, one blob every other hour: thousands of sources and pairs
        FlowLogGenerator generator = new FlowLogGenerator(FlowLogGenerator.Version.V2, 13, 0);
        Instant first = Instant.parse("2024-05-14T00:00:00Z");
        for (int h = 0; h < 72; h += 2) {
            Path blob = dir.resolve("logs/h" + h + "/PT1H.json");
            Files.createDirectories(blob.getParent());
            try (OutputStream out = Files.newOutputStream(blob)) {
                generator.writeBlob(out, first.plusSeconds(3600L * h), 250_000);
            }
        }
        Path auto = dir.resolve("auto.html");
        cli(0, "report", dir.resolve("logs").toString(), "-o", auto.toString());
        assertThat(Files.size(auto)).isLessThan(TWO_MB);
        assertThat(meta(auto, "bucket")).isEqualTo("1800000"); // 15 minutes would give 288 points, 30 minutes 144
        String sources = cli(0, "top", "--by", "src", "--limit", "0", "-f", "tsv", "--no-header", dir.resolve("logs").toString()).out();
        assertThat(sources.lines().count()).as("distinct sources, of which the page keeps 25").isGreaterThan(1000);

        Path minutes = dir.resolve("minutes.html");
        cli(0, "report", "--every", "1m", "--top", "1000", dir.resolve("logs").toString(), "-o", minutes.toString());
        assertThat(Files.size(minutes)).as("with the most rows a page keeps").isLessThan(TWO_MB);
    }

    @Test
    void oneThreadOrFourMakeTheSamePage() {
        String one = cli(0, "report", "--threads", "1", "samples/", "-o", "-").out();
        String four = cli(0, "report", "--threads", "4", "samples/", "-o", "-").out();
        Pattern made = Pattern.compile("\"generated\":\"[^\"]*\"");
        assertThat(made.matcher(four).replaceAll("")).isEqualTo(made.matcher(one).replaceAll(""));
    }

    @Test
    void writesToStandardOutputWithDash() {
        String out = cli(0, "report", "samples/nsg-v2-PT1H.json", "-o", "-").out();
        assertThat(out).startsWith("<!DOCTYPE html>").endsWith("</html>\n").contains("\"inputCount\":1");
    }

    @Test
    void badOptionsFailBeforeReadingWithUsage() {
        assertThat(cli(2, "report", "samples/").err()).contains("Missing required option: '--output=FILE'");
        assertThat(cli(2, "report", "samples/", "-o", dir.resolve("no/such/folder/r.html").toString()).err())
                .contains("cannot write").contains("no folder");
        assertThat(cli(2, "report", "samples/", "-o", "x.html", "--every", "2m").err()).contains("unknown bucket size '2m'");
        assertThat(cli(2, "report", "samples/", "-o", "x.html", "--top", "0").err()).contains("is not a row count");
        assertThat(Path.of("x.html")).doesNotExist();
    }

    @Test
    void aPageReplacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path page = out.resolve("r.html");
        Files.writeString(page, "an older page");
        cli(0, "report", "samples/nsg-v1-PT1H.json", "-o", page.toString());
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(page);
        }
    }

    @Test
    void theHeaderNamesTheFiltersUsed() throws IOException {
        Path page = dir.resolve("f.html");
        cli(0, "report", "--action", "deny", "--dst-port", "22,3389", "samples/", "-o", page.toString());
        assertThat(Files.readString(page)).contains("\"filters\":[\"--action deny\",\"--dst-port 22,3389\"]");
    }

    private static String meta(Path page, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(Files.readString(page));
        assertThat(m.find()).as("meta %s", key).isTrue();
        return m.group(1);
    }
}
