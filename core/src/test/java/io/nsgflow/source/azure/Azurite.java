package io.nsgflow.source.azure;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The storage account of the tests: Azurite's blob service, started once per test run on
 * 127.0.0.1 and a free port, stopped when the run ends. Installed from npm into
 * {@code /opt/nsgflow-ci/azurite} (or {@code $NSGFLOW_AZURITE_HOME}) when it is not there yet, as
 * {@code .ci/run} does. When it cannot be installed or started, the tests that need it fail with
 * the reason; they never skip.
 */
final class Azurite implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Gives a test or a {@code @BeforeAll} method the run's {@link Azurite} as a parameter. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Azurite.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }

    static final String VERSION = "3.37.0";
    static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's well-known development key, public in Microsoft's documentation. */
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final long START_TIMEOUT_MS = 60_000;

    private final Process process;
    private final Path location;
    private final Path log;
    private final int port;

    private Azurite(Process process, Path location, Path log, int port) {
        this.process = process;
        this.location = location;
        this.log = log;
        this.port = port;
    }

    /** The one server of this test run, started on first use. */
    static Azurite get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Azurite.class, k -> start(), Azurite.class);
    }

    /** {@code http://127.0.0.1:PORT/devstoreaccount1}: the account's path-style endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=" + endpoint() + ";";
    }

    static Path home() {
        String env = System.getenv("NSGFLOW_AZURITE_HOME");
        return Path.of(env != null && !env.isBlank() ? env : "/opt/nsgflow-ci/azurite");
    }

    private static Azurite start() {
        Path main = home().resolve("node_modules/azurite/dist/src/blob/main.js");
        if (!Files.isRegularFile(main)) {
            install(home());
        }
        try {
            Path location = Files.createTempDirectory("nsgflow-azurite");
            Path log = location.resolve("azurite.out");
            int port = freePort();
            Process p = new ProcessBuilder("node", main.toString(),
                    "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                    "--location", location.resolve("data").toString(),
                    "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Azurite azurite = new Azurite(p, location, log, port);
            azurite.awaitReady();
            return azurite;
        } catch (IOException e) {
            return fail("Azurite could not be started (is Node.js installed? 'node' must be on the PATH): " + e.getMessage());
        }
    }

    private static void install(Path home) {
        try {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(), "azurite@" + VERSION)
                    .redirectErrorStream(true).redirectOutput(home.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                fail("npm could not install azurite@" + VERSION + " into " + home + "; see " + home.resolve("npm-install.log"));
            }
        } catch (IOException e) {
            fail("Azurite is not installed in " + home + " and npm could not be run to install it (install Node.js and npm, "
                    + "or run .ci/run): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while installing Azurite");
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                fail("Azurite exited at start (code " + process.exitValue() + "): " + output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        fail("Azurite did not answer on 127.0.0.1:" + port + " within " + START_TIMEOUT_MS / 1000 + " s: " + output());
    }

    private String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(location)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
