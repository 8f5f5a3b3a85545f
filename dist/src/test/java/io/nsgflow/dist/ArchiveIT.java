package io.nsgflow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import io.nsgflow.dist.Shell.Ran;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The release archive as a user gets it: unpacked into an empty folder and run with only Java,
 * no Maven on PATH, no checkout around it.
 */
class ArchiveIT {
    private static final Path CHECKOUT = Path.of(System.getProperty("nsgflow.checkout"));
    private static final String VERSION = System.getProperty("nsgflow.version");
    private static final Path TAR = Path.of(System.getProperty("nsgflow.archive") + ".tar.gz");
    private static final Path ZIP = Path.of(System.getProperty("nsgflow.archive") + ".zip");

    @TempDir
    static Path dir;
    static Path home;
    static Path tools;
    static Path unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        Path into = Files.createDirectories(dir.resolve("unpacked"));
        Ran tar = Shell.run(into, Map.of("PATH", System.getenv("PATH")), "tar", "xzf", TAR.toString());
        assertThat(tar.exit()).as(tar.err()).isZero();
        unpacked = into.resolve("nsgflow-" + VERSION);
        home = Files.createDirectories(dir.resolve("home"));
        tools = Shell.tools(dir.resolve("tools"), Shell.BASICS);
    }

    /** A user's environment: Java only through JAVA_HOME, and a PATH of the basic tools (no java, no mvn). */
    private static Map<String, String> javaHomeOnly() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("HOME", home.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private static String launcher() {
        return unpacked.resolve("bin/nsgflow").toString();
    }

    @Test
    void versionRunsWithJavaAloneAndNoMaven() throws Exception {
        assertThat(Shell.onPath("mvn")).as("this test means something only where Maven exists").isPresent();
        assertThat(tools.resolve("mvn")).doesNotExist();

        Ran version = Shell.run(dir, javaHomeOnly(), launcher(), "--version");

        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out().lines()).satisfiesExactly(
                line -> assertThat(line).matches("nsgflow " + VERSION.replace(".", "\\.") + " \\(commit (\\p{XDigit}{12}|unknown)\\)"),
                line -> assertThat(line).startsWith("Java ").contains(System.getProperty("java.home")));
        assertThat(version.err()).isEmpty();
    }

    @Test
    void answersAsTheInProcessCliDoesThroughALinkOnPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("home-bin"));
        Files.createSymbolicLink(bin.resolve("nsgflow"), Path.of(launcher()));
        Map<String, String> env = javaHomeOnly();
        env.put("PATH", bin + ":" + tools);
        Path golden = CHECKOUT.resolve("core/src/test/resources/cases/top/mixed-v1-v2-dstport-bytes");
        List<String> command = new ArrayList<>(List.of("nsgflow"));
        command.addAll(Files.readAllLines(golden.resolve("args")));

        Ran top = Shell.start(CHECKOUT, env, Shell.viaPath(command)).finish(5); // the golden case's paths are the checkout's

        assertThat(top.exit()).as(top.err()).isZero();
        assertThat(top.out()).isEqualTo(Files.readString(golden.resolve("stdout")));
        assertThat(top.err()).isEqualTo(Files.readString(golden.resolve("stderr")));
    }

    @Test
    void makesAClassDataArchiveInTheUsersCacheThatTheNextRunMaps() throws Exception {
        Path sample = CHECKOUT.resolve("samples/nsg-v2-PT1H.json");
        Ran first = Shell.run(dir, javaHomeOnly(), launcher(), "summary", sample.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        try (Stream<Path> cached = Files.list(home.resolve(".cache/nsgflow"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".jsa"));
        }

        // -Xshare:on makes a JVM that cannot map the archive fail instead of running without it
        Path classLog = dir.resolve("classes.log");
        Map<String, String> env = javaHomeOnly();
        env.put("NSGFLOW_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classLog);
        Ran second = Shell.run(dir, env, launcher(), "summary", sample.toString());

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllLines(classLog)).anyMatch(l -> l.contains("io.nsgflow.Main source: shared objects file (top)"));
    }

    @Test
    void withoutJavaSaysSoAndExits69() throws Exception {
        Map<String, String> env = javaHomeOnly();
        env.remove("JAVA_HOME");

        Ran none = Shell.run(dir, env, launcher(), "--version");

        assertThat(none.exit()).isEqualTo(69);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("Java 17 or newer is needed").hasLineCount(1);
    }

    @Test
    void carriesOneManPagePerCommand() throws IOException {
        StringWriter sink = new StringWriter();
        CommandLine root = new NsgflowCommand(new Terminal(sink, sink, InputStream.nullInputStream(), false)).commandLine();
        List<String> expected = new ArrayList<>();
        pages(root, "nsgflow", expected);
        try (Stream<Path> pages = Files.list(unpacked.resolve("share/man/man1"))) {
            assertThat(pages.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
        String top = Files.readString(unpacked.resolve("share/man/man1/nsgflow-top.1"));
        assertThat(top).contains(".TH \"NSGFLOW\\-TOP\" \"1\"", "\\-\\-metric", ".SH \"EXIT CODES\"\n", ".SH \"EXAMPLES\"\n",
                "a bug: please report it");
    }

    private static void pages(CommandLine command, String name, List<String> into) {
        into.add(name + ".1");
        command.getSubcommands().forEach((sub, c) -> pages(c, name + "-" + sub, into));
    }

    @Test
    void carriesTheCompletionScriptThatTheCommandPrints() throws Exception {
        Ran bash = Shell.run(dir, javaHomeOnly(), launcher(), "completion", "bash");
        assertThat(bash.exit()).as(bash.err()).isZero();
        assertThat(unpacked.resolve("share/bash-completion/completions/nsgflow")).hasContent(bash.out());
        assertThat(unpacked.resolve("share/zsh/nsgflow-completion.zsh")).hasContent(bash.out());
    }

    @Test
    void theWindowsScriptNamesFilesThatExist() throws IOException {
        String cmd = Files.readString(unpacked.resolve("bin/nsgflow.cmd"), StandardCharsets.US_ASCII);
        assertThat(cmd.split("\r\n", -1)).as("CRLF line ends").allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(cmd).contains("\"%~dp0..\\lib\\nsgflow.jar\"", "\"%~dp0jvm.options\"", "%JAVA_HOME%\\bin\\java.exe", "exit /b 69");
        assertThat(unpacked.resolve("lib/nsgflow.jar")).isRegularFile();
        assertThat(unpacked.resolve("bin/jvm.options")).hasSameTextualContentAs(CHECKOUT.resolve("bin/jvm.options"));
    }

    @Test
    void theJarIsTheCliAloneAndMultiRelease() throws IOException {
        try (JarFile jar = new JarFile(unpacked.resolve("lib/nsgflow.jar").toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("io.nsgflow.Main");
            assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(jar.stream().map(ZipEntry::getName))
                    .contains("io/nsgflow/Main.class")
                    .anyMatch(n -> n.startsWith("META-INF/versions/17/com/fasterxml/jackson/") && n.endsWith(".class"))
                    .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("io/nsgflow/spark/"));
        }
    }

    @Test
    void theZipHoldsWhatTheTarDoes() throws IOException {
        Map<String, byte[]> zipped = new TreeMap<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                zipped.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        Map<String, byte[]> tarred = new TreeMap<>();
        try (Stream<Path> files = Files.walk(unpacked)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                tarred.put("nsgflow-" + VERSION + "/" + unpacked.relativize(f), Files.readAllBytes(f));
            }
        }
        assertThat(zipped).containsOnlyKeys(tarred.keySet());
        tarred.forEach((name, bytes) -> assertThat(zipped.get(name)).as(name).isEqualTo(bytes));
        assertThat(unpacked.resolve("README.md")).hasSameBinaryContentAs(CHECKOUT.resolve("README.md"));
        assertThat(unpacked.resolve("LICENSE")).hasSameBinaryContentAs(CHECKOUT.resolve("LICENSE"));
        assertThat(Files.isExecutable(unpacked.resolve("bin/nsgflow"))).isTrue();
    }
}
