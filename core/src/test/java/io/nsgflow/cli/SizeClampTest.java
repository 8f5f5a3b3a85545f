package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.InputStream;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every size taken from the environment or an option is clamped (issue 18 item 5): an absurd
 * {@code COLUMNS} draws a table no wider than 1000 columns (it threw OutOfMemoryError, or wrote
 * 5.6 GB), and an absurd count, interval or thread number is a usage error before any input is read.
 */
class SizeClampTest {
    private static final String SAMPLE = "samples/nsg-v2-PT1H.json";

    @ParameterizedTest
    @CsvSource({"2147483647", "100000000", "99999999999999999999"})
    void anAbsurdColumnsDrawsATableOfAtMostAThousandColumns(String columns) {
        StringWriter out = new StringWriter();
        int exit = Main.run(new Terminal(out, new StringWriter(), InputStream.nullInputStream(), true,
                () -> NsgflowCommand.tableWidth(columns, true)), "timeline", SAMPLE);

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).isNotEmpty().allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(1000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "top --by src --limit 99999999999", "flows --threads 100000", "report -o x.html --top 2147483647",
            "follow --interval 1ms", "follow --interval 99999999999h", "flows -f parquet -o x/ --rows-per-file 0",
            "timeline --every 1ms"})
    void anAbsurdSizeIsAUsageError(String args) {
        StringWriter err = new StringWriter();
        String[] argv = (args + " " + SAMPLE).split(" ");

        int exit = Main.run(new Terminal(new StringWriter(), err, InputStream.nullInputStream(), false), argv);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aTimelineOfAFarSpanWritesOnlyItsBucketsWithTraffic() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new java.io.ByteArrayInputStream(("{\"records\":[{\"time\":\"2024-05-14T09:00:35Z\","
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R\",\"flows\":"
                + "[{\"mac\":\"000D3AF87856\",\"flowTuples\":[\"1,10.0.0.1,20.1.2.3,1000,443,T,O,A,B,,,,\","
                + "\"4102444800,10.0.0.1,20.1.2.3,1000,443,T,O,A,E,1,1,1,1\"]}]}]}}]}").getBytes()), false),
                "timeline", "--every", "1m", "-f", "csv", "-");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(err.toString()).contains("only the 2 with traffic are written");
    }
}
