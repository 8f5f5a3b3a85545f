package io.nsgflow.enrich;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.filter.Cidr;
import io.nsgflow.parse.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service tags of Microsoft's weekly {@code ServiceTags_Public_*.json} (or the Government and
 * China cloud files), for longest-prefix lookup. The file is streamed (about 4 MB, 100,000
 * prefixes for the public cloud); tags overlap ({@code AzureCloud} holds
 * {@code AzureCloud.westeurope}, which holds {@code Storage.WestEurope}), so an address's tags are
 * ranked most specific first: the smallest tag (fewest addresses of the address's family) first,
 * the longer prefix on a tie, then the file's order.
 */
public final class ServiceTags {
    private final PrefixTable<List<ServiceTag>> table;
    private final int tags;
    private final int prefixes;
    private final String cloud;

    private ServiceTags(PrefixTable<List<ServiceTag>> table, int tags, int prefixes, String cloud) {
        this.table = table;
        this.tags = tags;
        this.prefixes = prefixes;
        this.cloud = cloud;
    }

    /** Every tag that contains the address, most specific first; empty when none does. */
    public List<ServiceTag> lookup(long hi, long lo) {
        List<ServiceTag> found = table.get(hi, lo);
        return found == null ? List.of() : found;
    }

    public int tags() {
        return tags;
    }

    public int prefixes() {
        return prefixes;
    }

    /** The file's {@code cloud} ({@code Public}, {@code AzureGovernment}...), or null when it has none. */
    public String cloud() {
        return cloud;
    }

    /** A tag as it is entered for the prefixes of one family, with its size in that family. */
    private record Sized(ServiceTag tag, double addresses) {
    }

    /** Reads a service-tag file. @throws EnrichmentException naming the file and the line */
    public static ServiceTags load(Path file) throws EnrichmentException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = Json.FACTORY.createParser(in)) {
            return new Reader(file, p).read();
        } catch (JsonProcessingException e) {
            throw new EnrichmentException(at(file, e.getLocation()) + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EnrichmentException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String at(Path file, JsonLocation where) {
        return where == null ? file + ": " : file + ": line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
    }

    /** One pass over the file. Each method says where the parser stands on entry and on return. */
    private static final class Reader {
        private final Path file;
        private final JsonParser p;
        private final PrefixTable.Builder<Sized> builder = new PrefixTable.Builder<>();
        private int tags;
        private int prefixes;
        private String cloud;

        Reader(Path file, JsonParser p) {
            this.file = file;
            this.p = p;
        }

        /** Entry: before the first token. Return: the document read. */
        ServiceTags read() throws IOException, EnrichmentException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notServiceTags("it does not start with a JSON object");
            }
            boolean values = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("values") && value == JsonToken.START_ARRAY) {
                    values = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readTag();
                    }
                    expect(JsonToken.END_ARRAY, "a tag object");
                } else if (field.equals("cloud") && value == JsonToken.VALUE_STRING) {
                    cloud = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (!values) {
                throw notServiceTags("it has no \"values\" array of tags");
            }
            if (p.nextToken() != null) {
                throw located("more data after the end of the document");
            }
            return new ServiceTags(builder.build(ServiceTags::rank), tags, prefixes, cloud);
        }

        /** Entry: on a tag's START_OBJECT. Return: on its END_OBJECT. */
        private void readTag() throws IOException, EnrichmentException {
            JsonLocation start = p.currentTokenLocation();
            String name = null;
            String region = null;
            String service = null;
            List<Cidr> blocks = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                    name = p.getText();
                } else if (field.equals("properties") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String property = p.currentName();
                        JsonToken v = p.nextToken();
                        if (property.equals("region") && v == JsonToken.VALUE_STRING) {
                            region = p.getText();
                        } else if (property.equals("systemService") && v == JsonToken.VALUE_STRING) {
                            service = p.getText();
                        } else if (property.equals("addressPrefixes") && v == JsonToken.START_ARRAY) {
                            readPrefixes(blocks);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (name == null || name.isEmpty()) {
                throw new EnrichmentException(at(file, start) + "a tag without a \"name\"");
            }
            ServiceTag tag = new ServiceTag(name, blank(region), blank(service));
            Sized v4 = new Sized(tag, size(blocks, true));
            Sized v6 = new Sized(tag, size(blocks, false));
            for (Cidr block : blocks) {
                builder.add(block, block.isV4() ? v4 : v6);
            }
            tags++;
            prefixes += blocks.size();
        }

        /** Entry: on the array's START_ARRAY. Return: on its END_ARRAY. */
        private void readPrefixes(List<Cidr> into) throws IOException, EnrichmentException {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                try {
                    into.add(Cidr.parse(p.getText()));
                } catch (IllegalArgumentException e) {
                    throw located(e.getMessage());
                }
            }
            if (t != JsonToken.END_ARRAY) {
                throw located("an address prefix should be a string");
            }
        }

        private void expect(JsonToken token, String what) throws EnrichmentException {
            if (p.currentToken() != token) {
                throw located("expected " + what + ", found " + p.currentToken());
            }
        }

        private EnrichmentException located(String reason) {
            return new EnrichmentException(at(file, p.currentTokenLocation()) + reason);
        }

        private EnrichmentException notServiceTags(String why) {
            return new EnrichmentException(file + ": not a service-tag file: " + why
                    + " (expected Microsoft's ServiceTags_*.json)");
        }
    }

    /** How many addresses of one family the blocks cover: a /16 counts 65,536 whatever its neighbours. */
    private static double size(List<Cidr> blocks, boolean v4) {
        double n = 0;
        for (Cidr b : blocks) {
            if (b.isV4() == v4) {
                n += Math.scalb(1.0, 128 - b.bits());
            }
        }
        return n;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The tags of a chain of prefixes (longest first), each once, smallest tag first. */
    private static List<ServiceTag> rank(List<Sized> chain) {
        Set<Sized> distinct = new LinkedHashSet<>(chain); // keeps a tag's longest prefix first
        List<Sized> ranked = new ArrayList<>(distinct);
        ranked.sort(Comparator.comparingDouble(Sized::addresses)); // stable: a tie keeps the longer prefix first
        return ranked.stream().map(Sized::tag).toList();
    }
}
