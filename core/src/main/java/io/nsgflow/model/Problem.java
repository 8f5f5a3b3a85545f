package io.nsgflow.model;

/** Why part of the input was skipped. Each kind is counted separately for {@code summary}. */
public enum Problem {
    UNREADABLE_INPUT("unreadable input"),
    BAD_JSON("malformed or truncated JSON"),
    NOT_FLOW_LOG("not a flow log"),
    UNSUPPORTED_VERSION("unsupported version"),
    BAD_RECORD("malformed record"),
    BAD_TUPLE("malformed tuple");

    private final String label;

    Problem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
