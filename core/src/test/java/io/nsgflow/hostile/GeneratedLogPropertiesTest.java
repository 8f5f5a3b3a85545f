package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.LogFormat;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.PathMetadata;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid logs of every version and shape, written and read back through the real reader
 * and decoder, give back every generated value; random damage to them ends in rows and reported
 * problems, never in an internal error. Seeds drive the generators, so a failure names the seed
 * that reproduces it.
 */
class GeneratedLogPropertiesTest {
    @Property(tries = 300)
    void everyGeneratedTupleIsDecodedAsWritten(@ForAll long seed, @ForAll GeneratedLog.Shape shape,
                                               @ForAll @IntRange(min = 1, max = 30) int records) {
        List<GeneratedLog.Record> generated = GeneratedLog.records(new Random(seed), records, 8);
        byte[] file = GeneratedLog.bytes(generated, shape);

        StringWriter err = new StringWriter();
        Diagnostics diagnostics = new Diagnostics(err, false);
        List<FlowRow> rows = new ArrayList<>();
        RecordDecoder decoder = new RecordDecoder("gen", PathMetadata.NONE, diagnostics.forInput("gen"), r -> rows.add(r.copy()));
        new RecordReader().read(new ByteArrayInputStream(file), diagnostics.forInput("gen"), decoder::decode);

        assertThat(err.toString()).isEmpty();
        List<GeneratedLog.Tuple> expected = generated.stream().flatMap(r -> r.tuples().stream()).toList();
        assertThat(rows).hasSameSizeAs(expected);
        int i = 0;
        for (GeneratedLog.Record rec : generated) {
            for (GeneratedLog.Tuple tuple : rec.tuples()) {
                FlowRow row = rows.get(i++);
                assertThat(tuple.matches(row)).as("tuple %s decoded as %s", tuple, GeneratedLog.describe(row)).isTrue();
                assertThat(row.context().rule()).isEqualTo(rec.rule());
                assertThat(row.context().format()).isEqualTo(rec.format());
                assertThat(row.context().version()).isEqualTo(version(rec.format()));
            }
        }
    }

    @Property(tries = 1000)
    void damagedLogsEndInRowsAndReportedProblems(@ForAll long seed, @ForAll GeneratedLog.Shape shape,
                                                 @ForAll @IntRange(min = 1, max = 6) int damages) {
        Random random = new Random(seed);
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(random, 1 + random.nextInt(12), 5), shape);
        for (int d = 0; d < damages; d++) {
            file = damage(random, file);
        }
        Cli.Result r = Cli.run(file, "flows", "-f", "ndjson");
        Cli.assertWellBehaved(r);
        if (r.exit() != 0) {
            assertThat(r.err()).as("a non-zero exit is explained on stderr").isNotEmpty();
        }
    }

    /** One random flip, cut, insertion or duplication. */
    private static byte[] damage(Random random, byte[] file) {
        if (file.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(file.length);
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] copy = file.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> {
                return Arrays.copyOf(file, at);
            }
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                return splice(file, at, noise);
            }
            case 3 -> {
                byte[] structural = "{}[],:\"\\\n0-e.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                return splice(file, at, new byte[] {structural[random.nextInt(structural.length)]});
            }
            default -> {
                int len = Math.min(file.length - at, 1 + random.nextInt(200));
                return splice(file, random.nextInt(file.length), Arrays.copyOfRange(file, at, at + len));
            }
        }
    }

    private static byte[] splice(byte[] file, int at, byte[] inserted) {
        byte[] out = new byte[file.length + inserted.length];
        System.arraycopy(file, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(file, at, out, at + inserted.length, file.length - at);
        return out;
    }

    private static int version(LogFormat format) {
        return switch (format) {
            case NSG_V1 -> 1;
            case NSG_V2 -> 2;
            case VNET -> 4;
        };
    }
}
