package io.nsgflow.source.azure;

/**
 * The SDK logs through SLF4J, bound to slf4j-simple: silent unless {@code --debug}, then its
 * messages (requests, retries, credential attempts) go to stderr. The SDK masks SAS signatures and
 * the Authorization header in what it logs. Set before the SDK makes its first logger.
 */
final class SdkLogging {
    private SdkLogging() {
    }

    static synchronized void configure(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        if (debug && System.getProperty("AZURE_LOG_LEVEL") == null) {
            System.setProperty("AZURE_LOG_LEVEL", "verbose");
        }
    }
}
