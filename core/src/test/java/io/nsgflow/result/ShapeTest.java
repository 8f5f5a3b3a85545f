package io.nsgflow.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --fields, --sort, --limit and --table: one parser, one set of errors, applied between reporter and writer. */
class ShapeTest {
    private static final TableSchema TOP = TableSchema.rows("top", List.of(Column.address("srcIp"), Column.count("flows"),
            Column.bytes("bytes"), Column.text("rule").hidden()));
    private static final TableSchema TRAFFIC = new TableSchema("traffic", List.of(Column.text("way"), Column.bytes("bytes")),
            TableSchema.Kind.BREAKDOWN);

    private static Results run(Shape shape) {
        Results results = new Results();
        TableSink sink = shape.apply(results);
        sink.startTable(TOP);
        long[][] rows = {{1, 5, 100}, {2, 9, 50}, {3, 5, 900}, {4, 1, 900}};
        for (long[] r : rows) {
            sink.beginRow();
            sink.address(0, 0xFFFF_0A00_0000L + r[0]);
            sink.integer(r[1]);
            sink.integer(r[2]);
            sink.text("R" + r[0]);
            sink.endRow();
        }
        sink.endTable();
        sink.startTable(TRAFFIC);
        for (String way : List.of("in", "out", "total")) {
            sink.beginRow();
            sink.text(way);
            sink.integer(way.length());
            sink.endRow();
        }
        sink.endTable();
        sink.finish();
        return results;
    }

    private static List<String> ips(Results r) {
        return r.table("top").rows().stream().map(x -> x.text("srcIp")).toList();
    }

    @Test
    void nothingAskedPassesTheResultThrough() {
        Results results = new Results();
        assertThat(Shape.NONE.apply(results)).isSameAs(results);
        assertThat(ips(run(Shape.NONE))).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
    }

    @Test
    void fieldsPickAndOrderColumnsInAnyCaseAndAskedForColumnsAreShown() {
        Results r = run(new Shape(Fields.split("BYTES,srcIp,rule"), List.of(), 0, null));
        Results.Table top = r.table("top");
        assertThat(top.schema().columns()).extracting(Column::name).containsExactly("bytes", "srcIp", "rule");
        assertThat(top.schema().columns()).allSatisfy(c -> assertThat(c.priority()).isZero());
        assertThat(top.rows().get(0).values()).containsExactly(100L, Address.parse("10.0.0.1"), "R1");
        assertThat(r.table("traffic").schema().columns()).extracting(Column::name).containsExactly("bytes");
    }

    @Test
    void aTableWithNoneOfTheFieldsIsLeftOut() {
        assertThat(run(new Shape(List.of("srcIp"), List.of(), 0, null)).tables()).extracting(Results.Table::name)
                .containsExactly("top");
    }

    @Test
    void sortIsStableQuantitiesLargestFirstOthersAscendingUnlessSaid() {
        assertThat(ips(run(new Shape(null, SortKey.parseList("flows"), 0, null))))
                .containsExactly("10.0.0.2", "10.0.0.1", "10.0.0.3", "10.0.0.4");
        assertThat(ips(run(new Shape(null, SortKey.parseList("flows:asc,bytes"), 0, null))))
                .containsExactly("10.0.0.4", "10.0.0.3", "10.0.0.1", "10.0.0.2");
        assertThat(ips(run(new Shape(null, SortKey.parseList("srcIp:desc"), 0, null))))
                .containsExactly("10.0.0.4", "10.0.0.3", "10.0.0.2", "10.0.0.1");
        assertThat(run(new Shape(null, SortKey.parseList("way:desc"), 0, null)).table("traffic").rows())
                .extracting(x -> x.text("way")).containsExactly("total", "out", "in");
    }

    @Test
    void limitCutsRankingsNotBreakdownsAndCombinesWithSort() {
        Results r = run(new Shape(null, SortKey.parseList("bytes"), 2, null));
        assertThat(ips(r)).containsExactly("10.0.0.3", "10.0.0.4");
        assertThat(r.table("traffic").rows()).hasSize(3);
        assertThat(ips(run(new Shape(null, List.of(), 1, null)))).containsExactly("10.0.0.1");
    }

    @Test
    void aReporterIsToldHowManyFirstRowsAreShownOnlyWhenNothingSortsThemAgain() {
        assertThat(new Shape(null, List.of(), 3, null).apply(new Results()).rowsWanted(TOP)).isEqualTo(3);
        assertThat(new Shape(List.of("srcIp"), List.of(), 3, "top").apply(new Results()).rowsWanted(TOP)).isEqualTo(3);
        assertThat(new Shape(null, List.of(), 3, null).apply(new Results()).rowsWanted(TRAFFIC)).as("a breakdown").isZero();
        assertThat(new Shape(null, SortKey.parseList("bytes"), 3, null).apply(new Results()).rowsWanted(TOP))
                .as("--sort needs every row").isZero();
        assertThat(new Shape(null, SortKey.parseList("way"), 3, null).apply(new Results()).rowsWanted(TOP))
                .as("a sort key the table lacks").isEqualTo(3);
        assertThat(new Shape(null, List.of(), 0, null).apply(new Results()).rowsWanted(TOP)).isZero();
        assertThat(new Results().rowsWanted(TOP)).as("a writer takes every row").isZero();
    }

    @Test
    void tableChoosesOne() {
        assertThat(run(new Shape(null, List.of(), 0, "traffic")).tables()).extracting(Results.Table::name)
                .containsExactly("traffic");
    }

    @Test
    void everyMistakeIsNamedWithWhatThereIs() {
        List<TableSchema> tables = List.of(TOP, TRAFFIC);
        assertThatThrownBy(() -> new Shape(List.of("srcip", "nope"), List.of(), 0, null).check(tables))
                .hasMessage("unknown field 'nope' for --fields; fields are: srcIp,flows,bytes,rule,way");
        assertThatThrownBy(() -> new Shape(null, SortKey.parseList("nope"), 0, null).check(tables))
                .hasMessageStartingWith("unknown field 'nope' for --sort; fields are: ");
        assertThatThrownBy(() -> new Shape(null, List.of(), 0, "nope").check(tables))
                .hasMessage("unknown table 'nope'; tables are: top, traffic");
        assertThatThrownBy(() -> new Shape(List.of("srcIp"), List.of(), 0, "traffic").check(tables))
                .hasMessageStartingWith("unknown field 'srcIp' for --fields; fields are: way,bytes");
        assertThatThrownBy(() -> SortKey.parseList("flows:up")).hasMessageContaining("asc or desc");
        assertThatThrownBy(() -> Fields.split("a,,b")).hasMessageContaining("empty field name");
        new Shape(List.of("all"), SortKey.parseList("FLOWS"), 3, "top").check(tables);
    }
}
