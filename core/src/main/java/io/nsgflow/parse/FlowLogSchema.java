package io.nsgflow.parse;

/**
 * The nested layout of the two flow-log schemas, as data for {@link RecordFields}' one reader.
 * Both nest the same way: a container object holding an array of entries, each entry naming
 * something and holding an array of groups, each group naming something and holding
 * {@code flowTuples}:
 * <pre>
 * NSG:  properties {Version, flows: [{rule,  flows:      [{mac,  flowTuples}]}]}
 * VNet: flowRecords {flows:          [{aclID, flowGroups: [{rule, flowTuples}]}]}, flowLogVersion beside it
 * </pre>
 */
enum FlowLogSchema {
    NSG("properties", null, "Version",
            new Level("flows", "properties.flows", "rule", RawRecord.Name.RULE),
            new Level("flows", "rule flows", "mac", RawRecord.Name.MAC)),
    VNET("flowRecords", "flowLogVersion", null,
            new Level("flows", "flowRecords.flows", "aclID", RawRecord.Name.ACL),
            new Level("flowGroups", "flowGroups", "rule", RawRecord.Name.RULE));

    /** Where a group's tuples are, in both schemas. */
    static final String TUPLES = "flowTuples";

    /**
     * One level of nesting: an array of objects, each of which names something.
     *
     * @param array     the array's field name
     * @param label     what messages call the array (its entries are "{@code label} entry")
     * @param nameField the field of each entry that names it
     * @param name      which name of the groups that field gives
     */
    record Level(String array, String label, String nameField, RawRecord.Name name) {
    }

    /** The record field that holds the nested arrays. */
    final String container;
    /** The record field holding the schema's version, or null. */
    final String recordVersion;
    /** The container field holding the schema's version, or null. */
    final String containerVersion;
    /** The container's array: one entry per rule (NSG) or ACL (VNet). */
    final Level entries;
    /** Each entry's array: one group of tuples per MAC (NSG) or rule (VNet). */
    final Level groups;

    FlowLogSchema(String container, String recordVersion, String containerVersion, Level entries, Level groups) {
        this.container = container;
        this.recordVersion = recordVersion;
        this.containerVersion = containerVersion;
        this.entries = entries;
        this.groups = groups;
    }

    /** Every schema; {@link #values()} copies its array on each call. */
    static final FlowLogSchema[] ALL = values();
}
