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
    /**
     * The format version this build writes, and the newest it reads. Version 2 added blobs (an
     * {@code etag}, no head hash) and {@code connections.orphaned}; version 1 files read as they are.
     */
    public static final int VERSION = 2;

    /**
     * Connections begun and not yet ended, carried to the next run so that their later tuples are
     * not counted as new flows; and the connections seen only by their {@code C}/{@code E} tuples
     * (begun before the first run), already counted as one flow each, carried so that their tuples
     * in later runs are not counted again. At most {@link #LIMIT} of each are carried, in the order
     * they were first carried; past it, those carried longest are dropped first (a connection whose
     * end never comes, its network interface gone, ages out this way). A dropped open connection's
     * later tuples count as a flow that began before the input, as they would without a
     * checkpoint; a dropped orphan's later tuples count as one more such flow.
     *
     * @param keys     {@link #WIDTH} longs per open connection, opaque
     * @param dropped  connections dropped because of the bound, over all runs
     * @param orphaned {@link #WIDTH} longs per connection counted from its {@code C}/{@code E} tuples alone
     */
    public record Connections(long[] keys, long dropped, long[] orphaned) {
        public static final int WIDTH = CarriesConnections.CONNECTION_WIDTH;
        /** About 100 bytes each in the checkpoint file: 10 MB at most for each kind. */
        public static final int LIMIT = 100_000;
        public static final Connections NONE = new Connections(new long[0], 0, new long[0]);

        public int count() {
            return keys.length / WIDTH;
        }

        public int orphanCount() {
            return orphaned.length / WIDTH;
        }

        /** What to carry next, from the connections open and orphaned at the end of a run; at most {@code limit} of each. */
        public Connections next(long[] open, long[] orphans, int limit) {
            long[] nextOpen = carried(keys, open, limit);
            long[] nextOrphaned = carried(orphaned, orphans, limit);
            long over = Math.max(0, open.length - nextOpen.length) / WIDTH + Math.max(0, orphans.length - nextOrphaned.length) / WIDTH;
            return new Connections(nextOpen, dropped + over, nextOrphaned);
        }

        /** Those of {@code now} already in {@code before}, in its order, then the others; the last {@code limit}. */
        private static long[] carried(long[] before, long[] now, int limit) {
            Set<LongBuffer> pending = new HashSet<>();
            for (int o = 0; o < now.length; o += WIDTH) {
                pending.add(LongBuffer.wrap(now, o, WIDTH).slice());
            }
            long[] out = new long[now.length];
            int n = 0;
            for (int o = 0; o < before.length; o += WIDTH) {
                if (pending.remove(LongBuffer.wrap(before, o, WIDTH).slice())) {
                    System.arraycopy(before, o, out, n, WIDTH);
                    n += WIDTH;
                }
            }
            for (int o = 0; o < now.length; o += WIDTH) {
                if (pending.contains(LongBuffer.wrap(now, o, WIDTH).slice())) {
                    System.arraycopy(now, o, out, n, WIDTH);
                    n += WIDTH;
                }
            }
            int over = Math.max(0, n / WIDTH - limit);
            return Arrays.copyOfRange(out, over * WIDTH, n);
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
