package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @TempDir
    Path dir;

    private final List<String> unreadable = new ArrayList<>();

    private List<String> expand(String... args) {
        return Inputs.resolve(List.of(args), InputStream.nullInputStream(), (path, reason) -> unreadable.add(path + ": " + reason))
                .stream().map(Input::name).toList();
    }

    private Path file(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{}");
        return p;
    }

    @Test
    void aFolderIsWalkedInSortedOrderWhateverTheCreationOrder() throws IOException {
        file("h=10/macAddress=B/PT1H.json");
        file("h=09/macAddress=B/PT1H.json");
        file("h=09/macAddress=A/PT1H.json");
        file("h=10/macAddress=A/PT1H.json");

        assertThat(expand(dir.toString())).containsExactly(
                dir.resolve("h=09/macAddress=A/PT1H.json").toString(),
                dir.resolve("h=09/macAddress=B/PT1H.json").toString(),
                dir.resolve("h=10/macAddress=A/PT1H.json").toString(),
                dir.resolve("h=10/macAddress=B/PT1H.json").toString());
        assertThat(unreadable).isEmpty();
    }

    @Test
    void aWalkKeepsFlowLogNamesOnly() throws IOException {
        file("a/PT1H.json");
        file("a/PT1H.JSON.GZ");
        file("a/export.ndjson");
        file("a/export.jsonl");
        file("a/shipper.log");
        file("a/blob.gz");
        file("a/notes.txt");
        file("a/PT1H.json.bak");
        file("a/README");

        assertThat(expand(dir.toString())).extracting(n -> Path.of(n).getFileName().toString())
                .containsExactly("PT1H.JSON.GZ", "PT1H.json", "blob.gz", "export.jsonl", "export.ndjson", "shipper.log");
    }

    @Test
    void aFileNamedOnTheCommandLineIsReadWhateverItsName() throws IOException {
        Path notes = file("notes.txt");

        assertThat(expand(notes.toString())).containsExactly(notes.toString());
    }

    @Test
    void argumentsKeepTheUsersOrder() throws IOException {
        Path b = file("b.json");
        Path a = file("a.json");

        assertThat(expand(b.toString(), "-", a.toString())).containsExactly(b.toString(), "-", a.toString());
    }

    @Test
    void standardInputWhenNoPathIsGiven() {
        List<Input> inputs = Inputs.resolve(List.of(), InputStream.nullInputStream(), (p, r) -> unreadable.add(p));

        assertThat(inputs).hasSize(1);
        assertThat(inputs.get(0)).isInstanceOf(StdinInput.class);
        assertThat(inputs.get(0).name()).isEqualTo("-");
        assertThat(inputs.get(0).meta()).isEqualTo(PathMetadata.NONE);
    }

    @Test
    void aMissingPathIsReportedAndTheRestRead() throws IOException {
        Path a = file("a.json");
        String missing = dir.resolve("nope.json").toString();

        assertThat(expand(missing, a.toString())).containsExactly(a.toString());
        assertThat(unreadable).containsExactly(missing + ": no such file or directory");
    }

    @Test
    void anEmptyFolderGivesNoInputAndSaysSo() {
        assertThat(expand(dir.toString())).isEmpty();
        assertThat(unreadable).containsExactly(dir + ": no flow-log files in this folder (names ending .json, .json.gz, "
                + ".jsonl, .ndjson, .log, .gz); it is empty");
    }

    @Test
    void pathMetadataComesFromTheFoundPath() throws IOException {
        file("resourceId=/SUBSCRIPTIONS/ABC/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/N1/"
                + "y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F2B19/PT1H.json");

        List<Input> inputs = Inputs.resolve(List.of(dir.toString()), InputStream.nullInputStream(), (p, r) -> unreadable.add(p));

        assertThat(inputs).singleElement().extracting(Input::meta)
                .isEqualTo(new PathMetadata("abc", "RG", "N1", null, "2024-05-14T09", "000D3A4F2B19"));
    }
}
