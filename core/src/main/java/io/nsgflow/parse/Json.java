package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The one {@link JsonFactory} nsgflow reads with, and the limits it enforces on input. */
public final class Json {
    /** Deeper than any flow log (they nest seven levels); deeper input is hostile or broken. */
    public static final int MAX_NESTING = 64;
    /** Tuples are about 60 characters; even free-text fields of other categories stay far below. */
    public static final int MAX_STRING = 1 << 20;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(100)
                    .build())
            // the reader resumes on the same stream after bad JSON; the caller closes it
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Json() {
    }
}
