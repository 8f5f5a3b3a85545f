package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM as a request to stop, for every command that reads: the JVM's shutdown hook
 * asks the command to stop, waits until it has written its last row, closed its document (a JSON
 * array, a table) and, for {@code follow}, saved its checkpoint, then ends the process with the
 * command's exit code. Reading stops between two records, so no row is cut. Waiting between
 * polls is done here, so that a request ends the wait at once; the reading thread is never
 * interrupted (that would close the file it reads).
 *
 * <p>Which signal came is kept (SIGINT or SIGTERM, through {@code sun.misc.Signal}, the only way
 * the JDK tells them apart), so that a report can end with the shell's code for it, 130 or 143.
 */
final class StopSignal implements AutoCloseable {
    /** The exit code of a process ended by signal {@code n} is 128 + n, as shells report it. */
    private static final int SIGNALLED = 128;
    /** SIGTERM's number: what is assumed when the shutdown was not begun by a signal seen here. */
    private static final int SIGTERM = 15;
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final Thread hook = new Thread(this::onSignal, "nsgflow-stop");
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long graceSeconds;
    private final List<Signal> handled = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile boolean requested;
    private volatile int signal = SIGTERM;
    private volatile int exitCode;

    private StopSignal(long graceSeconds) {
        this.graceSeconds = graceSeconds;
    }

    /**
     * Installs the hook; past {@code graceSeconds} after a signal the process ends anyway (a command
     * blocked reading a terminal or a pipe never reaches the next record).
     */
    static StopSignal install(long graceSeconds) {
        StopSignal s = new StopSignal(graceSeconds);
        Runtime.getRuntime().addShutdownHook(s.hook);
        for (String name : SIGNALS) {
            try {
                Signal sig = new Signal(name);
                s.previous.add(Signal.handle(sig, received -> {
                    s.signal = received.getNumber();
                    System.exit(SIGNALLED + received.getNumber()); // runs the hook, as the JVM's own handler would
                }));
                s.handled.add(sig);
            } catch (IllegalArgumentException unavailable) {
                // a platform without it, or the JVM run with -Xrs: the shutdown hook alone still stops cleanly
            }
        }
        return s;
    }

    /** A command that reads, able to stop early when {@link #requested()}. */
    interface Stoppable {
        /** @return the command's exit code */
        int run(StopSignal stop);
    }

    /**
     * Runs {@code command} with Ctrl-C and SIGTERM as a request to stop. When reading stopped early
     * ({@link Pipeline.Stopped}), {@code stopped} completes or explains what the command began;
     * either way a requested stop ends with the signal's code, once the output is whole.
     */
    static int run(long graceSeconds, Stoppable command, Runnable stopped) {
        try (StopSignal stop = install(graceSeconds)) {
            int code;
            try {
                code = command.run(stop);
            } catch (Pipeline.Stopped e) {
                stopped.run();
                code = stop.signalExitCode();
            }
            if (stop.requested()) {
                code = stop.signalExitCode(); // stopped while writing the answer, which is now whole
            }
            stop.finished(code);
            return code;
        }
    }

    boolean requested() {
        return requested;
    }

    /** The code a shell gives a process ended by the signal that asked to stop: 130 for Ctrl-C, 143 for SIGTERM. */
    int signalExitCode() {
        return SIGNALLED + signal;
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

    /** Unregisters the hook and the handlers when the command ended on its own; during a shutdown, there is nothing to undo. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is running: it ends the process once finished() was called
        }
        for (int i = 0; i < handled.size(); i++) {
            Signal.handle(handled.get(i), previous.get(i));
        }
    }

    private void onSignal() {
        synchronized (this) {
            requested = true;
            notifyAll();
        }
        try {
            if (finished.await(graceSeconds, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(exitCode); // the command's code, once its output is whole
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
