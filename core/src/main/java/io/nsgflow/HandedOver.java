package io.nsgflow;

/**
 * A failure one thread caught and hands to another, which throws it as its own: an unchecked
 * exception or an error as it is (so {@code main} tells a user's problem from a bug as if one
 * thread had read), anything else wrapped.
 */
final class HandedOver {
    private HandedOver() {
    }

    /** Throws {@code failure} on the calling thread; does nothing when it is null. */
    static void rethrow(Throwable failure, String what) {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(what, failure);
        }
    }
}
