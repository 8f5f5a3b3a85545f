package io.nsgflow.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimals as every format writes them: at most three places, no trailing zeros, no exponent. */
public final class DecimalText {
    private DecimalText() {
    }

    /** Null for NaN and infinities, which no format can hold as a number. */
    public static String of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
