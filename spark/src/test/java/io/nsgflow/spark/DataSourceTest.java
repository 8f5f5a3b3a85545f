package io.nsgflow.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nsgflow.ReadPlan;
import io.nsgflow.format.parquet.NdjsonRows;
import io.nsgflow.source.FileInput;
import io.nsgflow.hostile.Cli;
import io.nsgflow.hostile.GeneratedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark.read.format("nsgflow")} in local[2] gives the rows {@code flows -f ndjson} writes
 * for the same inputs, in the Parquet export's schema; problems come out in the CLI's words and
 * never fail the job; a folder of blobs is one task per blob; pushed filters give the same rows.
 */
class DataSourceTest {
    private static final String CORPUS = "core/src/test/resources/bad-input";

    @TempDir
    Path tmp;

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    private static Dataset<Row> load(String... paths) {
        return spark().read().format("nsgflow").load(paths);
    }

    private static List<Map<String, Object>> cliRows(String... args) {
        List<String> all = new ArrayList<>(List.of("flows", "-f", "ndjson"));
        all.addAll(List.of(args));
        return NdjsonRows.parse(Cli.run(new byte[0], all.toArray(String[]::new)).outLines());
    }

    @Test
    void projectSamplesGiveTheCliRows() {
        List<Map<String, Object>> expected = cliRows("samples/");
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(SparkRows.collect(load("samples/"))).isEqualTo(expected);
    }

    @Test
    void sharedSamplesGiveTheCliRows() {
        Path shared = Path.of(System.getProperty("nsgflow.shared.samples", "../shared/samples"));
        assumeTrue(Files.isDirectory(shared), "../shared/samples is not beside this checkout: shared samples not tested");
        assertThat(SparkRows.collect(load(shared.toString()))).isEqualTo(cliRows(shared.toString()));
    }

    @Test
    void severalPathsAreReadInTheirOrder() {
        assertThat(SparkRows.collect(load("samples/vnet-PT1H.json", "samples/nsg-v1-PT1H.json")))
                .isEqualTo(cliRows("samples/vnet-PT1H.json", "samples/nsg-v1-PT1H.json"));
    }

    @Test
    void hostileCorpusGivesTheCliRowsAndProblemsWithoutFailingTheJob() {
        Cli.Result cli = Cli.run(new byte[0], "flows", "-f", "ndjson", CORPUS);
        assertThat(SparkRows.collect(load(CORPUS))).isEqualTo(NdjsonRows.parse(cli.outLines()));
        List<String> problems = spark().read().format("nsgflow").option("problems", "true").load(CORPUS)
                .select("message").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(problems).hasSizeGreaterThan(30).isEqualTo(cli.errLines());
    }

    @Test
    void schemaIsTheParquetExportsAndSoAreTheRows() {
        Path file = tmp.resolve("flows.parquet");
        assertThat(Cli.run(new byte[0], "flows", "-f", "parquet", "-o", file.toString(), "samples/").exit()).isZero();
        Dataset<Row> parquet = spark().read().parquet(file.toString());
        Dataset<Row> nsgflow = load("samples/");
        assertThat(fields(nsgflow)).isEqualTo(fields(parquet));
        assertThat(SparkRows.collect(nsgflow)).isEqualTo(SparkRows.collect(parquet));
    }

    private static List<String> fields(Dataset<Row> df) {
        return java.util.Arrays.stream(df.schema().fields()).map(StructField::toString).toList();
    }

    @Test
    void aFolderOf64BlobsRunsAs64TasksWithTheCliRows() throws Exception {
        Random random = new Random(64);
        for (int i = 0; i < 64; i++) {
            Path hour = Files.createDirectories(tmp.resolve(String.format("h=%02d/m=00", i)));
            Files.write(hour.resolve("PT1H.json"),
                    GeneratedLog.bytes(GeneratedLog.records(random, 3, 5), GeneratedLog.Shape.ENVELOPE));
        }
        Dataset<Row> df = load(tmp.toString());
        assertThat(df.rdd().getNumPartitions()).isEqualTo(64);
        assertThat(SparkRows.collect(df)).isEqualTo(cliRows(tmp.toString()));
    }

