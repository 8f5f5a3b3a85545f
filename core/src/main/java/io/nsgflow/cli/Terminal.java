package io.nsgflow.cli;

import java.io.InputStream;
import java.io.Writer;
import java.util.function.IntSupplier;

/**
 * The process's streams, passed down explicitly so that tests run the whole CLI in-process.
 *
 * @param out           where data goes (stdout)
 * @param err           where diagnostics go (stderr)
 * @param in            standard input, read for {@code -} or when no path is given
 * @param outIsTerminal stdout is a terminal: flush every line for the person watching
 * @param width         the width a table fits itself into, 0 for no limit; asked only by a
 *                      format that fits the terminal, since finding it out may cost a process
 * @param inIsTerminal  stdin is a terminal: reading it without a path waits for someone typing
 * @param errIsTerminal stderr is a terminal: a progress line may be drawn there
 */
public record Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal, IntSupplier width,
        boolean inIsTerminal, boolean errIsTerminal) {
    /** Streams with no width limit, as for output to a file; neither stdin nor stderr a terminal. */
    public Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal) {
        this(out, err, in, outIsTerminal, () -> 0, false, false);
    }

    /** Neither stdin nor stderr a terminal, as in tests and pipes. */
    public Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal, IntSupplier width) {
        this(out, err, in, outIsTerminal, width, false, false);
    }
}
