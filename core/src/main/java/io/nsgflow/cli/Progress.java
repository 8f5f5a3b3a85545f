package io.nsgflow.cli;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line on stderr, redrawn in place while inputs are read: inputs done of total, MB read of
 * total, MB/s and time left. Drawn only on a terminal, from {@link #FIRST_DRAW_MS} on (a quick run
 * shows nothing), and erased as soon as the last input is read, before any answer is written.
 * Inputs are tracked through a wrapper that counts the bytes their streams give (decompressed,
 * for gzip; sizes are as stored, so a gzip input jumps to its size when it ends).
 */
final class Progress implements AutoCloseable {
    static final long FIRST_DRAW_MS = 1000;
    static final long REDRAW_MS = 250;
    private static final double MB = 1e6;

    private final Diagnostics diagnostics;
    private final int total;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private final AtomicLong doneInputs = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final ScheduledExecutorService ticker;

    private Progress(Diagnostics diagnostics, List<Input> inputs) {
        this.diagnostics = diagnostics;
        this.total = inputs.size();
        this.totalBytes = inputs.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nsgflow-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, FIRST_DRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * {@code inputs}, tracked by a progress line when one is wanted: stderr is a terminal, not
     * {@code --quiet}, and stdout is not the same screen receiving rows as they are read.
     */
    static List<Input> track(List<Input> inputs, Terminal terminal, boolean quiet, boolean writesOnlyAtTheEnd,
                             Diagnostics diagnostics, List<Progress> toClose) {
        boolean wanted = terminal.errIsTerminal() && !quiet && !inputs.isEmpty()
                && (writesOnlyAtTheEnd || !terminal.outIsTerminal())
                && !"dumb".equals(System.getenv("TERM"));
        if (!wanted) {
            return inputs;
        }
        Progress progress = new Progress(diagnostics, inputs);
        toClose.add(progress);
        List<Input> tracked = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            tracked.add(progress.new Tracked(input));
        }
        return tracked;
    }

    void draw() {
        if (doneInputs.get() >= total) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = doneBytes.get() + inFlightBytes.get();
        if (totalBytes > 0) {
            bytes = Math.min(bytes, totalBytes); // byte ranges overlap a little
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d/%d inputs, %.1f", doneInputs.get(), total, bytes / MB));
        if (totalBytes > 0) {
            line.append(String.format(Locale.ROOT, " of %.1f", totalBytes / MB));
        }
        line.append(String.format(Locale.ROOT, " MB, %.1f MB/s", seconds > 0 ? bytes / MB / seconds : 0));
        if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
            long left = Math.round(seconds * (totalBytes - bytes) / bytes);
            line.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
        }
        diagnostics.status(line.toString());
    }

    private void inputDone(long counted, long size) {
        inFlightBytes.addAndGet(-counted);
        doneBytes.addAndGet(size >= 0 ? size : counted);
        if (doneInputs.incrementAndGet() >= total) {
            close(); // the answer comes next: the line must be gone before it
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            diagnostics.clearStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An input whose stream counts what it gives, and says when it is closed. */
    private final class Tracked implements Input {
        private final Input input;

        Tracked(Input input) {
            this.input = input;
        }

        @Override
        public String name() {
            return input.name();
        }

        @Override
        public PathMetadata meta() {
            return input.meta();
        }

        @Override
        public long size() {
            return input.size();
        }

        @Override
        public InputStream open() throws IOException {
            InputStream in;
            try {
                in = input.open();
            } catch (IOException e) {
                inputDone(0, 0);
                throw e;
            }
            return new Counted(in, false);
        }

        @Override
        public boolean seekable() {
            return input.seekable();
        }

        /**
         * A byte range's stream: ranges overlap a little (a record read past a range's end, the
         * search for record starts), so their bytes count as read however they add up, up to the
         * total; the input is done when the stream that reached its end closes.
         */
        @Override
        public InputStream openAt(long offset) throws IOException {
            return new Counted(input.openAt(offset), true);
        }

        /** A stream of this input that counts what it gives. */
        private final class Counted extends FilterInputStream {
            private final boolean range;
            private long counted;
            private boolean ended;
            private boolean closed;

            Counted(InputStream in, boolean range) {
                super(in);
                this.range = range;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b >= 0 ? 1 : -1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(n);
                return n;
            }

            private void count(int n) {
                if (n > 0) {
                    counted += n;
                    inFlightBytes.addAndGet(n);
                }
                ended |= n < 0;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    if (!range) {
                        inputDone(counted, input.size());
                    } else {
                        inFlightBytes.addAndGet(-counted);
                        doneBytes.addAndGet(counted);
                        if (ended) {
                            inputDone(0, 0);
                        }
                    }
                }
                super.close();
            }
        }
    }
}
