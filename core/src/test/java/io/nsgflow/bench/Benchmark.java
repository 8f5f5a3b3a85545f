package io.nsgflow.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance harness behind {@code bench/run.sh}: for each size asked (in MB), one generated
 * NSG v2 blob, on which, in one run and each in its own child process, the floor
 * ({@link Floor}: Jackson's tokens and nothing else), {@code summary}, {@code top --by src
 * --metric bytes}, {@code flows --format ndjson} to a null stream, and jq doing the same job as
 * {@code top} (whose answer must equal nsgflow's). Then a folder of many blobs read with one
 * thread and with all cores, and the start-up time of {@code bin/nsgflow} on a 1 MB blob against
 * {@code java -version}. Runs are interleaved, so that noise from other work on the machine falls
 * on every measure alike; the median is reported. Prints Markdown tables and writes them under
 * {@code bench/out/}.
 *
 * <p>Times are of whole processes, JVM start included: what a user waits for. Peak RSS is
 * {@code /usr/bin/time}'s maximum resident set size.
 */
public final class Benchmark {
    /**
     * jq's version of {@code top --by src --metric bytes --limit 10}: bytes both ways per source,
     * ties by address text. The {@code group_by} form: jq 1.6 copies the object on every step of a
     * {@code reduce} into an object keyed by address, which is slower still.
     */
    static final String JQ_TOP_SOURCES = "[.records[].properties.flows[].flows[].flowTuples[] | split(\",\")"
            + " | {s: .[1], b: ((.[10] | tonumber? // 0) + (.[12] | tonumber? // 0))}]"
            + " | group_by(.s) | map({s: .[0].s, b: (map(.b) | add)}) | sort_by(-.b, .s) | .[:10][] | \"\\(.s)\\t\\(.b)\"";

    private final Path root;
    private final Path data;
    private final String java;
    private final int runs;
    private final int bigRuns;
    private final int jqRuns;
    private final StringBuilder report = new StringBuilder();
    /** {@link SumBySource}: the hand-written program {@code top} is to beat (issue 16). */
    static final String YARDSTICK = "hand-written: bytes per source (jackson-core)";

    /** One process run: wall seconds, user + system CPU seconds, peak RSS in KiB, what it wrote to stdout. */
    record Run(double seconds, double cpuSeconds, long rssKib, String out) {
    }

    /** One thing measured: its label and command line; {@code answer} when its stdout is kept for a check. */
    record Measure(String label, List<String> command, boolean answer) {
    }

    private Benchmark(Path root, Path data, int runs, int bigRuns, int jqRuns) {
        this.root = root;
        this.data = data;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.runs = runs;
        this.bigRuns = bigRuns;
        this.jqRuns = jqRuns;
    }

    /**
     * {@code [--runs N] [--big-runs N] [--jq-runs N] [--data DIR] [--blobs N] [--folder-mb N]
     * [--no-jq] [--big] [--only blob|enrich|split|folder|startup] [SIZE_MB...]}: with no size, a 100 MB
     * blob and a 200 MB folder; {@code --big} adds the 1 GB blob and makes the folder 1 GB.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--runs", "5", "--big-runs", "3", "--jq-runs", "1",
                "--data", "/tmp/nsgflow-bench", "--blobs", "16", "--folder-mb", "1000",
                "--only", "all"));
        List<Long> sizes = new ArrayList<>();
        boolean jq = true;
        boolean big = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-jq")) {
                jq = false;
            } else if (args[i].equals("--big")) {
                big = true;
            } else if (options.containsKey(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (args[i].matches("\\d+")) {
                sizes.add(Long.parseLong(args[i]));
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (sizes.isEmpty()) { // the default run stays modest: a few minutes
            sizes.add(100L);
        }
        if (big) { // the figures of the targets: a 1 GB blob and a 1 GB folder
            sizes.add(1000L);
        } else if (!Arrays.asList(args).contains("--folder-mb")) {
            options.put("--folder-mb", "200");
        }
        Benchmark b = new Benchmark(Path.of("").toAbsolutePath(), Path.of(options.get("--data")), Integer.parseInt(options.get("--runs")),
                Integer.parseInt(options.get("--big-runs")), Integer.parseInt(options.get("--jq-runs")));
        Files.createDirectories(b.data);
        String only = options.get("--only");
        b.line("# nsgflow benchmark, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", JVM options (bin/jvm.options) "
                + Files.readString(b.root.resolve("bin/jvm.options")).trim());
        if (only.equals("all") || only.equals("blob")) {
            for (long mb : sizes) {
                b.blob(mb, jq);
            }
        }
        if (only.equals("all") || only.equals("enrich")) {
            for (long mb : sizes) {
                b.enrich(mb);
            }
        }
        if (only.equals("all") || only.equals("split")) {
            for (long mb : sizes) {
                b.split(mb);
            }
        }
        if (only.equals("all") || only.equals("folder")) {
            b.folder(Integer.parseInt(options.get("--blobs")), Long.parseLong(options.get("--folder-mb")));
        }
        if (only.equals("all") || only.equals("startup")) {
            b.startup();
        }
        Path out = b.root.resolve("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results-" + System.currentTimeMillis() + ".md"), b.report);
    }

    /** The single-blob table for one size. */
    private void blob(long mb, boolean withJq) throws IOException, InterruptedException {
        Path file = data.resolve("v2-" + mb + "MB-seed1.json");
        long tuples = blobFile(file, mb);
        long bytes = Files.size(file);
        String f = file.toString();
        List<Measure> measures = new ArrayList<>(List.of(
                new Measure("floor: Jackson tokens only", classpathJava("io.nsgflow.bench.Floor", f), false),
                new Measure(YARDSTICK, classpathJava("io.nsgflow.bench.SumBySource", f), true),
                new Measure("summary", nsgflow("summary", f), false),
                new Measure("top --by src --metric bytes", nsgflow("top", "--by", "src", "--metric", "bytes", "-f", "tsv", f), true),
                new Measure("flows --format ndjson", nsgflow("flows", "--format", "ndjson", f), false),
                new Measure("flows --format csv", nsgflow("flows", "--format", "csv", f), false)));
        int n = mb >= 500 ? bigRuns : runs;
        Map<Measure, List<Run>> results = runInterleaved(measures, n);
        if (withJq) {
            Measure jq = new Measure("jq, same job as top", List.of("jq", "-r", JQ_TOP_SOURCES, f), true);
            results.putAll(runInterleaved(List.of(jq), jqRuns));
        }
        line("");
        line("## One NSG v2 blob of " + String.format(Locale.ROOT, "%.0f", bytes / 1e6) + " MB, " + tuples
                + " tuples (median of " + n + " runs" + (withJq ? "; jq " + jqRuns : "") + ")");
        line("");
        line("| measure | seconds | MB/s | tuples/s | vs floor | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|---:|");
        double floor = median(results.get(measures.get(0)));
        for (Map.Entry<Measure, List<Run>> e : results.entrySet()) {
            double s = median(e.getValue());
            long rss = e.getValue().stream().mapToLong(Run::rssKib).max().orElse(0) / 1024;
            line(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.2fM | %.2f | %d |", e.getKey().label(), s,
                    bytes / 1e6 / s, tuples / 1e6 / s, floor / s, rss));
        }
        Measure top = measures.get(3);
        Measure yardstick = measures.get(1);
        line("");
        line(String.format(Locale.ROOT, "top is %.2fx the speed of the hand-written program; same answer: %s",
                median(results.get(yardstick)) / median(results.get(top)),
                topSources(results.get(top).get(0).out()).equals(sortedLines(results.get(yardstick).get(0).out()))
                        ? "yes" : "NO"));
        if (withJq) {
            Measure jq = results.keySet().stream().filter(m -> m.label().startsWith("jq")).findFirst().orElseThrow();
            boolean same = topSources(results.get(top).get(0).out()).equals(sortedLines(results.get(jq).get(0).out()));
            line(String.format(Locale.ROOT, "top is %.1fx faster than jq; same answer: %s", median(results.get(jq))
                    / median(results.get(top)), same ? "yes" : "NO"));
        }
    }

    /**
     * {@code summary} with every enrichment on against {@code summary} alone, on the same blob, in
     * one run: a public-cloud-sized service-tag file ({@link ServiceTagsGenerator}), the MaxMind
     * test databases of {@code ../shared/enrich} when they are there, and a 10,000-line list.
     */
    private void enrich(long mb) throws IOException, InterruptedException {
        Path file = data.resolve("v2-" + mb + "MB-seed1.json");
        blobFile(file, mb);
        Path tags = data.resolve("ServiceTags_Public_generated.json");
        long prefixes = generated(tags, () -> ServiceTagsGenerator.write(tags, 1));
        Path list = data.resolve("ip-list-10000.txt");
        generated(list, () -> {
            StringBuilder sb = new StringBuilder("# generated: 10,000 addresses and blocks\n");
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < 10_000; i++) {
                sb.append(1 + r.nextInt(223)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256))
                        .append(i % 4 == 0 ? ".0/24\n" : "." + r.nextInt(256) + "\n");
            }
            Files.writeString(list, sb);
            return 10_000;
        });
        List<String> enriched = new ArrayList<>(List.of("summary", "--service-tags", tags.toString(),
                "--ip-list", "feed=" + list));
        Path shared = root.resolve("../shared/enrich");
        String geo = "";
        for (String db : List.of("GeoLite2-Country-Test.mmdb", "GeoLite2-ASN-Test.mmdb")) {
            if (Files.exists(shared.resolve(db))) {
                enriched.addAll(List.of("--geoip", shared.resolve(db).toString()));
                geo += (geo.isEmpty() ? "" : ", ") + db;
            }
        }
        enriched.add(file.toString());
        List<Measure> measures = List.of(
                new Measure("floor: Jackson tokens only", classpathJava("io.nsgflow.bench.Floor", file.toString()), false),
                new Measure("summary", nsgflow("summary", file.toString()), false),
                new Measure("summary, all enrichment", nsgflow(enriched.toArray(new String[0])), false));
        Map<Measure, List<Run>> results = runInterleaved(measures, runs);
        line("");
        line("## Enrichment: summary on the " + mb + " MB blob with service tags (" + prefixes + " prefixes, generated), "
                + (geo.isEmpty() ? "no MaxMind DB (../shared/enrich absent)" : geo) + ", a 10,000-line list (median of "
                + runs + " runs)");
        line("");
        line("| measure | seconds | vs floor | vs summary | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|");
        double floor = median(results.get(measures.get(0)));
        double plain = median(results.get(measures.get(1)));
        for (Measure m : measures) {
            double sec = median(results.get(m));
            line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d |", m.label(), sec, floor / sec, sec / plain,
                    results.get(m).stream().mapToLong(Run::rssKib).max().orElse(0) / 1024));
        }
    }

    /**
     * One blob read by every merging report with 1 thread and with every core, cut into a byte
     * range per core at record starts (which is off unless asked for): what cutting buys. The
     * answers must be the same.
     */
    private void split(long mb) throws IOException, InterruptedException {
        Path file = data.resolve("v2-" + mb + "MB-seed1.json");
        long tuples = blobFile(file, mb);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Measure> measures = new ArrayList<>();
        for (String report : List.of("summary", "top --by src --metric bytes", "top --by pair", "rules", "timeline")) {
            for (int threads : new int[] {1, cores}) {
                List<String> args = new ArrayList<>(List.of(report.split(" ")));
                args.addAll(List.of("--threads", Integer.toString(threads), file.toString()));
                List<String> command = new ArrayList<>();
                if (threads > 1) { // a range per core, forced: the default cuts only files of 512 MiB or more
                    command.addAll(List.of("env", "NSGFLOW_JAVA_OPTS=-Dnsgflow.split.rangeBytes=" + (Files.size(file) + threads - 1) / threads));
                }
                command.addAll(nsgflow(args.toArray(new String[0])));
                measures.add(new Measure(report + " --threads " + threads, command, true));
            }
        }
        int n = mb >= 500 ? bigRuns : runs;
        Map<Measure, List<Run>> results = runInterleaved(measures, n);
        line("");
        line("## One NSG v2 blob of " + mb + " MB, " + tuples + " tuples, cut into byte ranges (median of " + n + " runs)");
        line("");
        line("| measure | seconds | MB/s | speed-up over 1 thread | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|");
        for (int i = 0; i < measures.size(); i++) {
            List<Run> runs = results.get(measures.get(i));
            List<Run> oneThread = results.get(measures.get(i - i % 2));
            if (!runs.get(0).out().equals(oneThread.get(0).out())) {
                throw new IllegalStateException(measures.get(i).label() + " answers differently from one thread");
            }
            double s = median(runs);
            line(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.2f | %d |", measures.get(i).label(), s, mb / s,
                    median(oneThread) / s, runs.stream().mapToLong(Run::rssKib).max().orElse(0) / 1024));
        }
    }

    /** A folder of {@code blobs} blobs read with 1 thread and with every core. */
    private void folder(int blobs, long mb) throws IOException, InterruptedException {
        Path dir = data.resolve("folder-v2-" + blobs + "x-" + mb + "MB-seed1");
        long tuples = generated(dir, () -> FlowLogGenerator.writeFolder(dir, FlowLogGenerator.Version.V2, 1,
                blobs, mb * 1_000_000).tuples());
        int cores = Runtime.getRuntime().availableProcessors();
        String d = dir.toString();
        List<Measure> measures = List.of(
                new Measure("summary --threads 1", nsgflow("summary", "--threads", "1", d), false),
                new Measure("summary --threads " + cores, nsgflow("summary", "--threads", "" + cores, d), false),
                new Measure("top --threads 1", nsgflow("top", "--by", "src", "--metric", "bytes", "--threads", "1", d), false),
                new Measure("top --threads " + cores, nsgflow("top", "--by", "src", "--metric", "bytes", "--threads", "" + cores, d), false));
        int n = mb >= 500 ? bigRuns : runs;
        Map<Measure, List<Run>> results = runInterleaved(measures, n);
        line("");
        line("## A folder of " + blobs + " NSG v2 blobs, " + mb + " MB, " + tuples + " tuples (median of " + n + " runs)");
        line("");
        line("| measure | seconds | MB/s | speed-up over 1 thread | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|");
        for (int i = 0; i < measures.size(); i++) {
            double s = median(results.get(measures.get(i)));
            double one = median(results.get(measures.get(i - i % 2)));
            long rss = results.get(measures.get(i)).stream().mapToLong(Run::rssKib).max().orElse(0) / 1024;
            line(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.2f | %d |", measures.get(i).label(), s,
                    mb / s, one / s, rss));
        }
    }

    /** The generated NSG v2 blob of {@code mb} MB (seed 1), made once; its tuple count. */
    private long blobFile(Path file, long mb) throws IOException {
        return generated(file, () -> {
            FlowLogGenerator g = new FlowLogGenerator(FlowLogGenerator.Version.V2, 1, 0);
            try (OutputStream out = Files.newOutputStream(file)) {
                g.writeBlob(out, FlowLogGenerator.FIRST_HOUR, mb * 1_000_000);
            }
            return g.tuples();
        });
    }

    /**
     * {@code bin/nsgflow summary} on a 1 MB blob against {@code java -version}, as issue 16's target
     * words it (within 5x), through the launcher with its class-data archive, which the uncounted
     * first run makes. CPU time beside wall time: on a machine shared with other work it is the
     * steadier figure.
     */
    private void startup() throws IOException, InterruptedException {
        Path file = data.resolve("v2-1MB-seed1.json");
        generated(file, () -> {
            FlowLogGenerator g = new FlowLogGenerator(FlowLogGenerator.Version.V2, 1, 0);
            try (OutputStream out = Files.newOutputStream(file)) {
                g.writeBlob(out, FlowLogGenerator.FIRST_HOUR, 1_000_000);
            }
            return g.tuples();
        });
        List<Measure> measures = List.of(
                new Measure("java -version", List.of(java, "-version"), false),
                new Measure("bin/nsgflow summary (1 MB blob)", List.of(root.resolve("bin/nsgflow").toString(), "summary",
                        file.toString()), false),
                new Measure("bin/nsgflow --version", List.of(root.resolve("bin/nsgflow").toString(), "--version"), false));
        int n = Math.max(10, runs * 2);
        Map<Measure, List<Run>> results = runInterleaved(measures, n);
        line("");
        line("## Start-up (median of " + n + " runs)");
        line("");
        line("| measure | milliseconds | x java -version | CPU ms (user + sys) | x java -version | peak RSS MiB |");
        line("|---|---:|---:|---:|---:|---:|");
        double javaWall = median(results.get(measures.get(0)));
        double javaCpu = median(results.get(measures.get(0)), Run::cpuSeconds);
        for (Measure m : measures) {
            double wall = median(results.get(m));
            double cpu = median(results.get(m), Run::cpuSeconds);
            line(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.0f | %.1f | %d |", m.label(), wall * 1000, wall / javaWall,
                    cpu * 1000, cpu / javaCpu, results.get(m).stream().mapToLong(Run::rssKib).max().orElse(0) / 1024));
        }
        double summary = median(results.get(measures.get(1))) / javaWall;
        line("");
        line(String.format(Locale.ROOT, "summary of 1 MB is %.1fx java -version (issue 16's target: within 5x): %s", summary,
                summary <= 5 ? "met" : "not met"));
    }

    private interface Generation {
        long write() throws IOException;
    }

    /** Generates once: the tuple count is kept beside the data, whose presence means it is complete. */
    private long generated(Path target, Generation generation) throws IOException {
        Path count = Path.of(target + ".tuples");
        if (!Files.exists(count)) {
            System.err.println("generating " + target + " ...");
            Files.createDirectories(target.getParent());
            Files.writeString(count, Long.toString(generation.write()));
        }
        return Long.parseLong(Files.readString(count).trim());
    }

    private Map<Measure, List<Run>> runInterleaved(List<Measure> measures, int n) throws IOException, InterruptedException {
        Map<Measure, List<Run>> results = new LinkedHashMap<>();
        for (Measure m : measures) {
            results.put(m, new ArrayList<>());
            if (n > 1) {
                run(m); // warms the page cache and the JVM's class-data archive; not counted
            }
        }
        for (int i = 0; i < n; i++) {
            for (Measure m : measures) {
                Run r = run(m);
                System.err.printf(Locale.ROOT, "  %-40s %7.2f s %6d MiB%n", m.label(), r.seconds(), r.rssKib() / 1024);
                results.get(m).add(r);
            }
        }
        return results;
    }

    private Run run(Measure m) throws IOException, InterruptedException {
        Path time = Files.createTempFile("nsgflow-bench", ".time");
        Path out = Files.createTempFile("nsgflow-bench", ".out");
        Path err = Files.createTempFile("nsgflow-bench", ".err");
        try {
            List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", time.toString()));
            command.addAll(m.command());
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectError(err.toFile())
                    .redirectOutput(m.answer() ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process p = pb.start();
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException(m.label() + " exited " + exit + ": " + Files.readString(err));
            }
            List<String> timeLines = Files.readAllLines(time);
            String[] rssUserSystem = timeLines.get(timeLines.size() - 1).trim().split(" ");
            return new Run(seconds, Double.parseDouble(rssUserSystem[1]) + Double.parseDouble(rssUserSystem[2]),
                    Long.parseLong(rssUserSystem[0]), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(time);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** nsgflow as users run it: {@code bin/nsgflow}, with its JVM options and class-data archive. */
    private List<String> nsgflow(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/nsgflow").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A main class of the test sources, with the same jar (same Jackson) on the class path and the
     * same JVM options as {@code bin/nsgflow} (bin/jvm.options), so that the two compare like with like.
     */
    private List<String> classpathJava(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(Files.readString(root.resolve("bin/jvm.options")).trim().split("\\s+")));
        command.add("-cp");
        command.add(root.resolve("core/target/test-classes") + ":" + root.resolve("core/target/nsgflow.jar"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** nsgflow's TSV answer as "ip TAB bytes" lines, sorted. */
    static List<String> topSources(String tsv) {
        List<String> lines = tsv.lines().toList();
        List<String> header = List.of(lines.get(0).split("\t"));
        int ip = header.indexOf("srcIp");
        int bytes = header.indexOf("bytes");
        return lines.stream().skip(1).map(l -> l.split("\t")).map(c -> c[ip] + "\t" + c[bytes]).sorted().toList();
    }

    static List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    static double median(List<Run> runs) {
        return median(runs, Run::seconds);
    }

    static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> of) {
        double[] s = runs.stream().mapToDouble(of).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
