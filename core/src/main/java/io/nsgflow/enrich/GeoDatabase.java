package io.nsgflow.enrich;

import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Reader;
import io.nsgflow.model.IpAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MaxMind DB file ({@code .mmdb}: GeoLite2 Country, City or ASN, GeoIP2, DB-IP's lite files),
 * read with MaxMind's own reader, memory-mapped. Only the fields nsgflow shows are decoded: the
 * country's ISO code (the registered country when the database has no location for the address),
 * the AS number and its organisation. The reader is thread-safe; one instance serves every thread.
 */
final class GeoDatabase {
    private final Path file;
    private final Reader reader;
    private final boolean v4Only;
    private final AtomicLong failures = new AtomicLong();
    private volatile String firstFailure;

    private GeoDatabase(Path file, Reader reader) {
        this.file = file;
        this.reader = reader;
        this.v4Only = reader.getMetadata().ipVersion() == 4;
    }

    /** Opens the file and tries one lookup, so that a corrupt file fails now rather than mid-run. */
    static GeoDatabase open(Path file) throws EnrichmentException {
        if (!Files.isRegularFile(file)) {
            throw new EnrichmentException(file + ": no such file");
        }
        Reader reader;
        try {
            reader = new Reader(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new EnrichmentException(file + ": not a MaxMind DB (.mmdb) file: " + e.getMessage());
        }
        GeoDatabase db = new GeoDatabase(file, reader);
        try {
            db.decode(IpAddress.V4_HI, IpAddress.v4Lo(0x08080808)); // any address walks the tree into the data
        } catch (IOException | RuntimeException e) {
            throw new EnrichmentException(file + ": corrupt MaxMind DB: " + e.getMessage());
        }
        return db;
    }

    /** The database's own name for what it holds, e.g. {@code GeoLite2-ASN}. */
    String type() {
        return reader.getMetadata().databaseType();
    }

    /**
     * What the database knows of the address, or null when it has no entry. A lookup that fails
     * (a file corrupt beyond its first entries) answers null and is counted, see {@link #failures}.
     */
    Entry lookup(long hi, long lo) {
        try {
            return decode(hi, lo);
        } catch (IOException | RuntimeException e) {
            if (failures.getAndIncrement() == 0) {
                firstFailure = e.getMessage();
            }
            return null;
        }
    }

    private Entry decode(long hi, long lo) throws IOException {
        boolean v4 = IpAddress.isV4(hi, lo);
        if (v4Only && !v4) {
            return null;
        }
        Entry e = reader.get(inet(hi, lo, v4), Entry.class);
        return e == null || e.isEmpty() ? null : e;
    }

    /** Lookups that failed, with the first reason; null when none did. */
    String failures() {
        long n = failures.get();
        return n == 0 ? null : file + ": " + n + " lookups failed in a corrupt MaxMind DB (" + firstFailure + ")";
    }

    private static InetAddress inet(long hi, long lo, boolean v4) {
        byte[] bytes = new byte[v4 ? 4 : 16];
        if (v4) {
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) (lo >>> (24 - 8 * i));
            }
        } else {
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (hi >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // raw bytes: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    /** The fields nsgflow reads from a database entry; MaxMind's reader fills it, skipping the others. */
    public static final class Entry {
        final String country;
        final Long asn;
        final String org;

        @MaxMindDbConstructor
        public Entry(@MaxMindDbParameter(name = "country") Country country,
                @MaxMindDbParameter(name = "registered_country") Country registered,
                @MaxMindDbParameter(name = "autonomous_system_number") Long asn,
                @MaxMindDbParameter(name = "autonomous_system_organization") String org) {
            this.country = country != null && country.isoCode != null ? country.isoCode
                    : registered != null ? registered.isoCode : null;
            this.asn = asn;
            this.org = org;
        }

        boolean isEmpty() {
            return country == null && asn == null && org == null;
        }
    }

    /** A country record: only its ISO 3166 code. */
    public static final class Country {
        final String isoCode;

        @MaxMindDbConstructor
        public Country(@MaxMindDbParameter(name = "iso_code") String isoCode) {
            this.isoCode = isoCode;
        }
    }
}
