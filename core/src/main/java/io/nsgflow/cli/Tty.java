package io.nsgflow.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the JDK cannot say about the terminal. {@link System#console()} is null whenever stdin is
 * not a terminal either ({@code cat blob | nsgflow flows}), so whether stdout is a terminal is
 * read from the file descriptor's target on Linux; elsewhere the console is the best guess. The
 * width is {@code $COLUMNS} when set (as {@code ls} honours it), else what {@code stty size}
 * says of the controlling terminal: one short process, run only for a table on a terminal
 * (about 10 ms, where JLine's terminal would add its classes to every start).
 */
final class Tty {
    /** The width assumed for a terminal whose size cannot be read. */
    static final int DEFAULT_WIDTH = 80;

    private Tty() {
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** The width for tables: {@code $COLUMNS}, else the terminal's, else 80 on a terminal and no limit elsewhere. */
    static int width(String columnsVariable, boolean stdoutIsTerminal) {
        int fromEnv = parseWidth(columnsVariable);
        if (fromEnv > 0) {
            return fromEnv;
        }
        if (!stdoutIsTerminal) {
            return 0;
        }
        int measured = sttyColumns();
        return measured > 0 ? measured : DEFAULT_WIDTH;
    }

    /** A positive width from text, clamped to what a terminal can be; 0 when it is not one. */
    static int parseWidth(String text) {
        if (text == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(text.trim());
            return n > 0 ? (int) Math.min(n, io.nsgflow.format.WriterOptions.MAX_WIDTH) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code stty size} of /dev/tty ("rows columns"), or 0 when it cannot be read. */
    private static int sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return 0;
            }
            String[] parts = out.split("\\s+");
            return parts.length == 2 ? parseWidth(parts[1]) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
