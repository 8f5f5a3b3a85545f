package io.nsgflow.result;

/**
 * Consecutive cells of a row that many rows fill with the same values, written once per distinct
 * set of values and then copied whole into each row that has them again: {@code flows}' columns
 * that come from a record's group (version, subscription, resource group, NSG, rule, MAC), which
 * hundreds of rows in a row share, and its labels (protocol, direction, action, state), of which
 * a log has a few dozen combinations. The caller names the values by a key of its own, equal keys
 * for equal values: the run never looks at the values. Made by {@link TableSink#cellRun}; on
 * each row, used in place of those cells' calls:
 *
 * <pre>{@code
 * if (!run.repeat(key)) {
 *     run.begin();
 *     ... the run's cells, one call each ...
 *     run.end(key);
 * }
 * }</pre>
 */
public interface CellRun {
    /**
     * Writes the run's cells as they were written for {@code key} and returns true; returns false,
     * writing nothing, when they are not kept for that key.
     */
    boolean repeat(long key);

    /** Before the run's cells are written one by one. */
    void begin();

    /** After them: keeps what they wrote, to be repeated for {@code key}. */
    void end(long key);
}
