package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.source.FileInput;
import io.nsgflow.source.Input;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final List<Input> INPUTS = List.of(FileInput.of(Path.of("samples/nsg-v1-PT1H.json")), FileInput.of(Path.of("samples/vnet-PT1H.json")));

    private final StringWriter err = new StringWriter();
    private final Diagnostics diagnostics = new Diagnostics(err, false);
    private final List<Progress> started = new ArrayList<>();

    private List<Input> track(boolean errIsTerminal, boolean outIsTerminal, boolean quiet, boolean writesOnlyAtTheEnd) {
        Terminal terminal = new Terminal(new StringWriter(), err, InputStream.nullInputStream(), outIsTerminal, () -> 0, false, errIsTerminal);
        return Progress.track(INPUTS, terminal, quiet, writesOnlyAtTheEnd, diagnostics, started);
    }

    @Test
    void theLineCountsInputsAndBytesAndIsErasedWhenTheLastInputIsRead() throws IOException {
        List<Input> tracked = track(true, false, false, false);
        long total = INPUTS.get(0).size() + INPUTS.get(1).size();
        try (InputStream in = tracked.get(0).open()) {
            in.readAllBytes();
        }
        started.get(0).draw();
        String line = err.toString();
        diagnostics.print("samples/vnet-PT1H.json: warning: a diagnostic clears the line first");
        try (InputStream in = tracked.get(1).open()) {
            in.readAllBytes();
        }

        assertThat(line).startsWith("\r1/2 inputs, " + String.format(java.util.Locale.ROOT, "%.1f of %.1f MB, ",
                INPUTS.get(0).size() / 1e6, total / 1e6)).contains(" MB/s").endsWith("\u001b[K");
        assertThat(err.toString()).contains("\u001b[K\r\u001b[Knsgflow: samples/vnet-PT1H.json: warning:");
        assertThat(tracked).extracting(Input::name).containsExactlyElementsOf(INPUTS.stream().map(Input::name).toList());
    }

    @Test
    void nothingIsTrackedWithoutATerminalWithQuietOrWhenRowsGoToTheSameScreen() {
        assertThat(track(false, false, false, true)).isSameAs(INPUTS);
        assertThat(track(true, false, true, true)).isSameAs(INPUTS);
        assertThat(track(true, true, false, false)).isSameAs(INPUTS);
        assertThat(started).isEmpty();
        assertThat(track(true, true, false, true)).isNotSameAs(INPUTS);
        started.forEach(Progress::close);
    }
}
