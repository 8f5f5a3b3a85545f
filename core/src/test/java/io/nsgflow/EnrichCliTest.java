package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.Terminal;
import io.nsgflow.enrich.SharedEnrich;
import io.nsgflow.report.ScanScenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment and scans through the real CLI: options, usage errors before reading, filters, and the scans report. */
class EnrichCliTest {
    private static final Path RESOURCES = Path.of("core/src/test/resources/enrich");
    private static final Path TAGS = RESOURCES.resolve("ServiceTags_Test.json");

    @TempDir
    Path tmp;
    private Path hour;

    private record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void scenario() throws IOException {
        hour = ScanScenario.build(14).write(tmp.resolve("PT1H.json"));
    }

    @Test
    void aBadListLineIsAUsageErrorNamingFileAndLineBeforeAnyInputIsRead() {
        Path bad = RESOURCES.resolve("bad-list.txt");
        Result r = run("summary", "--ip-list", "x=" + bad, tmp.resolve("no-such-input").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).hasValue("nsgflow: " + bad + ": line 2: '10.0.0.0/33' has a prefix length outside 0-32");
        assertThat(r.err()).doesNotContain("no-such-input").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCutServiceTagFileAndACorruptMaxMindDbAreUsageErrors() throws IOException {
        Path cut = tmp.resolve("ServiceTags_cut.json");
        String text = Files.readString(TAGS);
        Files.writeString(cut, text.substring(0, text.length() / 2));
        Result r = run("flows", "--service-tags", cut.toString(), hour.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("nsgflow: " + cut + ": line ").contains("end-of-input");
        assertThat(r.out()).isEmpty();

        Path mmdb = tmp.resolve("GeoLite2-Country.mmdb");
        byte[] garbage = new byte[2048];
        new Random(2).nextBytes(garbage);
        Files.write(mmdb, garbage);
        r = run("top", "--by", "src", "--geoip", mmdb.toString(), hour.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("nsgflow: " + mmdb + ": not a MaxMind DB (.mmdb) file");
    }

    @Test
    void filtersThatNeedAFileSaySoAndListNamesAreChecked() {
        assertThat(run("flows", "--tag", "Storage*", hour.toString()).err())
                .startsWith("nsgflow: --tag needs the service-tag file: --service-tags FILE");
        assertThat(run("flows", "--src-country", "CN", hour.toString()).err())
                .startsWith("nsgflow: --src-country and --dst-country need a country database: --geoip FILE.mmdb");
        assertThat(run("flows", "--in-list", "threats", "--ip-list", "office=" + RESOURCES.resolve("office.txt"), hour.toString()).err())
                .startsWith("nsgflow: --in-list threats: no --ip-list is named 'threats'");
        assertThat(run("flows", "--ip-list", "bad name=x", hour.toString()).err()).contains("should be NAME=FILE");
        assertThat(run("flows", "--public", "--private", hour.toString()).exit()).isEqualTo(2);
        assertThat(run("flows", "--src-country", "China", hour.toString()).err()).contains("not a two-letter country code");
    }

    @Test
    void publicAndPrivatePartitionTheRows() {
        int all = run("flows", "-f", "ndjson", hour.toString()).lines().size();
        List<String> pub = run("flows", "-f", "ndjson", "--public", hour.toString()).lines();
        List<String> priv = run("flows", "-f", "ndjson", "--private", hour.toString()).lines();
        assertThat(pub.size() + priv.size()).isEqualTo(all);
        assertThat(pub).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("\"srcIp\":\"10.0.1.30\""));
        // the scraper talks to VMs only; Azure's probes come from the platform, not the internet
        assertThat(priv).anySatisfy(l -> assertThat(l).contains("\"srcIp\":\"10.0.1.30\""))
                .anySatisfy(l -> assertThat(l).contains("\"srcIp\":\"168.63.129.16\""));
    }

    @Test
    void inListKeepsRowsWithEitherSideInTheList() throws IOException {
        Path known = Files.writeString(tmp.resolve("known.txt"), "# known scanners\n" + ScanScenario.HORIZONTAL + "\n"
                + ScanScenario.SLOW + "/32 ; slow one\n");
        List<String> rows = run("flows", "-f", "ndjson", "--ip-list", "known=" + known, "--in-list", "known",
                hour.toString()).lines();
        assertThat(rows).hasSize(60 + 50).allSatisfy(l -> assertThat(l).containsAnyOf(
                "\"srcIp\":\"" + ScanScenario.HORIZONTAL + "\"", "\"srcIp\":\"" + ScanScenario.SLOW + "\""));
    }

    @Test
    void srcCountryUsesTheMaxMindDatabase() {
        Path country = SharedEnrich.file("GeoLite2-Country-Test.mmdb");
        List<String> gb = run("flows", "-f", "ndjson", "--geoip", country.toString(), "--src-country", "gb",
                hour.toString()).lines();
        // 81.2.69.160/27 is GB in MaxMind's test data: the vertical scanner, and nothing else
        assertThat(gb).hasSize(198 + 2 + 2).allSatisfy(l -> assertThat(l).contains("\"srcIp\":\"" + ScanScenario.VERTICAL + "\""));
    }

    @Test
    void scansFindsTheInjectedScannersAndReadsInParallelToTheSameAnswer() throws IOException {
        Result whole = run("scans", "-f", "ndjson", hour.toString());
        assertThat(whole.exit()).isZero();
        assertThat(whole.lines()).hasSize(4);
        assertThat(whole.lines().get(0)).contains("\"src\":\"" + ScanScenario.VERTICAL + "\"", "\"kind\":\"vertical\"");
        assertThat(whole.out()).contains(ScanScenario.HORIZONTAL, ScanScenario.SLOW, ScanScenario.MIXED)
                .doesNotContain(ScanScenario.WEB_CLIENT).doesNotContain(ScanScenario.SCRAPER);
        ScanScenario s = ScanScenario.build(14);
        Path a = s.write(tmp.resolve("a.json"), 0, 20);
        Path b = s.write(tmp.resolve("b.json"), 20, 40);
        Path c = s.write(tmp.resolve("c.json"), 40, 60);
        String one = run("scans", "-f", "ndjson", "--threads", "1", a.toString(), b.toString(), c.toString()).out();
        String two = run("scans", "-f", "ndjson", "--threads", "2", a.toString(), b.toString(), c.toString()).out();
        assertThat(one).isEqualTo(whole.out());
        assertThat(two).isEqualTo(whole.out());
    }

    @Test
    void scansOptionsAreChecked() {
        assertThat(run("scans", "--window", "5x", hour.toString()).err()).contains("is not a duration");
        assertThat(run("scans", "--ports", "0", hour.toString()).exit()).isEqualTo(2);
        Result fast = run("scans", "-f", "ndjson", "--window", "5m", hour.toString());
        assertThat(fast.out()).doesNotContain(ScanScenario.SLOW).contains(ScanScenario.VERTICAL);
    }
}
