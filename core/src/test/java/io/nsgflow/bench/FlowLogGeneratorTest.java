package io.nsgflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.bench.FlowLogGenerator.Version;
import io.nsgflow.cli.Terminal;
import io.nsgflow.source.PathMetadata;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowLogGeneratorTest {
    private static final long BLOB_BYTES = 200_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Version.class)
    void sameSeedWritesSameBytes(Version version) throws IOException {
        assertThat(blob(version, 7)).isEqualTo(blob(version, 7)).isNotEqualTo(blob(version, 8));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void blobIsOneLineEnvelopeOfAboutTheAskedSize(Version version) throws IOException {
        String text = new String(blob(version, 1), StandardCharsets.US_ASCII);
        assertThat(text).startsWith("{\"records\":[{").endsWith("}]}").doesNotContain("\n");
        assertThat((long) text.length()).isBetween(BLOB_BYTES, BLOB_BYTES + 64 * 1024);
    }

    @Test
    void writeBlobReturnsTheBytesItWrote() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new FlowLogGenerator(Version.V2, 3, 0).writeBlob(out, FlowLogGenerator.FIRST_HOUR, 50_000);
        assertThat(written).isEqualTo(out.size());
    }

    /**
     * The folder reads with no problem and no warning (so paths agree with the records' MAC, NSG
     * and hour), every tuple decodes, connections go B, C..., E in order across the hours, and
     * 10-20% of tuples are denied.
     */
    @ParameterizedTest
    @EnumSource(Version.class)
    void folderDecodesCleanlyWithConsistentConnections(Version version) throws IOException {
        FlowLogGenerator.Written written = FlowLogGenerator.writeFolder(dir, version, 5, 12, 1_200_000);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false),
                "flows", "-f", "tsv", "--no-header", "--fields", "mac,srcIp,srcPort,dstIp,dstPort,protocol,state,action",
                dir.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        List<String> rows = out.toString().lines().toList();
        assertThat((long) rows.size()).isEqualTo(written.tuples());
        long denied = rows.stream().filter(r -> r.endsWith("\tdeny")).count();
        assertThat(denied).isEqualTo(written.deniedTuples());
        assertThat((double) denied / rows.size()).isBetween(0.10, 0.20);
        if (version != Version.V1) {
            assertConsistentConnections(rows);
        }
    }

    @Test
    void folderHasAzcopyLayoutOfNicsAndHours() throws IOException {
        List<Path> blobs = FlowLogGenerator.writeFolder(dir, Version.V2, 1, 10, 100_000).blobs();

        assertThat(blobs).hasSize(10).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        Set<String> nicHours = new HashSet<>();
        for (Path p : blobs) {
            PathMetadata meta = PathMetadata.of(dir.relativize(p).toString());
            assertThat(meta.nsg()).isEqualTo("NSG-BENCH");
            assertThat(meta.subscription()).isEqualTo(FlowLogGenerator.SUBSCRIPTION.toLowerCase());
            nicHours.add(meta.mac() + " " + meta.hour());
        }
        assertThat(nicHours).hasSize(10)
                .contains("000D3A100000 2024-05-14T09", "000D3A100007 2024-05-14T09", "000D3A100001 2024-05-14T10");
    }

    @Test
    void zipfFavoursLowRanks() {
        FlowLogGenerator.Zipf zipf = new FlowLogGenerator.Zipf(1000, 1.0);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        int[] counts = new int[1000];
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.sample(random)]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(5 * counts[9]);
        assertThat(counts[999]).isLessThan(counts[0] / 100);
    }

    /** Allowed rows: B opens a key that is not open, C and E need it open, E closes it. Denials hold nothing. */
    private static void assertConsistentConnections(List<String> rows) {
        Set<String> open = new HashSet<>();
        int ends = 0;
        for (String row : rows) {
            int cut = row.lastIndexOf('\t', row.lastIndexOf('\t') - 1);
            String key = row.substring(0, cut);
            String stateAction = row.substring(cut + 1);
            switch (stateAction) {
                case "begin\tallow" -> assertThat(open.add(key)).as("B of an open connection: %s", row).isTrue();
                case "continuing\tallow" -> assertThat(open).as("C without B: %s", row).contains(key);
                case "end\tallow" -> {
                    assertThat(open.remove(key)).as("E without B: %s", row).isTrue();
                    ends++;
                }
                case "begin\tdeny", "deny\tdeny" -> assertThat(open).as("denial of an open connection: %s", row)
                        .doesNotContain(key);
                default -> throw new AssertionError("unexpected state and action: " + row);
            }
        }
        assertThat(ends).isPositive();
    }

    private static byte[] blob(Version version, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FlowLogGenerator(version, seed, 0).writeBlob(out, FlowLogGenerator.FIRST_HOUR, BLOB_BYTES);
        return out.toByteArray();
    }
}
