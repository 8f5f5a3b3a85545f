package io.nsgflow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the launcher as a user's shell would, with an environment of the test's choosing: a PATH
 * that holds only the programs named (so "no Maven on PATH" is a fact the test makes, not hopes).
 */
final class Shell {
    /** What the launcher itself calls, besides java and mvn. */
    static final List<String> BASICS = List.of("bash", "dirname", "readlink", "cat", "sed", "cut", "mkdir", "cksum",
            "mv", "rm", "touch", "find", "mktemp", "sleep", "flock");

    record Ran(int exit, String out, String err) {
    }

    private Shell() {
    }

    /** A folder of links to the named programs, found on this test's own PATH, to be a PATH of its own. */
    static Path tools(Path dir, List<String> names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Path program = onPath(name).orElseThrow(() -> new IllegalStateException(name + " is not on PATH"));
            Files.createSymbolicLink(dir.resolve(name), program);
        }
        return dir;
    }

    static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A started run; its stderr goes to a file, so that a long build log cannot block it. */
    record Started(Process process, Path err) {
        Ran finish(int minutes) throws IOException, InterruptedException {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(minutes, TimeUnit.MINUTES)).as("finished in %d minutes", minutes).isTrue();
            String text = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(err);
            return new Ran(process.exitValue(), out, text);
        }
    }

    /** {@code command} as a shell runs it: its first word looked up on the PATH of {@code env}, not on this JVM's. */
    static List<String> viaPath(List<String> command) {
        List<String> shell = new ArrayList<>(List.of(onPath("bash").orElseThrow().toString(), "-c", "exec \"$0\" \"$@\""));
        shell.addAll(command);
        return shell;
    }

    static Started start(Path cwd, Map<String, String> env, List<String> command) throws IOException {
        Path err = Files.createTempFile("nsgflow-stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return new Started(pb.start(), err);
    }

    static Ran run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        return start(cwd, env, List.of(command)).finish(5);
    }
}
