package io.nsgflow.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.FlowRow;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.PathMetadata;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tuple whose text is not ASCII (rare: a bad tuple, or an unusual VNet encryption value) reads as
 * it did when tuples were held as chars, though they are now held as UTF-8 bytes: a message quotes
 * the tuple and the field cut at characters, not bytes; a character of several bytes is one
 * character; a lone surrogate from a JSON escape is kept as the char it is (and shown as
 * {@link io.nsgflow.format.TerminalText} shows it); repeats are told apart by their text. Each
 * case runs on a record held in memory and on one spilled to a temporary file.
 */
class NonAsciiTuplesTest {
    private static final String SPILL = "nsgflow.record.spillChars";
    private static final String START = "1715677210,198.51.100.23,10.20.1.4,52144,443,";
    private static final String VNET_START = "1715677210000,10.20.3.4,10.20.3.5,50000,8080,6,O,B,";

    private final StringWriter err = new StringWriter();

    /** {@code text} as a JSON string's content: surrogates as escapes (no UTF-8 has bytes for a lone one), the rest as it is. */
    private static String json(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    private static String nsgRecord(String... tuples) {
        List<String> quoted = new ArrayList<>();
        for (String t : tuples) {
            quoted.add("\"" + json(t) + "\"");
        }
        return "{\"time\":\"2024-05-14T09:01:10Z\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"macAddress\":\"000D3A4F2B19\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R\",\"flows\":[{\"flowTuples\":[" + String.join(",", quoted) + "]}]}]}}";
    }

    private static String vnetRecord(String... tuples) {
        List<String> quoted = new ArrayList<>();
        for (String t : tuples) {
            quoted.add("\"" + json(t) + "\"");
        }
        return "{\"time\":\"2024-05-14T09:01:10Z\",\"flowLogVersion\":4,\"macAddress\":\"6045bdf1a207\",\"category\":\"FlowLogFlowEvent\","
                + "\"flowRecords\":{\"flows\":[{\"aclID\":\"acl-1\",\"flowGroups\":[{\"rule\":\"R\",\"flowTuples\":[" + String.join(",", quoted) + "]}]}]}}";
    }

    /** The rows of {@code record}, read as the CLI reads it: held in memory, or spilled from its first tuple on. */
    private List<FlowRow> decode(String record, boolean spilled) {
        List<FlowRow> rows = new ArrayList<>();
        FileDiagnostics diag = new Diagnostics(err, false).forInput("t.json");
        RecordDecoder decoder = new RecordDecoder("t.json", PathMetadata.NONE, diag, row -> rows.add(row.copy()));
        byte[] bytes = ("{\"records\":[" + record + "]}").getBytes(StandardCharsets.UTF_8);
        if (spilled) {
            System.setProperty(SPILL, "1");
        }
        try {
            new RecordReader().read(new ByteArrayInputStream(bytes), diag, decoder::decode);
        } finally {
            System.clearProperty(SPILL);
        }
        diag.close();
        return rows;
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private static String skipped(int tuple, String quoted, String why) {
        return "nsgflow: t.json: record 0 tuple " + tuple + ": \"" + quoted + "\": " + why + "; tuple skipped";
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLetterOfSeveralBytesIsOneCharacterAndALetterOfTwoCharsIsNot(boolean spilled) {
        List<FlowRow> rows = decode(nsgRecord(START + "é,I,A,B,,,,", START + "☕,I,A,B,,,,", START + "😀,I,A,B,,,,", START + "T,I,A,B,,,,"), spilled);

        assertThat(rows).hasSize(1);
        assertThat(errLines()).containsExactly(
                skipped(0, START + "é,I,A,B,,,,", "protocol (field 6) 'é' is not T or U"),
                skipped(1, START + "☕,I,A,B,,,,", "protocol (field 6) '☕' is not T or U"),
                skipped(2, START + "😀,I,A,B,,,,", "protocol (field 6) '😀' is not one letter"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLoneSurrogateFromAJsonEscapeIsKeptAsTheCharItIs(boolean spilled) {
        decode(nsgRecord(START + "\ud800,I,A,B,,,,", START + "T,\udce9,A,B,,,,"), spilled);

        assertThat(errLines()).containsExactly(
                skipped(0, START + "\ud800,I,A,B,,,,", "protocol (field 6) '\ud800' is not T or U"),
                skipped(1, START + "T,\\xe9,A,B,,,,", "direction (field 7) '\\xe9' is not I or O")); // as a file name's byte is shown
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theTupleAndTheFieldAreQuotedCutAtCharactersNotBytes(boolean spilled) {
        String longField = "é".repeat(45);
        String longTuple = START + "T,I,A,B,1,2,3,4," + "ü".repeat(200 - START.length() - 17) + "😀x"; // the pair straddles the 200th char
        decode(nsgRecord("1715677210," + longField + ",10.20.1.4,52144,443,T,I,A,B,,,,", longTuple), spilled);

        assertThat(errLines()).containsExactly(
                skipped(0, "1715677210," + longField + ",10.20.1.4,52144,443,T,I,A,B,,,,",
                        "source IP (field 2) '" + "é".repeat(40) + "' is not an IP address"),
                skipped(1, longTuple.substring(0, 200), "NSG v2 tuple needs 13 fields, found 14"));
        assertThat(longTuple.charAt(199)).isEqualTo('\ud83d');
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEncryptionValueIsKeptAsWrittenAndRepeatsAreToldApartByTheirText(boolean spilled) {
        List<FlowRow> rows = decode(vnetRecord(VNET_START + "NX_é,1,2,3,4", VNET_START + "NX_è,1,2,3,4", VNET_START + "NX_é,1,2,3,4",
                VNET_START + "NX_\ud800,1,2,3,4", VNET_START + "NX_\udbff,1,2,3,4", VNET_START + "NX_\ud800,1,2,3,4", VNET_START + "X,1,2,3,4"), spilled);

        assertThat(rows).extracting(FlowRow::encryption).containsExactly("NX_é", "NX_è", "NX_é", "NX_\ud800", "NX_\udbff", "NX_\ud800", "X");
        assertThat(rows).extracting(FlowRow::isRepeat).containsExactly(false, false, true, false, false, true, false);
        assertThat(err.toString()).isEmpty();
    }
}
