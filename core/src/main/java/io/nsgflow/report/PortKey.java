package io.nsgflow.report;

/**
 * A port with its protocol as one int key, {@code port << 8 | protocol}: 443/TCP and 443/UDP are
 * different keys, and keys sort by port, then protocol. The one packing every report uses.
 */
final class PortKey {
    private PortKey() {
    }

    static int of(int port, int protocol) {
        return port << 8 | protocol & 0xFF;
    }

    static int port(int key) {
        return key >>> 8;
    }

    /** The IANA protocol number. */
    static int protocol(int key) {
        return key & 0xFF;
    }
}
