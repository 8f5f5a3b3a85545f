package io.nsgflow.enrich;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real enrichment files in {@code ../shared/enrich}, read in place; tests of them skip, with a note, where it is absent. */
public final class SharedEnrich {
    public static final Path DIR = Path.of(System.getProperty("nsgflow.shared.enrich", "../shared/enrich"));

    private SharedEnrich() {
    }

    /** The file, or the test is skipped (a clone with no ../shared beside it). */
    public static Path file(String name) {
        Path file = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent (../shared/enrich is not beside this checkout)");
        return file;
    }
}
