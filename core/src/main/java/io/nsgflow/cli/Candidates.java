package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.model.Encryption;
import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixed values of options, as picocli's {@code completionCandidates}: the shell completion
 * script and the man pages offer them. Each list is taken from the names the option's converter
 * accepts, so that completion cannot offer a value the parser refuses.
 */
final class Candidates {
    private Candidates() {
    }

    abstract static class Names implements Iterable<String> {
        private final List<String> names;

        Names(Stream<String> names) {
            this.names = names.toList();
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    static final class Formats extends Names {
        Formats() {
            super(Arrays.stream(OutputFormat.values()).map(OutputFormat::label));
        }
    }

    static final class GroupKeys extends Names {
        GroupKeys() {
            super(Arrays.stream(GroupBy.values()).map(GroupBy::label));
        }
    }

    static final class Metrics extends Names {
        Metrics() {
            super(Arrays.stream(Metric.values()).map(Metric::label));
        }
    }

    static final class Directions extends Names {
        Directions() {
            super(Stream.of("in", "out"));
        }
    }

    static final class Actions extends Names {
        Actions() {
            super(Stream.of("allow", "deny"));
        }
    }

    static final class States extends Names {
        States() {
            super(Stream.of("begin", "continuing", "end", "deny"));
        }
    }

    static final class Encryptions extends Names {
        Encryptions() {
            super(Stream.concat(Stream.of("encrypted", "unencrypted"), Encryption.KNOWN.stream()));
        }
    }
}
