package io.nsgflow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM as a request to stop, for {@code follow}: the JVM's shutdown hook asks the
 * command to stop, waits until it has written its last row and saved its checkpoint, and ends the
 * process with the command's own exit code rather than the signal's. Waiting between polls is done
 * here, so that a request ends the wait at once; the reading thread is never interrupted (that
 * would close the file it reads).
 */
final class StopSignal implements AutoCloseable {
    /** How long the hook waits for the command to finish; past it, the process ends anyway. */
    private static final long GRACE_SECONDS = 60;

    private final Thread hook = new Thread(this::onSignal, "nsgflow-stop");
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile int exitCode;

    private StopSignal() {
    }

    static StopSignal install() {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    boolean requested() {
        return requested;
    }

    /** Sleeps for {@code millis}, or less when a stop is requested meanwhile. */
    synchronized void sleep(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            for (long left = millis; !requested && left > 0; left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
                wait(left);
            }
        } catch (InterruptedException e) {
            requested = true;
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done, with {@code code}: a hook waiting for it may now end the process. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    /** Unregisters the hook when the command ended on its own ({@code --until}); during a shutdown, there is nothing to undo. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it ends the process once finished() was called
        }
    }

    private void onSignal() {
        synchronized (this) {
            requested = true;
            notifyAll();
        }
        try {
            if (finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(exitCode); // the command's code: a requested stop is no error
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
