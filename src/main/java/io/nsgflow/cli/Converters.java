package io.nsgflow.cli;

import io.nsgflow.filter.Cidr;
import io.nsgflow.filter.Glob;
import io.nsgflow.filter.PortRanges;
import io.nsgflow.filter.TimeBound;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import io.nsgflow.report.TimelineReporter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for option values, so that a bad CIDR, port list or time is a usage error
 * (exit 2) before any input is read, with the parser's own message.
 */
final class Converters {
    private Converters() {
    }

    private static <T> T convert(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class CidrConverter implements ITypeConverter<Cidr> {
        @Override
        public Cidr convert(String value) {
            return Converters.convert(value, Cidr::parse);
        }
    }

    static final class PortsConverter implements ITypeConverter<PortRanges> {
        @Override
        public PortRanges convert(String value) {
            return Converters.convert(value, PortRanges::parse);
        }
    }

    static final class ProtocolConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Converters.convert(value, Protocol::parse);
        }
    }

    static final class GlobConverter implements ITypeConverter<Glob> {
        @Override
        public Glob convert(String value) {
            return Glob.parse(value);
        }
    }

    static final class SinceConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(value, TimeBound::since);
        }
    }

    static final class UntilConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(value, TimeBound::until);
        }
    }

    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return Converters.convert(value, OutputFormat::parse);
        }
    }

    static final class FieldsConverter implements ITypeConverter<List<FlowField>> {
        @Override
        public List<FlowField> convert(String value) {
            return Converters.convert(value, FlowField::parseList);
        }
    }

    static final class DirectionConverter implements ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "in", "inbound", "i" -> Direction.INBOUND;
                case "out", "outbound", "o" -> Direction.OUTBOUND;
                default -> throw new TypeConversionException("'" + value + "' is not a direction (in, out)");
            };
        }
    }

    static final class ActionConverter implements ITypeConverter<Action> {
        @Override
        public Action convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "allow", "allowed", "a" -> Action.ALLOW;
                case "deny", "denied", "d" -> Action.DENY;
                default -> throw new TypeConversionException("'" + value + "' is not an action (allow, deny)");
            };
        }
    }

    static final class StateConverter implements ITypeConverter<FlowState> {
        @Override
        public FlowState convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "begin", "b" -> FlowState.BEGIN;
                case "continuing", "c" -> FlowState.CONTINUING;
                case "end", "e" -> FlowState.END;
                case "deny", "d" -> FlowState.DENY;
                default -> throw new TypeConversionException("'" + value + "' is not a flow state (begin, continuing, end, deny)");
            };
        }
    }

    /** A documented encryption value (any case), or the group {@code encrypted} or {@code unencrypted}. */
    static final class EncryptionConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            if (v.equalsIgnoreCase("encrypted") || v.equalsIgnoreCase("unencrypted")) {
                return v.toLowerCase(Locale.ROOT);
            }
            String upper = v.toUpperCase(Locale.ROOT);
            if (Encryption.KNOWN.contains(upper)) {
                return upper;
            }
            throw new TypeConversionException("'" + value + "' is not an encryption value (encrypted, unencrypted, "
                    + String.join(", ", Encryption.KNOWN) + ")");
        }
    }

    static final class GroupByConverter implements ITypeConverter<GroupBy> {
        @Override
        public GroupBy convert(String value) {
            return Converters.convert(value, GroupBy::parse);
        }
    }

    static final class MetricConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            return Converters.convert(value, Metric::parse);
        }
    }

    /** A timeline bucket size, in milliseconds. */
    static final class EveryConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Converters.convert(value, TimelineReporter::parseEvery);
        }
    }

    /** A row count: 0 or more, 0 meaning all. */
    static final class LimitConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 0, "is not a row count (0 or more; 0 means all)");
        }
    }

    /** A thread count: 1 to 256. */
    static final class ThreadsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = atLeast(value, 1, "is not a thread count (1 or more)");
            if (n > 256) {
                throw new TypeConversionException("'" + value + "' threads is too many (256 at most)");
            }
            return n;
        }
    }

    private static int atLeast(String value, int min, String otherwise) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new TypeConversionException("'" + value + "' " + otherwise);
    }
}
