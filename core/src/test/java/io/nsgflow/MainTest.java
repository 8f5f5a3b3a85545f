package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** How the CLI behaves as a program: help, usage errors, exit codes, closed and full outputs, stdin. */
class MainTest {
    private static final Path NSG_FIXTURE = Path.of("samples/nsg-v2-PT1H.json");
    private static final String NSG_TUPLE = "1542110402,94.102.49.190,10.5.16.4,28746,443,U,I,D,B,,,,";
    private static final String NSG_BLOB = "{\"records\":[{\"time\":\"2018-11-13T12:00:35.3899262Z\",\"category\":"
            + "\"NetworkSecurityGroupFlowEvent\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"DefaultRule_DenyAllInBound\","
            + "\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[\"" + NSG_TUPLE + "\"]}]}]}}]}";
    private static final String NSG_ROW = "2018-11-13T12:00:02Z,94.102.49.190,10.5.16.4,UDP,deny";

    private record Result(int exit, String out, String err) {
    }

    private static Result run(InputStream stdin, Writer out, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, stdin, false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new StringWriter(), args);
    }

    /** Every command the root knows, but {@code help}: so a new command cannot ship without this test. */
    static List<String> commands() {
        StringWriter sink = new StringWriter();
        CommandLine root = new NsgflowCommand(new Terminal(sink, sink, InputStream.nullInputStream(), false)).commandLine();
        return root.getSubcommands().keySet().stream().filter(c -> !c.equals("help")).sorted().toList();
    }

    static Stream<List<String>> helpRequests() {
        List<List<String>> requests = new ArrayList<>();
        requests.add(List.of("--help"));
        requests.add(List.of("-h"));
        for (String command : commands()) {
            requests.add(List.of(command, "--help"));
            requests.add(List.of("help", command));
        }
        return requests.stream();
    }

    @ParameterizedTest
    @MethodSource("helpRequests")
    void helpGoesToStdoutWithExamples(List<String> args) {
        Result r = run(new TrippedInput(), new StringWriter(), args.toArray(String[]::new));

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Usage:").contains("Examples:").contains("Exit codes:");
    }

    @Test
    void everyCommandTheReadmePromisesExists() {
        assertThat(commands()).contains("flows", "summary", "top", "rules", "timeline", "conversations");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--bogus; unknown option '--bogus'",
        "--src=10.0.0.0/33; '10.0.0.0/33' has a prefix length outside 0-32",
        "--dst=banana; 'banana' is not an IP address or CIDR block",
        "--port=100-50; port range '100-50' ends before it starts",
        "--dst-port=70000; '70000' is not a list of ports and ranges 0-65535",
        "--fields=time,nope; unknown field 'nope'; fields are: time,version,",
        "--format=xml; unknown format 'xml' (table, csv, tsv, json, ndjson, parquet)",
        "--since=yesterday; 'yesterday' is not a time",
        "--protocol=tcpp; unknown protocol 'tcpp'",
        "--action=block; 'block' is not an action (allow, deny)",
    })
    void usageErrorsExitTwoBeforeReadingAnything(String option, String reason) {
        Result r = run(new TrippedInput(), new StringWriter(), "flows", option);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("nsgflow: ").contains(reason);
        assertThat(lines.get(1)).isEqualTo("Try 'nsgflow flows --help' for usage.");
    }

    @Test
    void aCommandIsRequired() {
        Result r = run("", new String[0]);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("nsgflow: a command is required");
    }

    @Test
    void aClosedPipeEndsQuietlyWithSuccess() {
        Result r = run(new ByteArrayInputStream(NSG_BLOB.getBytes(StandardCharsets.UTF_8)), new FailingWriter("Broken pipe"), "flows", "-");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFullDiskIsExitFourWithAClearMessage() {
        Result r = run(new ByteArrayInputStream(NSG_BLOB.getBytes(StandardCharsets.UTF_8)), new FailingWriter("No space left on device"), "flows", "-");

        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).isEqualTo("nsgflow: cannot write output: No space left on device" + System.lineSeparator());
    }

    @Test
    void standardInputAsDashAndWhenNoPathIsGiven() {
        String[] fields = {"--no-header", "-f", "csv", "--fields", "time,srcIp,dstIp,protocol,action"};

        Result dash = run(NSG_BLOB, concat(new String[] {"flows", "-"}, fields));
        Result none = run(NSG_BLOB, concat(new String[] {"flows"}, fields));

        assertThat(dash.out()).isEqualTo(NSG_ROW + "\n");
        assertThat(none.out()).isEqualTo(dash.out());
        assertThat(dash.exit()).isZero();
        assertThat(none.exit()).isZero();
        assertThat(dash.err() + none.err()).isEmpty();
    }

    @Test
    void standardInputReadsLikeTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(NSG_FIXTURE);
        StringWriter fromFile = new StringWriter();
        run(InputStream.nullInputStream(), fromFile, "flows", "-f", "ndjson", NSG_FIXTURE.toString());

        Result fromStdin = run(new ByteArrayInputStream(bytes), new StringWriter(), "flows", "-f", "ndjson");

        assertThat(fromStdin.out()).hasLineCount(121).isEqualTo(fromFile.toString());
    }

    /** A gzip copy, made here rather than committed, reads to the same rows whatever its name says. */
    @Test
    void aGzipCopyReadsLikeThePlainFile(@TempDir Path dir) throws IOException {
        Path plain = Path.of("samples/vnet-PT1H.json");
        for (String name : List.of("PT1H.json", "PT1H.json.gz")) {
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
                Files.copy(plain, gz);
            }
        }
        StringWriter expected = new StringWriter();
        assertThat(run(InputStream.nullInputStream(), expected, "flows", "-f", "ndjson", plain.toString()).exit()).isZero();

        Result r = run(InputStream.nullInputStream(), new StringWriter(), "flows", "-f", "ndjson", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).hasLineCount(2 * 57).isEqualTo(expected.toString().repeat(2));
    }

    @Test
    void emptyStandardInputIsNothingRead() {
        Result r = run("", "flows", "-f", "csv");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("nsgflow: -: byte 0: empty input (no JSON at all)" + System.lineSeparator());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Standard input that fails the test if anything reads it: usage errors must stop before input. */
    private static final class TrippedInput extends InputStream {
        @Override
        public int read() {
            throw new AssertionError("standard input was read");
        }
    }

    /** An output whose every write fails as the operating system reports it. */
    private static final class FailingWriter extends Writer {
        private final String message;

        FailingWriter(String message) {
            this.message = message;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException(message);
        }

        @Override
        public void flush() throws IOException {
            throw new IOException(message);
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "";
        }
    }
}