    /**
     * A big blob with a range size of 1 KB is one task per range, cut at record starts by the CLI's
     * rule; its rows are the CLI's, and so are those of the blob cut short (its last, cut record at
     * a range's start) in ranges of 300 bytes, each record's rows once.
     */
    @Test
    void aBigBlobOfNRangesIsNTasksWithTheCliRows() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big")).resolve("PT1H.json");
        Files.write(big, GeneratedLog.bytes(GeneratedLog.records(new Random(31), 80, 6), GeneratedLog.Shape.ENVELOPE));
        long[] starts = ReadPlan.starts(FileInput.of(big), 1024);
        assertThat(starts.length).isGreaterThan(10);
        Dataset<Row> df = spark().read().format("nsgflow").option("rangeBytes", "1k").load(big.toString());
        assertThat(df.rdd().getNumPartitions()).isEqualTo(starts.length);
        assertThat(SparkRows.collect(df)).isEqualTo(cliRows(big.toString())).hasSizeGreaterThan(80);

        Path cut = tmp.resolve("cut-PT1H.json");
        byte[] bytes = Files.readAllBytes(big);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(SparkRows.collect(spark().read().format("nsgflow").option("rangeBytes", "300").load(cut.toString())))
                .isEqualTo(cliRows(cut.toString())).isNotEmpty();
    }

    /** The hostile corpus in ranges of 300 bytes: the rows that survive are the CLI's, once each. */
    @Test
    void hostileCorpusInTinyRangesGivesTheCliRows() throws Exception {
        Dataset<Row> df = spark().read().format("nsgflow").option("rangeBytes", "300").load(CORPUS);
        assertThat(SparkRows.collect(df)).isEqualTo(cliRows(CORPUS));
        long ranges;
        try (var files = Files.list(Path.of(CORPUS))) {
            ranges = files.filter(f -> io.nsgflow.source.FileInputs.isBlobName(f.getFileName().toString()))
                    .mapToLong(f -> ReadPlan.starts(FileInput.of(f), 300).length).sum();
        }
        assertThat(df.rdd().getNumPartitions()).as("tasks: ranges read through by another are dropped").isLessThan((int) ranges);
    }

    @Test
    void pushedFiltersRunInTheDecoderAndGiveTheCliRows() {
        Instant since = Instant.parse("2018-01-01T00:00:00Z");
        Dataset<Row> df = load("samples/")
                .filter(col("action").equalTo(lit("deny")).and(col("direction").equalTo(lit("inbound")))
                        .and(col("time").geq(lit(Timestamp.from(since)))));
        assertThat(df.queryExecution().executedPlan().toString()).contains("EqualTo(action,deny)", "EqualTo(direction,inbound)");
        assertThat(SparkRows.collect(df))
                .isEqualTo(cliRows("--action", "deny", "--direction", "in", "--since", since.toString(), "samples/"))
                .isNotEmpty();
    }

    @Test
    void anAddressFilterGivesTheCliRows() {
        List<Map<String, Object>> all = cliRows("samples/");
        String src = (String) all.get(0).get("srcIp");
        Dataset<Row> df = load("samples/").filter(col("srcIp").equalTo(lit(src)));
        assertThat(df.queryExecution().executedPlan().toString()).contains("EqualTo(srcIp," + src + ")");
        assertThat(SparkRows.collect(df)).isEqualTo(cliRows("--src", src, "samples/")).isNotEmpty();
    }

    @Test
    void aQueryOfSomeColumnsBuildsOnlyThoseAndGivesTheCliFields() {
        Dataset<Row> df = load("samples/").select("dstPort", "srcIp", "state");
        assertThat(df.queryExecution().executedPlan().toString()).contains("struct<srcIp:string,dstPort:int,state:string>");
        assertThat(SparkRows.collect(df)).isEqualTo(cliRows("--fields", "dstPort,srcIp,state", "samples/"));
    }

    @Test
    void aPathThatMatchesNothingIsAnErrorNotAnEmptyAnswer() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("samples/no-such-folder/").count())
                .hasMessageContaining("samples/no-such-folder/: open: no such file or directory");
    }
}
