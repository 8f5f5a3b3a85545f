package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --version}: what a bug report needs, from the build (version, commit) and the running JVM. */
class VersionTest {
    @Test
    void namesTheVersionTheCommitAndTheJavaRuntime() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), "--version");
        assertThat(exit).isZero();
        assertThat(out.toString().lines()).satisfiesExactly(
                version -> assertThat(version).matches("nsgflow \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit (\\p{XDigit}{12}|unknown)\\)"),
                java -> assertThat(java).startsWith("Java " + System.getProperty("java.runtime.version") + " (")
                        .contains(System.getProperty("java.home")));
        assertThat(err.toString()).isEmpty();
    }
}
