package io.nsgflow.checkpoint;

import io.nsgflow.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * nsgflow as a real process (its own JVM, on the test's class path), for what an in-process run
 * cannot show: signals, a kill at any point, output as another program sees it.
 */
public final class NsgflowProcess {
    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private NsgflowProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), out);
        drain(process.getErrorStream(), err);
    }

    public static NsgflowProcess start(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            return new NsgflowProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything written to stdout so far. */
    public String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stdout's complete lines so far: a process killed mid-line leaves a part of one that no reader would take. */
    public String completeLines() {
        String s = out();
        return s.substring(0, s.lastIndexOf('\n') + 1);
    }

    public String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until stdout satisfies {@code done}; false on timeout or when the process ends first. */
    public boolean awaitOut(Predicate<String> done, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (done.test(out())) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(50); // the last bytes may still be in the pipe
                return done.test(out());
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return waitFor();
    }

    /** SIGKILL: no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        Thread.sleep(50); // let the drain threads take the last bytes
        return code;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static void drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process is gone: what was read is all there is
            }
        }, "nsgflow-process-drain");
        t.setDaemon(true);
        t.start();
    }
}
