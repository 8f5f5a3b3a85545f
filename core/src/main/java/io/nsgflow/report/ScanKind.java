package io.nsgflow.report;

/** The shape of a scan. */
public enum ScanKind {
    /** Many ports on one host. */
    VERTICAL("vertical"),
    /** One port on many hosts. */
    HORIZONTAL("horizontal"),
    /** Many ports and many hosts. */
    MIXED("mixed");

    private final String label;

    ScanKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
