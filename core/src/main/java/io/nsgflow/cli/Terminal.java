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
 */
public record Terminal(Writer out, Writer err, InputStream in, boolean outIsTerminal) {
}
