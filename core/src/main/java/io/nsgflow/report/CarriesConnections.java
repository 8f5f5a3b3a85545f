package io.nsgflow.report;

/**
 * A reporter that counts connections, whose open ones a checkpoint carries from one run to the
 * next, so that a connection begun in an earlier run is not counted again when its later tuples
 * come. The keys are opaque: {@link #CONNECTION_WIDTH} longs each.
 */
public interface CarriesConnections {
    /** Longs per connection key. */
    int CONNECTION_WIDTH = FlowKeySet.WIDTH;

    /**
     * Connections an earlier run left open, and those it counted from their {@code C}/{@code E}
     * tuples alone (whose later tuples are no new flow either); called before the first row.
     */
    void carry(long[] open, long[] orphaned);

    /** The connections open at the end of the input; called after {@link Reporter#finish}. */
    long[] openConnections();

    /** The connections counted from their {@code C}/{@code E} tuples alone, carried ones included; called after {@link Reporter#finish}. */
    long[] orphanedConnections();
}
