package io.nsgflow.checkpoint;

import java.time.Instant;
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
     * not counted as new flows; {@code keys} holds {@link #WIDTH} longs per connection, the last
     * one the epoch second of its latest tuple.
     *
     * @param keys    the connections, opaque except for the time
     * @param dropped connections forgotten because of the bound, over all runs
     */
    public record Connections(long[] keys, long dropped) {
        public static final int WIDTH = 7;
        public static final Connections NONE = new Connections(new long[0], 0);

        public int count() {
            return keys.length / WIDTH;
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
