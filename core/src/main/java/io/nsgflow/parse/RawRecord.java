package io.nsgflow.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One flow-log record as read, before its tuples are decoded: the header strings, the groups
 * (NSG: rule and MAC; VNet: ACL and rule) and the raw tuple text, copied into one reusable
 * byte buffer as UTF-8 ({@link TupleText}: a byte a character, as tuples are ASCII). A record is handed on only once it is complete, so a file cut in the middle
 * of a record never yields half of it, and keys may come in any order (a re-indented or
 * key-sorted file puts {@code properties} before {@code resourceId}).
 *
 * <p>A record whose tuples outgrow {@link #spillBytes} bytes is not held: its tuples so far
 * and all the rest go to a {@link SpillFile} as they are read, and only its header and groups stay
 * in memory; such a record is {@link #spilled()}, and its tuples are {@link #load loaded} one at a
 * time, in order, once the record is complete. So a record of a million tuples costs a few MB of
 * heap rather than three to four times its size, and is still handed on only when its closing
 * brace has been read.
 *
 * <p>One instance is reused for every record of a reader: consumers must not keep it.
 */
public final class RawRecord {
    /**
     * The system property that sets {@link #spillBytes} (how tests make small records spill). It
     * counts the tuples' UTF-8 bytes, which are their characters, tuples being ASCII: its name
     * says characters, as it did when the text was held as chars, and it means what it meant.
     */
    static final String SPILL_PROPERTY = "nsgflow.record.spillChars";
    /**
     * Tuple text held in memory before a record spills: 4 MiB (4 Mi characters of ASCII tuples,
     * about 60,000 tuples, a hundred times the largest record Azure writes), so that every real
     * record is read as before, in memory, and a huge one costs a bounded few tens of MB even at
     * a small heap.
     */
    static final int DEFAULT_SPILL_BYTES = 4 << 20;
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
        /** Where its first tuple is (or would be) in the spill file, when the record is spilled. */
        long spillAt;

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
    private byte[] bytes = new byte[8192];
    private int byteCount;
    /** A tuple that is not ASCII (or goes to the spill file), encoded before it is added as bytes. */
    private byte[] encoded = new byte[256];
    private int[] starts = new int[256];
    private int[] lengths = new int[256];
    private int tupleCount;
    /** Tuple bytes held in memory at most; past them the record spills. */
    private final int spillBytes;
    private SpillFile spill;
    private boolean spilled;
    /** The spilled tuple last loaded, -1 before the first. */
    private int loaded = -1;

    RawRecord(int spillBytes) {
        this.spillBytes = spillBytes;
    }

    /** The spill threshold {@link #SPILL_PROPERTY} sets, or the default. */
    static int spillBytes() {
        return Integer.getInteger(SPILL_PROPERTY, DEFAULT_SPILL_BYTES);
    }

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
        byteCount = 0;
        tupleCount = 0;
        spilled = false; // the spill file is kept open for the next record that needs it, and cleared then
        loaded = -1;
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
        g.spillAt = spilled ? spill.size() : 0;
        return g;
    }

    void endGroup(Group g) {
        g.endTuple = tupleCount;
    }

    /** Forgets the groups from {@code fromGroup} on, with their tuples: a repeated key's earlier value, which the last replaces. */
    void dropGroups(int fromGroup) throws IOException {
        if (fromGroup < groupCount) {
            dropTuples(groups.get(fromGroup));
            groupCount = fromGroup;
        }
    }

    /** Forgets the tuples of {@code group} on (the group being read, when its tuple list repeats). */
    void dropTuples(Group group) throws IOException {
        if (group.firstTuple < tupleCount) {
            if (spilled) {
                spill.truncate(group.spillAt);
            } else {
                byteCount = starts[group.firstTuple];
            }
            tupleCount = group.firstTuple;
        }
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

    boolean hasSchema(FlowLogSchema schema) {
        return (schemas & 1 << schema.ordinal()) != 0;
    }

    /** Forgets {@code schema}'s entries, from group {@code fromGroup} on: its container repeats, and the last one wins. */
    void dropSchema(FlowLogSchema schema, int fromGroup) throws IOException {
        if (hasSchema(schema)) {
            dropGroups(fromGroup);
            schemas &= ~(1 << schema.ordinal());
        }
    }

    /**
     * Adds a tuple whose text is {@code text[off, off+len)}, UTF-8 as {@link TupleText} writes it
     * (for a tuple read straight from the input's bytes: ASCII is the same either way).
     */
    void addTuple(byte[] text, int off, int len) throws IOException {
        if (!reserve(len)) {
            try {
                spill.append(0, text, off, len);
            } catch (IOException e) {
                throw spillFailed(e);
            }
            tupleCount++;
            return;
        }
        System.arraycopy(text, off, bytes, byteCount, len);
        held(len);
    }

    /**
     * Adds a tuple from the chars Jackson decoded: widened a byte a char while they are ASCII, as
     * every valid tuple is; anything else is encoded aside first (rare, and always a bad tuple or
     * an unusual VNet encryption value).
     */
    void addTuple(char[] text, int off, int len) throws IOException {
        if (reserve(len) && TupleText.widenAscii(text, off, len, bytes, byteCount)) {
            held(len);
            return;
        }
        if (encoded.length < len * TupleText.MAX_BYTES_PER_CHAR) {
            encoded = new byte[Math.max(len * TupleText.MAX_BYTES_PER_CHAR, encoded.length * 2)];
        }
        addTuple(encoded, 0, TupleText.encode(text, off, len, encoded, 0));
    }

    /**
     * Makes room in memory for a tuple of {@code len} bytes, spilling the record when it would
     * outgrow {@link #spillBytes}; false when the record is (now) spilled and the tuple goes to
     * the file.
     */
    private boolean reserve(int len) throws IOException {
        if (!spilled && byteCount + len > spillBytes) {
            spillHeld();
        }
        if (spilled) {
            return false;
        }
        if (tupleCount == starts.length) {
            starts = Arrays.copyOf(starts, tupleCount * 2);
            lengths = Arrays.copyOf(lengths, tupleCount * 2);
        }
        if (byteCount + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(Math.max(bytes.length * 2, byteCount + len), Math.max(spillBytes, len)));
        }
        return true;
    }

    /** Notes the tuple of {@code len} bytes just written at the end of the held text. */
    private void held(int len) {
        starts[tupleCount] = byteCount;
        lengths[tupleCount] = len;
        byteCount += len;
        tupleCount++;
    }

    /**
     * Moves the tuples held so far to the spill file, noting where each group's first tuple is
     * there, and lets go of the buffers that held them: from now on tuples go to the file.
     */
    private void spillHeld() throws IOException {
        try {
            if (spill == null) {
                spill = SpillFile.create();
            } else {
                spill.clear();
            }
            int g = 0;
            for (int t = 0; t <= tupleCount; t++) {
                for (; g < groupCount && groups.get(g).firstTuple == t; g++) {
                    groups.get(g).spillAt = spill.size();
                }
                if (t < tupleCount) {
                    spill.append(0, bytes, starts[t], lengths[t]);
                }
            }
        } catch (IOException e) {
            throw spillFailed(e);
        }
        spilled = true;
        byteCount = 0;
        bytes = new byte[8192];
        starts = new int[256];
        lengths = new int[256];
    }

    /** Says why a record too large to hold cannot go on: the temporary directory is missing, unwritable or full. */
    private static IOException spillFailed(IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new IOException("a record too large to hold in memory cannot spill its tuples to a temporary file in "
                + System.getProperty("java.io.tmpdir") + " (" + reason + "; set another with NSGFLOW_JAVA_OPTS=-Djava.io.tmpdir=DIR)", e);
    }

    /** Closes the spill file, if one was made: at the end of a read, the records read are done with. */
    void releaseSpill() {
        if (spill != null) {
            spill.close();
            spill = null;
            spilled = false;
        }
    }

    int groupCount() {
        return groupCount;
    }

    /** True when the record's tuples are in a spill file rather than in memory: see {@link #load}. */
    public boolean spilled() {
        return spilled;
    }

    /** Bytes the spilled tuples take in the spill file (0 for a record held in memory). */
    public long spilledBytes() {
        return spilled ? spill.size() : 0;
    }

    /**
     * Makes tuple {@code tuple}'s text readable: in {@link #bytes()} from {@link #tupleStart} for
     * {@link #tupleLength} bytes. A no-op for a record held in memory, where every tuple is
     * readable at once. For a {@link #spilled()} record only the tuple loaded last is, and tuples
     * are read from the file in order: loading an earlier one starts again from the first.
     *
     * @throws UncheckedIOException when the spill file cannot be read back
     */
    public void load(int tuple) {
        if (!spilled || tuple == loaded) {
            return;
        }
        try {
            if (tuple < loaded || loaded < 0) {
                spill.rewind();
                loaded = -1;
            }
            while (loaded < tuple) {
                if (!spill.next()) {
                    throw new IOException("the spill file ends before tuple " + tuple);
                }
                loaded++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * The buffer that holds the tuples' text, UTF-8 as {@link TupleText} writes it (for a spilled
     * record, the one {@link #load loaded}); read it, never keep or change it.
     */
    public byte[] bytes() {
        return spilled ? spill.text() : bytes;
    }

    public int tupleStart(int tuple) {
        return spilled ? loadedOnly(tuple, 0) : starts[tuple];
    }

    public int tupleLength(int tuple) {
        return spilled ? loadedOnly(tuple, spill.length()) : lengths[tuple];
    }

    /** {@code value} when {@code tuple} is the spilled tuple loaded last; a caller that forgot to load it is a bug. */
    private int loadedOnly(int tuple, int value) {
        if (tuple != loaded) {
            throw new IllegalStateException("tuple " + tuple + " of a spilled record is not loaded (tuple " + loaded + " is)");
        }
        return value;
    }
}
