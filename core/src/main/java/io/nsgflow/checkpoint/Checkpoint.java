package io.nsgflow.checkpoint;

import io.nsgflow.report.CarriesConnections;
import java.nio.LongBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The state a checkpoint file holds (format: docs/CHECKPOINT.md).
 *
 * @param command     the command that wrote it ({@code follow} and {@code flows} share checkpoints)
 * @param arguments   the inputs it was written for, as absolute paths
 * @param savedAt     when it was saved; null for a checkpoint not yet saved
 * @param marks       per input file, by {@link Mark#id()}, in id order
 * @param connections connections still open at the end of the last run
 */
public record Checkpoint(String command, List<String> arguments, Instant savedAt, Map<String, Mark> marks,
                         Connections connections) {
    /** The format version this build writes, and the newest it reads. */
    public static final int VERSION = 1;

    /**
     * Connections begun and not yet ended, carried to the next run so that their later tuples are
     * not counted as new flows. At most {@link #LIMIT} are carried, in the order they were first
     * carried; past it, those carried longest are dropped first (a connection whose end never
     * comes, its network interface gone, ages out this way), and their later tuples count as a
     * flow that began before the input, as they would without a checkpoint.
     *
     * @param keys    {@link #WIDTH} longs per connection, opaque
     * @param dropped connections dropped because of the bound, over all runs
     */
    public record Connections(long[] keys, long dropped) {
        public static final int WIDTH = CarriesConnections.CONNECTION_WIDTH;
        /** About 100 bytes each in the checkpoint file: 10 MB at most. */
        public static final int LIMIT = 100_000;
        public static final Connections NONE = new Connections(new long[0], 0);

        public int count() {
            return keys.length / WIDTH;
        }

        /** What to carry next: those of these still open, in their order, then the newly opened; at most {@code limit}. */
        public Connections next(long[] open, int limit) {
            Set<LongBuffer> now = new HashSet<>();
            for (int o = 0; o < open.length; o += WIDTH) {
                now.add(LongBuffer.wrap(open, o, WIDTH).slice());
            }
            long[] out = new long[open.length];
            int n = 0;
            for (int o = 0; o < keys.length; o += WIDTH) {
                if (now.remove(LongBuffer.wrap(keys, o, WIDTH).slice())) {
                    System.arraycopy(keys, o, out, n, WIDTH);
                    n += WIDTH;
                }
            }
            for (int o = 0; o < open.length; o += WIDTH) {
                if (now.contains(LongBuffer.wrap(open, o, WIDTH).slice())) {
                    System.arraycopy(open, o, out, n, WIDTH);
                    n += WIDTH;
                }
            }
            int over = Math.max(0, n / WIDTH - limit);
            return new Connections(Arrays.copyOfRange(out, over * WIDTH, n), dropped + over);
        }
    }

    /** Whether this checkpoint was written for the same job: the same kind of command over the same inputs. */
    public boolean sameJob(String otherCommand, List<String> otherArguments) {
        return family(command).equals(family(otherCommand)) && arguments.equals(otherArguments);
    }

    /** {@code follow} prints what {@code flows} prints, so the two may take turns with one checkpoint. */
    private static String family(String command) {
        return command.equals("follow") ? "flows" : command;
    }
}
