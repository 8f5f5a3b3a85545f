package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.nsgflow.parse.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus: one small input per kind of damage in {@code bad-input/}, and its
 * expected outcome in {@code bad-input/expectations.tsv}. Each case checks the exit code, the
 * number of good tuples still written, one located stderr line per problem with the expected
 * reason, no stack trace, and (as a hang guard, not a speed test) that it finishes; then that
 * every other command exits the same way with the same problems.
 */
class BadInputCorpusTest {
    private static final Path CORPUS = Path.of("core/src/test/resources/bad-input");
    /** A good blob with 3 tuples, to put beside a broken entry in a folder. */
    private static final Path GOOD = CORPUS.resolve("crlf-pretty-printed.json");
    /** Every command reads through the same pipeline, so each must meet a case the same way. */
    private static final List<List<String>> OTHER_COMMANDS = List.of(List.of("summary"), List.of("top", "--by", "src"),
            List.of("rules"), List.of("timeline"), List.of("conversations"));

    private record Case(String name, int exit, int tuples, int lines, String message) {
    }

    /** Inputs better made in code than committed: links, folders, permissions, a 1 MB string. */
    private interface Builder {
        Path build(Path dir) throws IOException;
    }

    private static final Map<String, Builder> BUILT = withReencodings(Map.of(
            "path-does-not-exist.json", dir -> dir.resolve("path-does-not-exist.json"),
            "folder-with-broken-symlink", dir -> {
                Path folder = folderWithGoodBlob(dir);
                Files.createSymbolicLink(folder.resolve("PT1H.json"), dir.resolve("gone.json"));
                return folder;
            },
            "folder-with-symlink-loop", dir -> {
                Path folder = folderWithGoodBlob(dir);
                Files.createSymbolicLink(folder.resolve("loop"), folder);
                return folder;
            },
            "folder-with-unreadable-file", dir -> {
                Path folder = folderWithGoodBlob(dir);
                Path locked = Files.copy(GOOD, folder.resolve("PT1H.json"));
                Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
                assumeFalse(Files.isReadable(locked), "running as root: a file cannot be made unreadable");
                return folder;
            },
            "folder-with-folder-named-like-a-blob", dir -> {
                Path folder = folderWithGoodBlob(dir);
                Files.createDirectories(folder.resolve("PT1H.json"));
                return folder;
            },
            "gzip-second-member-damaged.json.gz", dir -> {
                byte[] second = gzip(Files.readAllBytes(GOOD));
                second[2] = 7; // the compression method: deflate is 8
                return Files.write(dir.resolve("gzip-second-member-damaged.json.gz"), concat(gzip(Files.readAllBytes(GOOD)), second));
            },
            "gzip-junk-after-stream.json.gz", dir -> Files.write(dir.resolve("gzip-junk-after-stream.json.gz"),
                    concat(gzip(Files.readAllBytes(GOOD)), "junk\n".getBytes(StandardCharsets.US_ASCII))),
            "tuple-longer-than-limit.json", dir -> withLongString(dir, "tuple-longer-than-limit.json",
                    "\"flowTuples\":[\"", "\"flowTuples\":[\"%s\",\""),
            "unknown-field-longer-than-limit.json", dir -> withLongString(dir, "unknown-field-longer-than-limit.json",
                    "\"systemId\"", "\"note\":\"%s\",\"systemId\"")));

    /**
     * The corrupt record and the records after it in every other encoding JSON allows, with
     * characters of two, three and four UTF-8 bytes before the damage, so that the positions in
     * the message, bytes of the file as stored, are not simply those of UTF-8 times two.
     */
    private static Map<String, Builder> withReencodings(Map<String, Builder> built) {
        Map<String, Builder> all = new java.util.HashMap<>(built);
        Map<String, String> encodings = Map.of("utf16le-bom", "\uFEFF/UTF-16LE", "utf16le", "/UTF-16LE", "utf16be-bom",
                "\uFEFF/UTF-16BE", "utf16be", "/UTF-16BE", "utf32be", "/UTF-32BE");
        encodings.forEach((name, encoding) -> {
            String file = name + "-corrupt-record-then-records.json";
            all.put(file, dir -> {
                String text = Files.readString(CORPUS.resolve("corrupt-record-then-records-with-another-first-key.json"));
                int at = text.indexOf("\"category\"");
                text = text.substring(0, at) + "\"note\":\"caf\u00e9 \u2615 \uD83D\uDE00\"," + text.substring(at);
                String[] bomAndCharset = encoding.split("/");
                return Files.write(dir.resolve(file), (bomAndCharset[0] + text).getBytes(java.nio.charset.Charset.forName(bomAndCharset[1])));
            });
        });
        return Map.copyOf(all);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * Two copies of a one-tuple record; in the first, {@code target} is replaced by
     * {@code replacement} with a string of {@link Json#MAX_STRING} + 1 characters in it: in a field
     * nsgflow reads, or in one it skips without holding it.
     */
    private static Path withLongString(Path dir, String name, String target, String replacement) throws IOException {
        String blob = Files.readString(CORPUS.resolve("tuple-counter-above-int-max-valid.json"));
        String record = blob.substring("{\"records\":[".length(), blob.length() - 2);
        String huge = record.replace(target, replacement.formatted("A".repeat(Json.MAX_STRING + 1)));
        return Files.writeString(dir.resolve(name), "{\"records\":[" + huge + "," + record + "]}");
    }

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(c))));
    }

    private void check(Case c) throws IOException {
        Path input = CORPUS.resolve(c.name());
        if (!Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            assertThat(BUILT).as("a file or a builder for %s", c.name()).containsKey(c.name());
            input = BUILT.get(c.name()).build(Files.createDirectory(temp.resolve(c.name() + ".d")));
        }
        Cli.Result r = Cli.run(new byte[0], "flows", "-f", "ndjson", input.toString());
        Cli.assertWellBehaved(r);
        assertThat(r.exit()).as("exit; stderr:%n%s", r.err()).isEqualTo(c.exit());
        assertThat(r.outLines()).as("good tuples still written").hasSize(c.tuples());
        assertThat(r.errLines()).as("one stderr line per problem").hasSize(c.lines());
        for (String line : r.errLines()) {
            assertThat(line).as("names the input").startsWith("nsgflow: " + input);
        }
        assertThat(r.err()).contains(c.message());

        Cli.Result table = Cli.run(new byte[0], "flows", input.toString());
        assertThat(table.exit()).as("same outcome as a table").isEqualTo(c.exit());
        assertThat(table.err()).isEqualTo(r.err());
        for (List<String> command : OTHER_COMMANDS) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("-f", "ndjson", input.toString()));
            Cli.Result other = Cli.run(new byte[0], args.toArray(String[]::new));
            assertThat(other.exit()).as("%s: same exit code", command).isEqualTo(c.exit());
            assertThat(other.err()).as("%s: the same problems", command).startsWith(r.err());
            Cli.assertWellBehaved(other);
        }
    }

    private static Path folderWithGoodBlob(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("y=2024/m=05"));
        Files.copy(GOOD, folder.resolve("good.json"));
        return folder;
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]));
        }
        return cases;
    }
}
