package io.nsgflow.cli;

import io.nsgflow.filter.Cidr;
import io.nsgflow.filter.Glob;
import io.nsgflow.filter.MacAddress;
import io.nsgflow.filter.PortRanges;
import io.nsgflow.filter.TimeBound;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import io.nsgflow.report.TimelineReporter;
import io.nsgflow.result.Fields;
import io.nsgflow.result.SortKey;
import io.nsgflow.source.Auth;
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

    /** A converter that hands the value to a parser whose IllegalArgumentException is the user's error. */
    abstract static class Parsed<T> implements ITypeConverter<T> {
        private final Function<String, T> parser;

        Parsed(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class AuthConverter extends Parsed<Auth> {
        AuthConverter() {
            super(Auth::parse);
        }
    }

    static final class CidrConverter extends Parsed<Cidr> {
        CidrConverter() {
            super(Cidr::parse);
        }
    }

    static final class PortsConverter extends Parsed<PortRanges> {
        PortsConverter() {
            super(PortRanges::parse);
        }
    }

    static final class ProtocolConverter extends Parsed<Integer> {
        ProtocolConverter() {
            super(Protocol::parse);
        }
    }

    static final class GlobConverter extends Parsed<Glob> {
        GlobConverter() {
            super(Glob::parse);
        }
    }

    static final class SinceConverter extends Parsed<Long> {
        SinceConverter() {
            super(t -> TimeBound.since(t, System.currentTimeMillis()));
        }
    }

    static final class UntilConverter extends Parsed<Long> {
        UntilConverter() {
            super(t -> TimeBound.until(t, System.currentTimeMillis()));
        }
    }

    static final class MacConverter extends Parsed<String> {
        MacConverter() {
            super(MacAddress::parse);
        }
    }

    static final class FormatConverter extends Parsed<OutputFormat> {
        FormatConverter() {
            super(OutputFormat::parse);
        }
    }

    /** A comma list of column names, checked against the report's columns once the command is known. */
    static final class FieldsConverter extends Parsed<List<String>> {
        FieldsConverter() {
            super(Fields::split);
        }
    }

    static final class SortConverter extends Parsed<List<SortKey>> {
        SortConverter() {
            super(SortKey::parseList);
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

    static final class GroupByConverter extends Parsed<GroupBy> {
        GroupByConverter() {
            super(GroupBy::parse);
        }
    }

    static final class MetricConverter extends Parsed<Metric> {
        MetricConverter() {
            super(Metric::parse);
        }
    }

    /** A timeline bucket size, in milliseconds. */
    static final class EveryConverter extends Parsed<Long> {
        EveryConverter() {
            super(TimelineReporter::parseEvery);
        }
    }

    /** A polling interval, in milliseconds: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or plain seconds. */
    static final class IntervalConverter implements ITypeConverter<Long> {
        private static final long MAX = 24 * 3_600_000L;

        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            int unitAt = 0;
            while (unitAt < v.length() && Character.isDigit(v.charAt(unitAt))) {
                unitAt++;
            }
            long unit = switch (v.substring(unitAt)) {
                case "ms" -> 1;
                case "", "s" -> 1000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> -1;
            };
            if (unitAt == 0 || unitAt > 9 || unit < 0) {
                throw new TypeConversionException("'" + value + "' is not an interval (500ms, 30s, 5m, 1h, or seconds)");
            }
            long millis = Long.parseLong(v.substring(0, unitAt)) * unit;
            if (millis < 100 || millis > MAX) {
                throw new TypeConversionException("'" + value + "' is out of range (100ms to 24h)");
            }
            return millis;
        }
    }

    /** A timeline bucket size in milliseconds, or {@code auto} (0): chosen from the data. */
    static final class AutoEveryConverter extends Parsed<Long> {
        AutoEveryConverter() {
            super(text -> text.trim().equalsIgnoreCase("auto") ? 0L : TimelineReporter.parseEvery(text));
        }
    }

    /** Rows a report page keeps per ranking: 1 to {@value HtmlReportCommand#MAX_TOP}. */
    static final class TopRowsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = atLeast(value, 1, "is not a row count (1 or more)");
            if (n > HtmlReportCommand.MAX_TOP) {
                throw new TypeConversionException("'" + value + "' rows is too many for a page (" + HtmlReportCommand.MAX_TOP + " at most)");
            }
            return n;
        }
    }

    /** A row count: 0 or more, 0 meaning all. */
    static final class LimitConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 0, "is not a row count (0 or more; 0 means all)");
        }
    }

    /** A threshold: 1 or more. */
    static final class PositiveConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 1, "is not a count (1 or more)");
        }
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 1h} or {@code 1d}, in milliseconds. */
    static final class DurationConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = v.endsWith("s") ? 1000L : v.endsWith("m") ? 60_000L : v.endsWith("h") ? 3_600_000L
                    : v.endsWith("d") ? 86_400_000L : 0;
            try {
                long n = unit == 0 ? -1 : Long.parseLong(v.substring(0, v.length() - 1));
                if (n > 0 && n <= 366L * 86_400_000L / unit) {
                    return n * unit;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a duration (a number and s, m, h or d: 30s, 5m, 1h)");
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
