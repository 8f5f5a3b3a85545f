package io.nsgflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: nsgflow's version and the git commit it was built from (written into
 * {@code build.properties} by the build), and the Java runtime it runs on, which is what a bug
 * report needs. No build time: the jar is reproducible.
 */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
            "nsgflow " + build.getProperty("version", "dev") + " (commit " + build.getProperty("commit", "unknown") + ")",
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")"
        };
    }
}
