package io.nsgflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The real third-party flow logs in {@code ../shared/samples}, read in place and never copied into
 * the repository. A clone does not have that folder: tests of it are an extra layer, skipped with
 * a note, while the default suite runs on the files in the repository.
 */
public final class SharedSamples {
    /** The folder; the build passes its absolute path, tests run from the checkout's root. */
    public static final Path DIR = Path.of(System.getProperty("nsgflow.shared.samples", "../shared/samples"));

    private SharedSamples() {
    }

    /** Skips the calling test, saying why, when the folder is absent. */
    public static void assumePresent() {
        assumeTrue(Files.isDirectory(DIR), "tests of the real logs in ../shared/samples skipped: "
                + DIR.toAbsolutePath().normalize() + " is absent (a clone without the shared folder beside it)");
    }

    /**
     * The dynamic tests {@code tests} makes, or, when the folder is absent, one test that is skipped
     * with the note (surefire does not report a factory that is itself skipped).
     */
    public static Stream<DynamicTest> orSkipped(Tests tests) throws IOException {
        return Files.isDirectory(DIR) ? tests.make()
                : Stream.of(DynamicTest.dynamicTest("../shared/samples absent", SharedSamples::assumePresent));
    }

    /** Makes the dynamic tests of the folder. */
    @FunctionalInterface
    public interface Tests {
        Stream<DynamicTest> make() throws IOException;
    }

    /** A file of the folder, skipping the calling test when the folder is absent. */
    public static Path file(String name) {
        assumePresent();
        return DIR.resolve(name);
    }
}
