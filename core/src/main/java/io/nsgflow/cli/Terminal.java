package io.nsgflow.cli;

import java.io.InputStream;
import java.io.Writer;

/**
 * The process's streams, passed down explicitly so that tests run the whole CLI in-process.
 *
 * @param out           where data goes (stdout)
 * @param err           where diagnostics go (stderr)
 * @param in            standard input, read for {@code -} or when no path is given
 * @param outIsTerminal stdout is a terminal: flush every line for the person watching
 * @param errIsTerminal stderr is a terminal: a progress line may be drawn there
 */
public record Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal, boolean errIsTerminal) {
    /** Streams whose stderr is not a terminal, as in tests and pipes. */
    public Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal) {
        this(out, err, in, outIsTerminal, false);
    }
}
