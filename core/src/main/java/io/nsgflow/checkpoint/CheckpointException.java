package io.nsgflow.checkpoint;

/** A checkpoint file that cannot be used: corrupt, from a newer nsgflow, or written for other inputs. A usage error. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }
}
