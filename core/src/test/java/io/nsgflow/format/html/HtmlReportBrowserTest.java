package io.nsgflow.format.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import io.nsgflow.report.TimelineReporter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the shipped samples, opened in headless Chromium as a colleague would open it:
 * its charts are drawn, no script fails, nothing is requested from any network, every number on
 * it is the one the terminal commands print, and its pictures (light, dark, narrow) are not
 * blank. The page and the pictures stay in core/target/report/ for people to look at.
 */
class HtmlReportBrowserTest {
    static final Path OUT = Path.of("core/target/report");
    /** The narrowest window headless Chromium lays a page out in (a narrower one is laid out at this width and cut). */
    static final int NARROW = 500;
    private static Path page;
    private static Chromium.Run opened;
    private static PageDom dom;

    @BeforeAll
    static void makeAndOpen() throws IOException {
        Files.createDirectories(OUT);
        page = OUT.resolve("samples.html");
        String err = cli(0, "report", "samples/", "-o", page.toString(), "--title", "nsgflow report").err();
        assertThat(err).isEmpty();
        opened = Chromium.dumpDom(page);
        dom = new PageDom(opened.stdout());
    }

    @Test
    void everyChartIsDrawnAsAnSvgWithShapes() {
        List<Map<String, String>> charts = dom.elementsWith("data-chart");
        assertThat(charts).extracting(c -> c.get("data-chart"))
                .contains("timeline", "topSources", "topDestinations", "topDstPorts", "topPairs",
                        "deniedSources", "deniedDstPorts", "deniedRules", "rules", "pairs");
        assertThat(dom.elementsWith("data-charts-drawn")).singleElement()
                .extracting(b -> b.get("data-charts-drawn")).isEqualTo(String.valueOf(charts.size()));
        for (Map<String, String> c : charts) {
            String name = c.get("data-chart");
            String markup = chartMarkup(name);
            assertThat(markup).as("chart %s", name).contains("<svg");
            assertThat(count(markup, "<path")).as("shapes in chart %s", name).isGreaterThan(5);
        }
    }

    @Test
    void noScriptFailsAndNothingIsRequested() {
        assertThat(opened.console()).as("console messages").isEmpty();
        assertThat(opened.pageRequests()).as("requests to any network").isEmpty();
        assertThat(dom.html()).contains("id=\"page-errors\" class=\"page-errors\" role=\"alert\" hidden=\"\"></div>");
    }

    @Test
    void overviewCardsAreTheSummarysNumbers() {
        String summary = cli(0, "summary", "-f", "json", "samples/").out();
        Map<String, Object> overview = JsonTree.record(summary, "overview");
        Map<String, Object> traffic = byKey(JsonTree.rows(summary, "traffic"), "way");
        Map<String, String> cards = new HashMap<>();
        for (Map<String, String> card : dom.elementsWith("data-card")) {
            Matcher value = Pattern.compile("data-card=\"" + card.get("data-card") + "\".*?data-value=\"(-?\\d+)\"", Pattern.DOTALL)
                    .matcher(dom.html());
            assertThat(value.find()).isTrue();
            cards.put(card.get("data-card"), value.group(1));
        }
        assertThat(cards).containsEntry("flows", String.valueOf(overview.get("flows")))
                .containsEntry("tuples", String.valueOf(overview.get("tuples")))
                .containsEntry("denied", String.valueOf(overview.get("denied")))
                .containsEntry("bytesSrcToDst", field(traffic, "srcToDst", "bytes"))
                .containsEntry("bytesDstToSrc", field(traffic, "dstToSrc", "bytes"))
                .containsEntry("sources", String.valueOf(topRows("--by", "src").size()))
                .containsEntry("destinations", String.valueOf(topRows("--by", "dst").size()));
        assertThat(Long.parseLong(cards.get("flows"))).isPositive();
        assertThat(Long.parseLong(cards.get("denied"))).isPositive();
    }

    @Test
    void rankingsAreTopsRows() {
        Map<String, String[]> rankings = new LinkedHashMap<>();
        rankings.put("topSources", new String[] {"--by", "src"});
        rankings.put("topDestinations", new String[] {"--by", "dst"});
        rankings.put("topDstPorts", new String[] {"--by", "dstport"});
        rankings.put("topPairs", new String[] {"--by", "pair"});
        rankings.put("deniedSources", new String[] {"--by", "src", "--action", "deny"});
        rankings.put("deniedDstPorts", new String[] {"--by", "dstport", "--action", "deny"});
        rankings.put("deniedRules", new String[] {"--by", "rule", "--action", "deny"});
        rankings.forEach((name, args) -> {
            List<Map<String, Object>> top = topRows(args);
            assertThat(panelTotal(name)).as("%s: distinct keys", name).isEqualTo(top.size());
            assertSameRows(name, dom.tableRows(name), top);
        });
    }

    @Test
    void rulesAreTheRulesCommandsRows() {
        List<Map<String, Object>> rules = JsonTree.rows(cli(0, "rules", "-f", "json", "samples/").out(), "rules");
        assertThat(panelTotal("rules")).isEqualTo(rules.size());
        assertSameRows("rules", dom.tableRows("rules"), rules);
    }

