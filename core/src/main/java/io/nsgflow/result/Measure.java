package io.nsgflow.result;

/**
 * What a number measures, so that a writer for people can make it readable ({@code 1.2 GB},
 * {@code 3.4 M}, {@code 42.1%}) while machine formats keep it exact. Identifiers that happen to
 * be numbers (a port, a version) are {@link #NONE}: never abbreviated.
 */
public enum Measure {
    NONE,
    /** A count of things: flows, tuples, packets, sources. */
    COUNT,
    /** A number of bytes. */
    BYTES,
    /** A share of a whole, from 0 to 1. */
    FRACTION,
    /** A duration in seconds. */
    SECONDS
}
