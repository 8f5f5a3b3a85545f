package io.nsgflow.enrich;

/**
 * An enrichment file that cannot be used: missing, cut short, not the format it should be, a line
 * that is not an address. The message names the file and, where there is one, the line; the CLI
 * reports it as a usage error before any flow log is read.
 */
public final class EnrichmentException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnrichmentException(String message) {
        super(message);
    }
}