    @Test
    void timelineIsTheTimelineCommandsRowsAtTheChosenBucket() {
        long bucket = Long.parseLong(dom.elementsWith("data-bucket").get(0).get("data-bucket"));
        String every = TimelineReporter.BUCKETS.entrySet().stream().filter(e -> e.getValue() == bucket)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Map<String, Object>> timeline = JsonTree.rows(cli(0, "timeline", "--every", every, "-f", "json", "samples/").out(), "timeline");
        assertThat(timeline.size()).as("points").isBetween(2, 200); // the automatic bucket gives at most 200 points
        assertSameRows("timeline", dom.tableRows("timeline"), timeline);
    }

    @Test
    void picturesInLightDarkAndNarrowAreNotBlank() throws IOException {
        Path light = OUT.resolve("samples-light.png");
        Path dark = OUT.resolve("samples-dark.png");
        Path narrow = OUT.resolve("samples-narrow.png");
        Chromium.screenshot(page, light, 1280, 900);
        Chromium.screenshot(page, dark, 1280, 900, "--force-dark-mode");
        Chromium.screenshot(page, narrow, NARROW, 900);
        Picture l = Picture.of(light);
        Picture d = Picture.of(dark);
        Picture n = Picture.of(narrow);
        for (Picture p : List.of(l, d, n)) {
            assertThat(p.colours).as("distinct colours in %s", p.path).isGreaterThan(50);
            assertThat(p.dominantShare).as("share of the commonest colour in %s", p.path).isLessThan(0.9);
        }
        assertThat(d.meanLuminance).as("dark mode is darker").isLessThan(l.meanLuminance - 60);
        assertThat(n.width).isEqualTo(NARROW);
    }

    @Test
    void theHarnessCatchesARequestAndAScriptError() throws IOException {
        Path control = OUT.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><body><p>control</p><img src=\"http://example.invalid/pixel.png\">"
                + "<script>fetch('https://example.invalid/data.json').catch(function () {});"
                + "throw new Error('planted failure');</script></body></html>");
        Chromium.Run run = Chromium.dumpDom(control);
        assertThat(run.pageRequests()).as("trapped requests").hasSizeGreaterThanOrEqualTo(2); // the image and the fetch
        assertThat(run.console()).anyMatch(line -> line.contains("planted failure"));
    }

    // ---- helpers ----

    record Result(String out, String err) {
    }

    static Result cli(int exit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        assertThat(code).as("exit of %s; stderr: %s", String.join(" ", args), err).isEqualTo(exit);
        return new Result(out.toString(), err.toString());
    }

    private static List<Map<String, Object>> topRows(String... by) {
        String[] args = new String[by.length + 6];
        args[0] = "top";
        System.arraycopy(by, 0, args, 1, by.length);
        System.arraycopy(new String[] {"--limit", "0", "-f", "json", "samples/"}, 0, args, by.length + 1, 5);
        return JsonTree.rows(cli(0, args).out(), "top");
    }

    /** Each row the page shows equals the command's row at the same place, in every column the page shows. */
    private static void assertSameRows(String name, List<Map<String, String>> shown, List<Map<String, Object>> printed) {
        assertThat(shown).as("%s rows", name).isNotEmpty().hasSizeLessThanOrEqualTo(printed.size());
        for (int i = 0; i < shown.size(); i++) {
            Map<String, Object> expected = printed.get(i);
            for (Map.Entry<String, String> cell : shown.get(i).entrySet()) {
                assertThat(expected).as("%s row %d", name, i).containsKey(cell.getKey());
                Object value = expected.get(cell.getKey());
                if (value instanceof List<?>) { // a list cell holds its items as JSON
                    assertThat(JsonTree.parse(cell.getValue())).as("%s row %d column %s", name, i, cell.getKey()).isEqualTo(value);
                } else {
                    assertThat(cell.getValue()).as("%s row %d column %s", name, i, cell.getKey())
                            .isEqualTo(value == null ? null : value.toString());
                }
            }
        }
    }

    private static long panelTotal(String name) {
        return dom.elementsWith("data-ranking").stream().filter(p -> p.get("data-ranking").equals(name))
                .map(p -> Long.parseLong(p.get("data-total"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> rows, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put((String) r.get(key), r));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String field(Map<String, Object> rows, String row, String column) {
        return String.valueOf(((Map<String, Object>) rows.get(row)).get(column));
    }

    /** The markup from a chart's element to the next chart's. */
    private static String chartMarkup(String name) {
        String html = dom.html();
        int start = html.indexOf("data-chart=\"" + name + "\"");
        int next = html.indexOf("data-chart=\"", start + 1);
        return html.substring(start, next < 0 ? html.length() : next);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** What a screenshot shows, in numbers: how varied it is and how light. */
    private record Picture(Path path, int width, int colours, double dominantShare, double meanLuminance) {
        static Picture of(Path png) throws IOException {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("a PNG at %s", png).isNotNull();
            Map<Integer, Integer> counts = new HashMap<>();
            double luminance = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    counts.merge(rgb, 1, Integer::sum);
                    luminance += 0.2126 * (rgb >> 16) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
                }
            }
            int pixels = image.getWidth() * image.getHeight();
            int dominant = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new Picture(png, image.getWidth(), counts.size(), (double) dominant / pixels, luminance / pixels);
        }
    }
}
