package io.nsgflow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nsgflow.ReadPlan;
import io.nsgflow.bench.FlowLogGenerator;
import io.nsgflow.cli.DistributedRead;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.enrich.SharedEnrich;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.ScanScenario;
import io.nsgflow.hostile.Cli;
import io.nsgflow.source.FileInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports on Spark (local[2], one task per blob, partials merged in input order on the driver)
 * give the CLI's answer byte for byte, in every format, on the same inputs: exit code, stdout and
 * stderr (the CLI's read on one thread, so that its problems too come in input order). And the runner takes the CLI's command line, refusing what Spark cannot do as usage
 * errors.
 */
class ReportsTest {
    private static final String CORPUS = "core/src/test/resources/bad-input";
    private static final Path ENRICH = Path.of("core/src/test/resources/enrich");
    /** A table, and each machine format once, across the four reports; enrichment's built-in classes too. */
    private static final List<String> REPORTS = List.of(
            "summary", "summary --enrich -f json",
            "top --by src --metric bytes --limit 0 -f ndjson", "top --by src-class --metric bytes --limit 0 -f csv",
            "rules",
            "timeline --every 15m -f tsv");

    /** 24 blobs of 8 network interfaces over 3 hours, connections open across the hours. */
    @TempDir
    static Path generated;

    @BeforeAll
    static void generate() throws IOException {
        FlowLogGenerator.writeFolder(generated, FlowLogGenerator.Version.V2, 15, 24, 24 * 120_000L);
    }

    /** What a run gave. */
    private record Run(int exit, String out, String err) {
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(SharedSpark::session, new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run cli(String... args) {
        Cli.Result r = Cli.run(new byte[0], args);
        return new Run(r.exit(), r.out(), r.err());
    }

    private static String[] args(String report, String... paths) {
        List<String> all = new ArrayList<>(List.of(report.split(" ")));
        all.addAll(List.of(paths));
        return all.toArray(String[]::new);
    }

    /** Every report on Spark equals the CLI's on {@code paths}; returns the CLI's runs. */
    private static List<Run> assertEveryReportAsCli(List<String> reports, String... paths) {
        List<Run> runs = new ArrayList<>();
        for (String report : reports) {
            // one thread: the CLI's stderr is then in input order, as Spark's is (stdout is the same at any count)
            Run expected = cli(args(report + " --threads 1", paths));
            Run actual = spark(args(report, paths));
            assertThat(actual.err().lines()).as("stderr of %s %s", report, List.of(paths))
                    .containsExactlyElementsOf(expected.err().lines().toList());
            assertThat(actual.err()).as("stderr of %s %s", report, List.of(paths)).isEqualTo(expected.err());
            assertThat(actual.out()).as("stdout of %s %s", report, List.of(paths)).isEqualTo(expected.out());
            assertThat(actual.exit()).as("exit code of %s %s", report, List.of(paths)).isEqualTo(expected.exit());
            runs.add(expected);
        }
        return runs;
    }

    @Test
    void projectSamplesGiveTheCliAnswers() {
        for (Run r : assertEveryReportAsCli(REPORTS, "samples/")) {
            assertThat(r.exit()).isZero();
            assertThat(r.out()).isNotBlank();
        }
    }

    @Test
    void sharedSamplesGiveTheCliAnswers() {
        Path shared = Path.of(System.getProperty("nsgflow.shared.samples", "../shared/samples"));
        assumeTrue(Files.isDirectory(shared), "../shared/samples is not beside this checkout: shared samples not tested");
        assertEveryReportAsCli(List.of("summary -f json", "top --by src --limit 0 -f ndjson", "rules -f csv",
                "timeline --every 1h -f ndjson"), shared.toString());
    }

    @Test
    void aFolderOfManyBlobsGivesTheCliAnswers() throws IOException {
        try (Stream<Path> files = Files.walk(generated)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("PT1H.json")).count()).isEqualTo(24);
        }
        for (Run r : assertEveryReportAsCli(List.of("summary -f json", "top --by pair --metric bytes --limit 0 -f csv",
                "rules -f ndjson", "timeline --every 5m -f csv"), generated.toString())) {
            assertThat(r.exit()).isZero();
        }
    }

    /**
     * Read from the second hour on, connections begun in the first come as orphans ({@code C} and
     * {@code E} with no {@code B}) in the blobs of the second, and continue into the third (which
     * the CLI shows: the hours read together count fewer flows than read apart). Flows count as the
     * CLI counts them only if the partials merge in input order.
     */
    @Test
    void connectionsOpenBeforeAndAcrossBlobsCountAsTheCliCountsThem() throws IOException {
        List<String> hours;
        try (Stream<Path> folders = Files.walk(generated)) {
            hours = folders.filter(p -> p.getFileName().toString().startsWith("h=")).map(Path::toString).sorted().toList();
        }
        assertThat(hours).hasSize(3);
        assertThat(flows(hours.get(1), hours.get(2))).isLessThan(flows(hours.get(1)) + flows(hours.get(2)));
        assertEveryReportAsCli(List.of("summary --table overview -f tsv", "top --by src --limit 0 -f tsv"),
                hours.get(1), hours.get(2));
    }

    /** The flows the CLI counts in {@code paths}. */
    private static long flows(String... paths) {
        List<String> overview = cli(args("summary --table overview -f tsv", paths)).out().lines().toList();
        int column = List.of(overview.get(0).split("\t")).indexOf("flows");
        return Long.parseLong(overview.get(1).split("\t")[column]);
    }

    @Test
    void theHostileCorpusGivesTheCliAnswerProblemsAndExitCode() {
        for (Run r : assertEveryReportAsCli(List.of("summary -f json", "top --by src -f csv"), CORPUS)) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines().count()).isGreaterThan(30);
        }
    }

    /**
     * One big blob cut into many ranges (each a task), and the same blob cut short so that its
     * last range starts at a record it does not hold whole: every report is the CLI's, problems
     * and exit code included (the cut record's words come from reading that range again, knowing
     * what came before it).
     */
    @Test
    void aBigBlobReadInRangesGivesTheCliAnswersAsOneTaskARange(@TempDir Path tmp) throws Exception {
        Path big = FlowLogGenerator.writeFolder(tmp.resolve("big"), FlowLogGenerator.Version.V2, 21, 1, 400_000).blobs().get(0);
        Path cut = tmp.resolve("cut-PT1H.json");
        byte[] bytes = Files.readAllBytes(big);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        long[] bigStarts = ReadPlan.starts(FileInput.of(big), 300);
        long[] cutStarts = ReadPlan.starts(FileInput.of(cut), 300);
        long lastCut = cutStarts[cutStarts.length - 1];
        int at = java.util.Arrays.binarySearch(bigStarts, lastCut);
        assertThat(at).as("the cut blob's last range starts at a record of the blob").isGreaterThanOrEqualTo(0);
        assertThat(bigStarts[at + 1]).as("which the cut ends inside").isGreaterThan(bytes.length * 2 / 3);

        List<Run> runs = withRangeBytes("300", () -> assertEveryReportAsCli(List.of("summary -f json",
                "top --by src --metric bytes --limit 0 -f ndjson", "rules", "timeline --every 5m -f csv"),
                big.toString(), cut.toString()));
        assertThat(runs).allSatisfy(r -> assertThat(r.err()).contains("cut-PT1H.json"));
        assertThat(withRangeBytes("300", () -> tasksOf(() -> assertThat(spark("summary", big.toString()).exit()).isZero())))
                .as("tasks of the job that reads").contains(bigStarts.length);
        assertThat(bigStarts.length).isGreaterThan(10);
    }

    /**
     * The hostile corpus cut into ranges of a few hundred bytes: ranges that another read through
     * are dropped, and every problem is told as the CLI tells it reading each file whole.
     */
    @Test
    void theHostileCorpusReadInTinyRangesGivesTheCliAnswer() {
        withRangeBytes("300", () -> assertEveryReportAsCli(List.of("summary -f json", "top --by src -f csv"), CORPUS));
        // three jobs: the cuts, the ranges, and the blobs read again from a range that had something to say
        assertThat(withRangeBytes("300", () -> tasksOf(() -> assertThat(spark("summary", CORPUS).exit()).isEqualTo(1))))
                .hasSize(3);
    }

    /** Runs {@code read} with the session's range size set to {@code size}. */
    private static <T> T withRangeBytes(String size, java.util.function.Supplier<T> read) {
        SharedSpark.session().conf().set(RangePlan.PROPERTY, size);
        try {
            return read.get();
        } finally {
            SharedSpark.session().conf().unset(RangePlan.PROPERTY);
        }
    }

    /** How many tasks each Spark job that {@code run} started had. */
    private static List<Integer> tasksOf(Runnable run) {
        org.apache.spark.api.java.JavaSparkContext sc =
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
        String group = "tasks-" + System.nanoTime();
        sc.setJobGroup(group, group, false);
        try {
            run.run();
        } finally {
            sc.clearJobGroup();
        }
        // the status store is filled from Spark's event bus, shortly after the jobs ran
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<Integer> tasks = new ArrayList<>();
            for (int job : sc.statusTracker().getJobIdsForGroup(group)) {
                var info = sc.statusTracker().getJobInfo(job);
                for (int stage : info == null ? new int[0] : info.stageIds()) {
                    var stageInfo = sc.statusTracker().getStageInfo(stage);
                    tasks.add(stageInfo == null ? -1 : stageInfo.numTasks());
                }
            }
            if (!tasks.isEmpty() && !tasks.contains(-1) || System.nanoTime() > deadline) {
                return tasks;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    /**
     * Enrichment files in the repository (service tags, two user lists) given to every report and
     * to the filters that need them: each task loads them from the same path, and every answer is
     * the CLI's.
     */
    @Test
    void enrichmentFilesInTheRepoGiveTheCliAnswers(@TempDir Path tmp) throws IOException {
        Path hour = ScanScenario.build(14).write(tmp.resolve("PT1H.json"));
        Path attackers = Files.writeString(tmp.resolve("attackers.txt"), ScanScenario.VERTICAL + "\n" + ScanScenario.HORIZONTAL + "/32\n");
        String files = " --service-tags " + ENRICH.resolve("ServiceTags_Test.json") + " --ip-list attackers=" + attackers
                + " --ip-list office=" + ENRICH.resolve("office.txt");
        List<Run> runs = assertEveryReportAsCli(List.of("summary -f json" + files, "top --by src-tag --limit 0 -f csv" + files,
                "top --by src-class --metric flows -f tsv" + files, "rules -f ndjson --in-list attackers" + files,
                "timeline --every 15m -f csv --tag AzureLoad*" + files), hour.toString());
        assertThat(runs).allSatisfy(r -> assertThat(r.exit()).isZero());
        assertThat(runs.get(0).out()).contains("\"list\":\"attackers\"");
        assertThat(runs.get(1).out()).contains("AzureLoadBalancer");
        assertThat(runs.get(3).out()).isNotBlank();
        assertThat(runs.get(4).out().lines().count()).isGreaterThan(1);
    }

    /** The real files of ../shared/enrich (MaxMind's country and ASN test databases, the Government cloud's service tags). */
    @Test
    void sharedEnrichmentFilesGiveTheCliAnswers(@TempDir Path tmp) throws IOException {
        String files = " --geoip " + SharedEnrich.file("GeoLite2-Country-Test.mmdb") + " --geoip "
                + SharedEnrich.file("GeoLite2-ASN-Test.mmdb") + " --service-tags " + SharedEnrich.file("ServiceTags_AzureGovernment.json");
        Path hour = ScanScenario.build(14).write(tmp.resolve("PT1H.json"));
        List<Run> runs = assertEveryReportAsCli(List.of("summary -f json" + files, "top --by src-country -f csv" + files,
                "top --by src-asn --metric flows -f ndjson" + files, "timeline --every 15m -f csv --src-country GB" + files),
                hour.toString());
        assertThat(runs).allSatisfy(r -> assertThat(r.exit()).isZero());
        assertThat(runs.get(1).out()).contains("GB");
        assertThat(runs.get(2).out()).contains("\"srcAsn\":29518,\"srcOrg\":\"Bredband2 AB\"");
        assertThat(runs.get(3).out().lines().count()).isGreaterThan(1);
    }

    /**
     * A file the driver read but an executor cannot (here: named only in the executors' command
     * line) is one line, a usage error, not a failed job's stack trace.
     */
    @Test
    void anEnrichmentFileAnExecutorCannotReadIsRefusedInOneLine() {
        ReportSpec<?> spec = NsgflowCommand.plan("summary", "samples/").spec();
        SparkRead read = new SparkRead(SharedSpark::session, new String[] {"summary", "--service-tags", "no/such/tags.json", "samples/"});
        assertThatThrownBy(() -> read.read(List.of("samples/"), spec, new Diagnostics(new StringWriter(), false)))
                .isInstanceOf(DistributedRead.Refused.class)
                .hasMessageStartingWith("an executor cannot use the command line: ")
                .hasMessageContaining("no/such/tags.json")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingPathIsReportedAsTheCliReportsIt() {
        Run r = spark("summary", "samples/no-such-folder", "samples/nsg-v1-PT1H.json");
        assertThat(r).isEqualTo(cli("summary", "samples/no-such-folder", "samples/nsg-v1-PT1H.json"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nsgflow: samples/no-such-folder: open: no such file or directory\n"
                + "nsgflow: note: 38 version-1 tuples have no packet or byte counters (version 1 has none): packets and bytes here leave them out; their flows and tuples are counted\n");
        assertThat(spark("rules", "samples/no-such-folder")).isEqualTo(cli("rules", "samples/no-such-folder"));
    }

    @Test
    void outputGoesToTheFileOfMinusO(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("top.csv");
        Run r = spark("top", "--by", "src", "--metric", "bytes", "-f", "csv", "-o", file.toString(), "samples/");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(cli("top", "--by", "src", "--metric", "bytes", "-f", "csv", "samples/").out());
    }

    @Test
    void whatSparkCannotDoIsAUsageError() {
        assertUsage("'flows' does not run on Spark", "flows", "samples/");
        assertUsage("'conversations' does not run on Spark", "conversations", "samples/");
        assertUsage("a command is required");
        assertUsage("standard input is not read on Spark", "summary");
        assertUsage("standard input is not read on Spark", "summary", "-");
        assertUsage("--strict is not available on Spark", "summary", "--strict", "samples/");
        assertUsage("--threads is not used on Spark", "top", "--by", "src", "--threads", "2", "samples/");
        assertUsage("--checkpoint is not available on Spark", "summary", "--checkpoint", "x.json", "samples/");
        assertUsage("unknown option '--bogus'", "top", "--by", "src", "--bogus", "samples/");
        assertUsage("Missing required option: '--by=KEY'", "top", "samples/");
        Run help = spark("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("spark-submit --class io.nsgflow.spark.Main nsgflow-spark.jar COMMAND");
    }

    private static void assertUsage(String message, String... args) {
        Run r = spark(args);
        assertThat(r.exit()).as("exit of %s", List.of(args)).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(message);
    }
}
