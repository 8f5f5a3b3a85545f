package io.nsgflow.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.ExitCode;
import io.nsgflow.hostile.Cli;
import io.nsgflow.hostile.GeneratedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flows -f parquet}, read back by an independent reader (DuckDB), holds exactly the rows
 * and values {@code flows -f ndjson} writes for the same inputs and options: on the samples, on
 * every survivor of the hostile corpus, on a generated blob, with filters and field lists, in one
 * file and in a folder of parts.
 */
class ParquetExportTest {
    private static final Path CORPUS = Path.of("core/src/test/resources/bad-input");
    private static Connection duckdb;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openDuckdb() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void closeDuckdb() throws SQLException {
        duckdb.close();
    }

    @Test
    void samplesHoldTheSameRowsAsNdjson() throws Exception {
        assertSameRows(List.of("samples/"));
    }

    @Test
    void generatedBlobHoldsTheSameRowsAsNdjson() throws Exception {
        Path blob = tmp.resolve("PT1H.json");
        Files.write(blob, GeneratedLog.bytes(GeneratedLog.records(new Random(15), 120, 40), GeneratedLog.Shape.ENVELOPE));
        assertThat(assertSameRows(List.of(blob.toString()))).isGreaterThan(1000);
    }

    @Test
    void filtersAndFieldListsSelectTheSameRowsAndColumns() throws Exception {
        assertSameRows(List.of("--action", "deny", "samples/"));
        assertSameRows(List.of("--direction", "out", "--protocol", "tcp", "samples/"));
        assertSameRows(List.of("--src", "10.0.0.0/8", "samples/"));
        assertSameRows(List.of("--since", "2018-01-01T00:00:00Z", "--until", "2030-01-01T00:00:00Z", "samples/"));
        assertSameRows(List.of("--fields", "dstPort,srcIp,time,bytesDstToSrc", "samples/"));
    }

    @TestFactory
    Stream<DynamicTest> everySurvivorOfTheHostileCorpusHoldsTheSameRows() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tsv")).sorted()
                    .toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertSameRows(List.of(f.toString()))));
        }
    }

    @Test
    void typesAreTheRowSchemasAndPagesAreZstd() throws Exception {
        Path file = tmp.resolve("flows.parquet");
        assertThat(Cli.run(new byte[0], "flows", "-f", "parquet", "-o", file.toString(), "samples/").exit()).isZero();
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement s = duckdb.createStatement();
             ResultSet rs = s.executeQuery("describe select * from read_parquet('" + file + "')")) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        assertThat(types).containsEntry("time", "TIMESTAMP WITH TIME ZONE").containsEntry("version", "TINYINT")
                .containsEntry("srcPort", "INTEGER").containsEntry("dstPort", "INTEGER")
                .containsEntry("bytesSrcToDst", "BIGINT").containsEntry("packetsDstToSrc", "BIGINT")
                .containsEntry("srcIp", "VARCHAR").containsEntry("rule", "VARCHAR").hasSize(23);
        try (Statement s = duckdb.createStatement();
             ResultSet rs = s.executeQuery("select distinct compression from parquet_metadata('" + file + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ZSTD");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aFolderReceivesPartsOfAtMostTheGivenRowsAndIsNotOverwritten() throws Exception {
        Path folder = tmp.resolve("export");
        List<Map<String, Object>> expected = ndjson(List.of("samples/"));
        Cli.Result r = Cli.run(new byte[0], "flows", "-f", "parquet", "--rows-per-file", "7", "-o", folder + "/", "samples/");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> parts;
        try (Stream<Path> files = Files.list(folder)) {
            parts = files.sorted().toList();
        }
        assertThat(parts).hasSize((expected.size() + 6) / 7);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path part : parts) {
            List<Map<String, Object>> partRows = read(part);
            assertThat(partRows.size()).isLessThanOrEqualTo(7);
            rows.addAll(partRows);
        }
        assertThat(rows).isEqualTo(expected);

        Cli.Result again = Cli.run(new byte[0], "flows", "-f", "parquet", "-o", folder.toString(), "samples/");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds flows-*.parquet files");
    }

    @Test
    void parquetNeedsAFileIsForFlowsOnlyAndHoldsEveryRow() {
        Cli.Result noFile = Cli.run(new byte[0], "flows", "-f", "parquet", "samples/");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("nsgflow: -f parquet writes a file: name it with -o FILE.parquet");
        Cli.Result summary = Cli.run(new byte[0], "summary", "-f", "parquet", "-o", tmp.resolve("s.parquet").toString(), "samples/");
        assertThat(summary.exit()).isEqualTo(2);
        assertThat(summary.err()).startsWith("nsgflow: -f parquet is for 'flows' only");
        Cli.Result sorted = Cli.run(new byte[0], "flows", "-f", "parquet", "--sort", "bytesSrcToDst", "-o",
                tmp.resolve("sorted.parquet").toString(), "samples/");
        assertThat(sorted.exit()).isEqualTo(2);
        assertThat(sorted.err()).startsWith("nsgflow: --sort, --limit and --table shape text output");
        assertThat(tmp.resolve("sorted.parquet")).doesNotExist();
    }

    /** Exports with {@code args}, reads the file back and compares it with ndjson; returns the row count. */
    private int assertSameRows(List<String> args) throws Exception {
        Path file = Files.createTempFile(tmp, "flows", ".parquet");
        List<String> parquet = new ArrayList<>(List.of("flows", "-f", "parquet", "-o", file.toString()));
        parquet.addAll(args);
        Cli.Result ndjsonRun = Cli.run(new byte[0], command("ndjson", args));
        Cli.Result parquetRun = Cli.run(new byte[0], parquet.toArray(String[]::new));
        assertThat(parquetRun.exit()).as("exit; stderr:%n%s", parquetRun.err()).isEqualTo(ndjsonRun.exit());
        assertThat(parquetRun.err()).isEqualTo(ndjsonRun.err());
        if (parquetRun.exit() == ExitCode.NOTHING_READ) { // no answer, so no file: the one made here stays empty
            assertThat(file).isEmptyFile();
            return 0;
        }
        List<Map<String, Object>> expected = NdjsonRows.parse(ndjsonRun.outLines());
        assertThat(read(file)).isEqualTo(expected);
        return expected.size();
    }

    private List<Map<String, Object>> ndjson(List<String> args) {
        return NdjsonRows.parse(Cli.run(new byte[0], command("ndjson", args)).outLines());
    }

    private static String[] command(String format, List<String> args) {
        List<String> all = new ArrayList<>(List.of("flows", "-f", format));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** The file's rows in file order, each value as ndjson spells it: times as ndjson's text, integers as Long. */
    private static List<Map<String, Object>> read(Path file) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = duckdb.createStatement();
             ResultSet rs = s.executeQuery("select * exclude (file_row_number) from read_parquet('" + file
                     + "', file_row_number = true) order by file_row_number")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    row.put(meta.getColumnName(c), v instanceof OffsetDateTime t ? NdjsonRows.time(t.toInstant())
                            : v instanceof Number n ? (Object) n.longValue() : v);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
