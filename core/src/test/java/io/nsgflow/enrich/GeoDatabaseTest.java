package io.nsgflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.filter.Cidr;
import io.nsgflow.model.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MaxMind's own test databases, read through MaxMind's reader, checked against the JSON they were
 * built from: every network's first address gives the country, or the AS number and organisation,
 * of the most specific network of the source that holds it.
 */
class GeoDatabaseTest {
    @TempDir
    Path tmp;

    /** One network of a source file with the field it states. */
    private record Expected(Cidr network, String country, Long asn, String org) {
    }

    @Test
    void countryDatabaseGivesEachNetworksCountry() throws Exception {
        GeoDatabase db = GeoDatabase.open(SharedEnrich.file("GeoLite2-Country-Test.mmdb"));
        assertThat(db.type()).isEqualTo("GeoLite2-Country");
        List<Expected> expected = source(SharedEnrich.file("GeoLite2-Country-Test.source.json"));
        assertThat(expected).hasSizeGreaterThan(100);
        for (Expected e : expected) {
            Expected mostSpecific = mostSpecific(expected, e.network.hi(), e.network.lo());
            GeoDatabase.Entry got = db.lookup(e.network.hi(), e.network.lo());
            // a network with a continent only (2a02:d500::/29) has nothing nsgflow shows: no entry
            assertThat(got == null ? null : got.country).as(e.network.toString()).isEqualTo(mostSpecific.country);
        }
        assertThat(db.failures()).isNull();
    }

    @Test
    void asnDatabaseGivesEachNetworksAsAndOrganisation() throws Exception {
        GeoDatabase db = GeoDatabase.open(SharedEnrich.file("GeoLite2-ASN-Test.mmdb"));
        List<Expected> expected = source(SharedEnrich.file("GeoLite2-ASN-Test.source.json"));
        for (Expected e : expected) {
            Expected mostSpecific = mostSpecific(expected, e.network.hi(), e.network.lo());
            GeoDatabase.Entry got = db.lookup(e.network.hi(), e.network.lo());
            assertThat(got).as(e.network.toString()).isNotNull();
            assertThat(got.asn).as(e.network.toString()).isEqualTo(mostSpecific.asn);
            assertThat(got.org).as(e.network.toString()).isEqualTo(mostSpecific.org);
        }
        long[] a = new long[2];
        IpAddress.parse("1.0.0.1", a);
        assertThat(db.lookup(a[0], a[1]).asn).isEqualTo(15169L);
        assertThat(db.lookup(a[0], a[1]).org).isEqualTo("Google Inc.");
        IpAddress.parse("10.0.0.1", a);
        assertThat(db.lookup(a[0], a[1])).isNull();
    }

    @Test
    void cityDatabaseGivesTheCountryToo() throws Exception {
        GeoDatabase db = GeoDatabase.open(SharedEnrich.file("GeoLite2-City-Test.mmdb"));
        long[] a = new long[2];
        IpAddress.parse("2.125.160.216", a);
        assertThat(db.lookup(a[0], a[1]).country).isEqualTo("GB");
    }

    @Test
    void aFileThatIsNotAMaxMindDbIsAnErrorNamingIt() throws IOException {
        Path garbage = tmp.resolve("garbage.mmdb");
        byte[] bytes = new byte[4096];
        new Random(14).nextBytes(bytes);
        Files.write(garbage, bytes);
        assertThatThrownBy(() -> GeoDatabase.open(garbage)).isInstanceOf(EnrichmentException.class)
                .hasMessageStartingWith(garbage + ": not a MaxMind DB (.mmdb) file");
        assertThatThrownBy(() -> GeoDatabase.open(tmp.resolve("none.mmdb"))).hasMessage(tmp.resolve("none.mmdb") + ": no such file");
    }

    @Test
    void aDatabaseCutShortIsAnError() throws IOException {
        byte[] whole = Files.readAllBytes(SharedEnrich.file("GeoLite2-ASN-Test.mmdb"));
        Path cut = tmp.resolve("cut.mmdb");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> GeoDatabase.open(cut)).isInstanceOf(EnrichmentException.class)
                .hasMessageStartingWith(cut.toString());
    }

    private static Expected mostSpecific(List<Expected> all, long hi, long lo) {
        Expected best = null;
        for (Expected e : all) {
            if (e.network.contains(hi, lo) && (best == null || e.network.bits() > best.network.bits())) {
                best = e;
            }
        }
        return best;
    }

    /** The source JSON: an array of one-key objects, network to its record. */
    private static List<Expected> source(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            p.setCodec(null);
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                p.nextToken();
                Cidr network = Cidr.parse(p.currentName());
                p.nextToken();
                Map<String, Object> record = readObject(p);
                out.add(new Expected(network, country(record), (Long) record.get("autonomous_system_number"),
                        (String) record.get("autonomous_system_organization")));
                p.nextToken();
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String country(Map<String, Object> record) {
        Map<String, Object> c = (Map<String, Object>) record.get("country");
        if (c == null || c.get("iso_code") == null) {
            c = (Map<String, Object>) record.get("registered_country");
        }
        return c == null ? null : (String) c.get("iso_code");
    }

    /** Entry: on START_OBJECT. Return: on its END_OBJECT. Numbers as Long, objects as maps, arrays skipped. */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> m = new java.util.HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                m.put(name, readObject(p));
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
                m.put(name, p.getLongValue());
            } else if (t == JsonToken.VALUE_STRING) {
                m.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return m;
    }
}
