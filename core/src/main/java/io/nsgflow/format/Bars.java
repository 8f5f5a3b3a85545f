package io.nsgflow.format;

/**
 * Horizontal bars drawn with full blocks and an eighth-block remainder, scaled so that the
 * largest value fills the width; any non-zero value shows at least an eighth.
 */
final class Bars {
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private final int width;
    private final long max;

    Bars(int width, long max) {
        this.width = width;
        this.max = max;
    }

    String of(long value) {
        return bar(value, max, width);
    }

    static String bar(long value, long max, int width) {
        if (value <= 0 || max <= 0 || width <= 0) {
            return "";
        }
        long eighths = Math.max(1, Math.round((double) value / max * width * 8));
        return "█".repeat((int) (eighths / 8)) + EIGHTHS[(int) (eighths % 8)];
    }
}
