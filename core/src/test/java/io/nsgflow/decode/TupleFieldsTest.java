package io.nsgflow.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass fast paths agree with the checked path: same values, same errors, at their edges. */
class TupleFieldsTest {
    private final NsgTupleDecoder v2 = new NsgTupleDecoder(2);
    private final FlowRow row = new FlowRow();

    private void decode(String tuple) throws TupleException {
        Tuples.decode(v2, tuple, row);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0|0",
        "255.255.255.255|4294967295",
        "10.0.0.4|167772164",
        "1.22.133.9|18253065"})
    void dottedQuadsAtTheirEdges(String ip, long value) throws TupleException {
        decode("1542110377," + ip + ",10.0.0.4,44931,443,T,I,A,C,1,2,3,4");
        assertThat(row.srcHi()).isEqualTo(IpAddress.V4_HI);
        assertThat(row.srcLo()).isEqualTo(IpAddress.v4Lo((int) value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", "1..2.3", "1.2.3.4x", "1234.1.1.1"})
    void notQuiteDottedQuadsAreRejected(String ip) {
        assertThatThrownBy(() -> decode("1542110377," + ip + ",10.0.0.4,44931,443,T,I,A,C,1,2,3,4"))
                .hasMessageContaining("source IP (field 2) '" + ip + "' is not an IP address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:10.0.0.9", "2001:db8::1"})
    void ipv6TakesTheCheckedPath(String ip) throws TupleException {
        decode("1542110377," + ip + ",10.0.0.4,44931,443,T,I,A,C,1,2,3,4");
        long[] expected = new long[2];
        IpAddress.parse(ip, expected);
        assertThat(new long[] {row.srcHi(), row.srcLo()}).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,2,3,4|1|2|3|4",
        "0,12345678901234,0,281474976710655|0|12345678901234|0|281474976710655",
        ",,,|-1|-1|-1|-1"})
    void countersIncludingLongAndEmptyOnes(String counters, long a, long b, long c, long d) throws TupleException {
        decode("1542110377,1.2.3.4,10.0.0.4,44931,443,T,I,A,C," + counters);
        assertThat(new long[] {row.packetsSrcToDst(), row.bytesSrcToDst(), row.packetsDstToSrc(), row.bytesDstToSrc()})
                .containsExactly(a, b, c, d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1542110377,1.2.3.4,10.0.0.4,65536,443,T,I,A,C,1,2,3,4|source port (field 4) '65536' is out of range (max 65535)",
        "1542110377,1.2.3.4,10.0.0.4,-1,443,T,I,A,C,1,2,3,4|source port (field 4) '-1' is not a number",
        "1542110377,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,2,3,9223372036854775808|bytes dst->src (field 13) '9223372036854775808' is out of range (max 281474976710655)",
        "1542110377,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,,3,4|counters (fields 10-13) are partly empty",
        "1542110377,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,2,3,4,5|NSG v2 tuple needs 13 fields, found 14",
        "1542110377,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,2,3|NSG v2 tuple needs 13 fields, found 12",
        "x,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,2,3|NSG v2 tuple needs 13 fields, found 12",
        "1542110377,1.2.3.4,10.0.0.4,1,443,T,I,A,C,1,2,3,4,|NSG v2 tuple needs 13 fields, found 14"})
    void errorsSayWhatIsWrongFieldCountFirst(String tuple, String message) {
        assertThatThrownBy(() -> decode(tuple)).isInstanceOf(TupleException.class).hasMessage(message);
    }
}
