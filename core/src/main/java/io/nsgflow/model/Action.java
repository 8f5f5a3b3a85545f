package io.nsgflow.model;

/** What the rule decided for a flow. */
public enum Action {
    ALLOW("allow"),
    DENY("deny");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
