package io.nsgflow.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One flow-log record as read, before its tuples are decoded: the header strings, the groups
 * (NSG: rule and MAC; VNet: ACL and rule) and the raw tuple text, copied into one reusable
 * character buffer. A record is handed on only once it is complete, so a file cut in the middle
 * of a record never yields half of it, and keys may come in any order (a re-indented or
 * key-sorted file puts {@code properties} before {@code resourceId}).
 *
 * <p>One instance is reused for every record of a reader: consumers must not keep it.
 */
public final class RawRecord {
    /** The names a group of tuples carries; which level of the schema gives which is {@link FlowLogSchema}'s data. */
    enum Name {
        RULE, MAC, ACL
    }

    /** A run of tuples that share a rule and a MAC (NSG) or an ACL and a rule (VNet). */
    public static final class Group {
        String rule;
        String mac;
        String aclId;
        int firstTuple;
        int endTuple;

        void set(Name name, String value) {
            switch (name) {
                case RULE -> rule = value;
                case MAC -> mac = value;
                case ACL -> aclId = value;
            }
        }

        public String rule() {
            return rule;
        }

        /** NSG only: the {@code mac} of the inner flows entry. */
        public String mac() {
            return mac;
        }

        /** VNet only: the {@code aclID} of the flows entry. */
        public String aclId() {
            return aclId;
        }

        public int firstTuple() {
            return firstTuple;
        }

        public int endTuple() {
            return endTuple;
        }
    }

    long index;
    long byteOffset;
    String time;
    String category;
    String macAddress;
    String resourceId;
    String flowLogResourceId;
    String targetResourceId;
    /** Each schema's version field ({@code properties.Version}, {@code flowLogVersion}), or -1 when absent. */
    private final int[] versions = new int[FlowLogSchema.ALL.length];
    /** Which schemas' nested arrays the record has, a bit per {@link FlowLogSchema} ordinal. */
    private int schemas;
    final List<String> problems = new ArrayList<>();

    private final List<Group> groups = new ArrayList<>();
    private int groupCount;
    private char[] chars = new char[8192];
    private int charCount;
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int tupleCount;

    void reset(long index, long byteOffset) {
        this.index = index;
        this.byteOffset = byteOffset;
        time = null;
        category = null;
        macAddress = null;
        resourceId = null;
        flowLogResourceId = null;
        targetResourceId = null;
        Arrays.fill(versions, -1);
        schemas = 0;
        problems.clear();
        groupCount = 0;
        charCount = 0;
        tupleCount = 0;
    }

    /** Opens a new group; its tuples are those added until the next call. */
    Group startGroup() {
        if (groupCount == groups.size()) {
            groups.add(new Group());
        }
        Group g = groups.get(groupCount++);
        g.rule = null;
        g.mac = null;
        g.aclId = null;
        g.firstTuple = tupleCount;
        g.endTuple = tupleCount;
        return g;
    }

    void endGroup(Group g) {
        g.endTuple = tupleCount;
    }

    /** Gives every group opened since {@code fromGroup} the name an enclosing entry carries. */
    void nameGroups(int fromGroup, Name name, String value) {
        for (int i = fromGroup; i < groupCount; i++) {
            groups.get(i).set(name, value);
        }
    }

    void setVersion(FlowLogSchema schema, int version) {
        versions[schema.ordinal()] = version;
    }

    /** Notes that the record has {@code schema}'s array of entries. */
    void markSchema(FlowLogSchema schema) {
        schemas |= 1 << schema.ordinal();
    }

    void addTuple(char[] text, int off, int len) {
        if (tupleCount == starts.length) {
            starts = Arrays.copyOf(starts, tupleCount * 2);
            lengths = Arrays.copyOf(lengths, tupleCount * 2);
        }
        if (charCount + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + len));
        }
        System.arraycopy(text, off, chars, charCount, len);
        starts[tupleCount] = charCount;
        lengths[tupleCount] = len;
        charCount += len;
        tupleCount++;
    }

    int groupCount() {
        return groupCount;
    }

    /** The record's position in its input, from 0. */
    public long index() {
        return index;
    }

    /** Where the record starts in its input (of the uncompressed bytes). */
    public long byteOffset() {
        return byteOffset;
    }

    public String time() {
        return time;
    }

    public String category() {
        return category;
    }

    public String macAddress() {
        return macAddress;
    }

    public String resourceId() {
        return resourceId;
    }

    public String flowLogResourceId() {
        return flowLogResourceId;
    }

    public String targetResourceId() {
        return targetResourceId;
    }

    /** A version field that is there but not a number: the reader has said so among {@link #problems()}. */
    public static final int NOT_A_VERSION = -2;

    /** {@code properties.Version}, or -1 when absent, {@link #NOT_A_VERSION}. */
    public int nsgVersion() {
        return versions[FlowLogSchema.NSG.ordinal()];
    }

    /** {@code flowLogVersion}, or -1 when absent, {@link #NOT_A_VERSION}. */
    public int vnetVersion() {
        return versions[FlowLogSchema.VNET.ordinal()];
    }

    /** True when the record has {@code properties.flows}, the NSG flow-log shape. */
    public boolean hasNsgFlows() {
        return (schemas & 1 << FlowLogSchema.NSG.ordinal()) != 0;
    }

    /** True when the record has {@code flowRecords.flows}, the VNet flow-log shape. */
    public boolean hasVnetFlows() {
        return (schemas & 1 << FlowLogSchema.VNET.ordinal()) != 0;
    }

    /** Structural problems met while reading the record (an entry of the wrong JSON type...). */
    public List<String> problems() {
        return problems;
    }

    public List<Group> groups() {
        return groups.subList(0, groupCount);
    }

    public int tupleCount() {
        return tupleCount;
    }

    /** The buffer that holds every tuple's text; read it, never keep or change it. */
    public char[] chars() {
        return chars;
    }

    public int tupleStart(int tuple) {
        return starts[tuple];
    }

    public int tupleLength(int tuple) {
        return lengths[tuple];
    }
}
