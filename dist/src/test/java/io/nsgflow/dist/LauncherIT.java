package io.nsgflow.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.dist.Shell.Ran;
import io.nsgflow.dist.Shell.Started;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clone's {@code bin/nsgflow}, on a copy of the checkout with no jar built: run through a link
 * on PATH from another folder, two first runs at once (one Maven build), and each way it can fail
 * before nsgflow runs (exit 69 or 73, never 70, which means a bug in nsgflow).
 */
class LauncherIT {
    private static final Path CHECKOUT = Path.of(System.getProperty("nsgflow.checkout"));
    private static final Path SAMPLE = CHECKOUT.resolve("samples/nsg-v2-PT1H.json");

    /** What Maven's own mvn script calls. */
    private static final List<String> MAVEN_NEEDS = List.of("mvn", "expr", "ls", "tr", "uname");

    @TempDir
    static Path dir;

    /** What a clone holds that the launcher's build reads: the poms, core's sources and bin/. */
    private static Path copyOfTheCheckout(String name) throws IOException {
        Path clone = dir.resolve(name);
        List<Path> sources = new ArrayList<>(List.of(Path.of("pom.xml"), Path.of("core/pom.xml"), Path.of("spark/pom.xml"),
                Path.of("dist/pom.xml"), Path.of("bin/nsgflow"), Path.of("bin/jvm.options")));
        try (Stream<Path> main = Files.walk(CHECKOUT.resolve("core/src/main"))) {
            main.filter(Files::isRegularFile).map(CHECKOUT::relativize).forEach(sources::add);
        }
        for (Path source : sources) {
            Path to = clone.resolve(source);
            Files.createDirectories(to.getParent());
            Files.copy(CHECKOUT.resolve(source), to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return clone;
    }

    /** The user's environment: Maven's own settings and repository (HOME) kept, PATH of only these tools. */
    private static Map<String, String> env(Path tools) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("HOME", System.getProperty("user.home"));
        return env;
    }

    private static Path tools(String name, boolean maven, boolean java) throws IOException {
        List<String> names = new ArrayList<>(Shell.BASICS);
        if (maven) {
            names.addAll(MAVEN_NEEDS);
        }
        if (java) {
            names.add("java");
        }
        return Shell.tools(dir.resolve(name), names);
    }

    @Test
    void twoFirstRunsAtOnceThroughALinkFromAnotherFolderMakeOneBuild() throws Exception {
        Path clone = copyOfTheCheckout("clone");
        Path tools = tools("tools-all", true, true);
        Path bin = Files.createDirectories(dir.resolve("home-bin"));
        Files.createSymbolicLink(bin.resolve("nsgflow"), clone.resolve("bin/nsgflow"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Map<String, String> env = env(tools);
        env.put("PATH", bin + ":" + tools);
        List<String> command = List.of("nsgflow", "summary", SAMPLE.toString());

        Started one = Shell.start(elsewhere, env, Shell.viaPath(command));
        Started two = Shell.start(elsewhere, env, Shell.viaPath(command));
        Ran first = one.finish(15);
        Ran second = two.finish(15);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out()).contains("flows");
        assertThat(Stream.of(first.err(), second.err()).filter(e -> e.contains("nsgflow: building"))).hasSize(1);
        assertThat(clone.resolve("core/target/nsgflow.jar")).isRegularFile();

        Ran third = Shell.start(elsewhere, env, Shell.viaPath(command)).finish(5);
        assertThat(third.exit()).isZero();
        assertThat(third.err().lines().filter(l -> !l.startsWith("nsgflow: note: "))).isEmpty(); // no build; the sample's version-1 note stays
        assertThat(third.out()).isEqualTo(first.out());
    }

    @Test
    void aFailedBuildExits73WithMavensOutput() throws Exception {
        Path clone = copyOfTheCheckout("broken");
        Files.writeString(clone.resolve("core/pom.xml"), "<project>not a pom");
        Ran run = Shell.run(dir, env(tools("tools-broken", true, true)), clone.resolve("bin/nsgflow").toString(), "--version");

        assertThat(run.exit()).isEqualTo(73);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("core/pom.xml", "nsgflow: the build failed");
    }

    @Test
    void noMavenToBuildWithExits69() throws Exception {
        Path clone = copyOfTheCheckout("no-maven");
        Ran run = Shell.run(dir, env(tools("tools-no-maven", false, true)), clone.resolve("bin/nsgflow").toString(), "--version");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Maven 3.8 or newer is needed").hasLineCount(1);
        assertThat(clone.resolve("core/target/nsgflow.jar")).doesNotExist();
    }

    @Test
    void noJavaExits69() throws Exception {
        Path clone = copyOfTheCheckout("no-java");
        Ran run = Shell.run(dir, env(tools("tools-no-java", true, false)), clone.resolve("bin/nsgflow").toString(), "--version");

        assertThat(run.exit()).isEqualTo(69);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Java 17 or newer is needed").hasLineCount(1);
    }
}
