package io.nsgflow.model;

/** Which way a flow crossed the network interface, as seen from the NIC. */
public enum Direction {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The lower-case name used in every output format. */
    public String label() {
        return label;
    }
}
