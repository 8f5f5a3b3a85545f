package io.nsgflow.model;

/**
 * The state letter of a version-2 or VNet tuple. NSG version 1 has no state. {@code DENY} only
 * appears in VNet flow logs, where the state field carries the deny decision.
 */
public enum FlowState {
    BEGIN("begin"),
    CONTINUING("continuing"),
    END("end"),
    DENY("deny");

    private final String label;

    FlowState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
