package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.nsgflow.Main;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A path that permission keeps nsgflow from reading is "permission denied", never "no such file",
 * and is counted among the inputs (issue 18 item 12): a file in a folder we may not enter, named
 * or met while walking; a file we may not read; a sub-folder we may not list; a folder we may list
 * but not enter. Root reads everything whatever the modes, so when the tests run as root (as in
 * CI) the CLI runs as {@code nobody} ({@code setpriv}, or {@code runuser}), from a copy of its
 * classes that user can read; when neither can drop privileges, the tests fail rather than skip.
 */
class PermissionDeniedTest {
    private static final Path GOOD = Path.of("core/src/test/resources/bad-input/crlf-pretty-printed.json");
    private static final String NOBODY = "65534";

    @TempDir
    static Path dir;
    /** The class path the child runs with: copies that the user it runs as can read. */
    private static String classPath;

    private record Run(int exit, String out, List<String> err) {
    }

    @BeforeAll
    static void lockedTree() throws IOException, URISyntaxException {
        classPath = readableClassPath(dir.resolve("cp"));
        Files.copy(GOOD, dir.resolve("good.json"));
        Files.copy(GOOD, Files.createDirectory(dir.resolve("locked")).resolve("b.json"));
        Files.copy(GOOD, dir.resolve("unreadable.json"));
        Path walked = Files.createDirectory(dir.resolve("walked"));
        Files.copy(GOOD, walked.resolve("a.json"));
        Files.copy(GOOD, Files.createDirectory(walked.resolve("sub")).resolve("c.json"));
        Files.copy(GOOD, Files.createDirectory(dir.resolve("listable")).resolve("d.json"));

        chmod(dir, "rwxr-xr-x"); // JUnit makes its folder for its owner only
        chmod(dir.resolve("locked"), "---------");
        chmod(dir.resolve("unreadable.json"), "---------");
        chmod(walked.resolve("sub"), "---------");
        chmod(dir.resolve("listable"), "r--r--r--"); // names can be listed, but nothing in it opened
    }

    /** Gives the locked paths back their modes, so that the temporary folder can be deleted by a user that is not root. */
    @AfterAll
    static void unlock() throws IOException {
        for (String locked : List.of("locked", "unreadable.json", "walked/sub", "listable")) {
            chmod(dir.resolve(locked), "rwx------");
        }
    }

    @Test
    void aFileInAFolderWithoutPermissionIsPermissionDeniedNotNoSuchFile() throws Exception {
        Run r = run("flows", "-f", "ndjson", "locked/b.json");

        assertThat(r.err()).containsExactly("nsgflow: locked/b.json: open: permission denied");
        assertThat(r.exit()).isEqualTo(3); // nothing could be read
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderWithoutPermissionIsOneProblemNotAlsoAnEmptyFolder() throws Exception {
        Run r = run("flows", "-f", "ndjson", "locked");

        assertThat(r.err()).containsExactly("nsgflow: locked: open: permission denied");
        assertThat(r.exit()).isEqualTo(3);
    }

    @Test
    void everyPathPermissionKeepsFromUsIsCountedAmongTheInputsAndTheRestIsRead() throws Exception {
        Run r = run("summary", "--table", "overview", "-f", "csv", "good.json", "locked/b.json", "unreadable.json", "walked", "listable");

        assertThat(r.err()).containsExactly("nsgflow: locked/b.json: open: permission denied",
                "nsgflow: unreadable.json: open: permission denied",
                "nsgflow: walked/sub: open: permission denied",
                "nsgflow: listable/d.json: open: permission denied");
        assertThat(r.exit()).isEqualTo(1); // finished, part of the input skipped
        String overview = r.out().lines().skip(1).findFirst().orElseThrow();
        // good.json and walked/a.json read (2 records, 3 tuples each); the four denied paths counted, unreadable
        assertThat(overview).startsWith("6,4,4,6,");

        Run flows = run("flows", "-f", "ndjson", "good.json", "locked/b.json", "walked");
        assertThat(flows.out().lines()).hasSize(6);
        assertThat(flows.exit()).isEqualTo(1);
    }

    /** nsgflow in a child JVM in {@link #dir}, as a user that permissions apply to. */
    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(withoutPrivileges());
        String java = ProcessHandle.current().info().command().orElse("java");
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readAllLines(dir.resolve("err")));
    }

    /** The command that runs the rest as {@code nobody} when we are root; nothing when permissions already apply to us. */
    private static List<String> withoutPrivileges() throws IOException {
        if (!"0".equals(String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid")))) {
            return List.of();
        }
        for (String tool : List.of("/usr/bin/setpriv", "/bin/setpriv")) {
            if (Files.isExecutable(Path.of(tool))) {
                return List.of(tool, "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
            }
        }
        for (String tool : List.of("/usr/sbin/runuser", "/sbin/runuser")) {
            if (Files.isExecutable(Path.of(tool))) {
                return List.of(tool, "-u", "nobody", "--");
            }
        }
        throw new AssertionError("running as root, and neither setpriv nor runuser (util-linux) is here to drop privileges:"
                + " a file cannot be made unreadable to root");
    }

    /**
     * Copies of what the CLI needs to read local files (its classes, picocli, jackson-core), readable by
     * anyone: the build's own may lie under a home folder only its owner may enter. Anything more it
     * needed would fail the tests with a NoClassDefFoundError, not pass them.
     */
    private static String readableClassPath(Path into) throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(Main.class, CommandLine.class, JsonFactory.class)) {
            Path from = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path to = into.resolve(entries.size() + "-" + from.getFileName());
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path p : (Iterable<Path>) tree::iterator) {
                    Path copy = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(copy.getParent());
                    if (!Files.isDirectory(p)) {
                        Files.copy(p, copy);
                    } else {
                        Files.createDirectories(copy);
                    }
                }
            }
            entries.add(to.toString());
        }
        try (Stream<Path> tree = Files.walk(into)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                chmod(p, Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
}
