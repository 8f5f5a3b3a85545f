package io.nsgflow.format.html;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run on a page as a person's browser would open it: a fresh profile
 * in a temporary HOME, every request of any kind sent to a {@link NetworkTrap} (so that a page
 * that reaches for the network is caught, and nothing leaves the machine), console messages on
 * stderr. When Chromium is missing the test fails, saying how to install it: a browser test that
 * skips would let a broken page through.
 */
final class Chromium {
    /** Chromium's own limit on a page's scripts and timers, in virtual time: no waiting for real seconds. */
    static final int VIRTUAL_TIME_BUDGET_MS = 5000;
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * Where Chromium itself calls home (clock, updates, sign-in, hints) even with background
     * networking off; a page's own request goes anywhere else. Exact names: a page reaching for
     * fonts.googleapis.com or a CDN is still caught.
     */
    private static final Set<String> BROWSER_SERVICES = Set.of("clients2.google.com", "update.googleapis.com",
            "accounts.google.com", "optimizationguide-pa.googleapis.com", "safebrowsing.googleapis.com",
            "content-autofill.googleapis.com", "clientservices.googleapis.com", "redirector.gvt1.com", "edgedl.me.gvt1.com");
    private static final Pattern REQUEST_HOST = Pattern.compile("^(?:CONNECT |[A-Z]+ https?://)([^/:\\s]+)");

    /** What one run gave: stdout (the DOM, for --dump-dom), the console lines, and the request lines trapped. */
    record Run(String stdout, List<String> console, List<String> requests) {
        /** The requests that came from the page rather than from the browser's own services. */
        List<String> pageRequests() {
            return requests.stream().filter(line -> {
                Matcher host = REQUEST_HOST.matcher(line);
                return !host.find() || !BROWSER_SERVICES.contains(host.group(1));
            }).toList();
        }
    }

    private Chromium() {
    }

    /** {@code $NSGFLOW_CHROMIUM}, else Debian's {@code /usr/bin/chromium}, else {@code chromium} on the PATH. */
    static Path binary() {
        String configured = System.getenv("NSGFLOW_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("Chromium is not installed, and the HTML report is tested in it: run "
                + "'apt-get update && apt-get install -y chromium' (Debian), or set NSGFLOW_CHROMIUM to its binary; "
                + ".ci/run installs it when missing");
    }

    /** The DOM once the page's scripts have run. */
    static Run dumpDom(Path page, String... flags) {
        return run(page, concat(flags, "--dump-dom"));
    }

    /** A picture of the page's first {@code height} pixels at {@code width}, written to {@code png}. */
    static Run screenshot(Path page, Path png, int width, int height, String... flags) {
        return run(page, concat(flags, "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath()));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static Run run(Path page, String... flags) {
        Path binary = binary();
        Path home = null;
        try (NetworkTrap trap = new NetworkTrap()) {
            home = Files.createTempDirectory("nsgflow-chromium-");
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + home.resolve("profile"),
                    "--enable-logging=stderr", "--v=0",
                    // every request, loopback included, goes to the trap; names resolve nowhere
                    "--proxy-server=http://127.0.0.1:" + trap.port(), "--proxy-bypass-list=<-loopback>",
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                    "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS));
            command.addAll(List.of(flags));
            command.add(page.toAbsolutePath().toUri().toString());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(home.resolve("stdout").toFile())
                    .redirectError(home.resolve("stderr").toFile());
            pb.environment().put("HOME", home.toString()); // Chromium writes ~/.config and ~/.cache
            Process process = pb.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s on " + page);
            }
            String stdout = Files.readString(home.resolve("stdout"), StandardCharsets.UTF_8);
            List<String> console = Files.readAllLines(home.resolve("stderr"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(":CONSOLE")).toList();
            if (process.exitValue() != 0) {
                return fail("Chromium exited with " + process.exitValue() + " on " + page + ":\n"
                        + Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8));
            }
            return new Run(stdout, console, trap.requests());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while Chromium ran");
        } finally {
            delete(home);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is not a test failure
        }
    }
}
