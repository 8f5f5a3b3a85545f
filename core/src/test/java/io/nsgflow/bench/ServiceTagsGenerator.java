package io.nsgflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A service-tag file the size and shape of Microsoft's public-cloud one (about 3,000 tags and
 * 100,000 prefixes, nested as the real ones are: {@code AzureCloud} holds each
 * {@code AzureCloud.region}, which holds that region's service tags), for the benchmark: the real
 * file is not redistributable in the repository and {@code ../shared} holds only the smaller
 * Government one. The prefixes lie in the first octets that {@link FlowLogGenerator} draws public
 * addresses from, so lookups find tags as they would on real traffic.
 *
 * <p>{@code java ... ServiceTagsGenerator OUT.json [SEED]}
 */
public final class ServiceTagsGenerator {
    static final int REGIONS = 60;
    static final int SERVICES = 48;
    /** Prefixes per service and region; with the regions' and AzureCloud's own, about 100,000 in all. */
    static final int PREFIXES_PER_SERVICE = 30;
    private static final int[] FIRST_OCTETS = {13, 20, 23, 40, 52, 104, 137, 168, 191};

    private ServiceTagsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 1);
    }

    /** Writes the file; returns the number of prefixes. */
    static long write(Path out, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("{\n  \"changeNumber\": 1,\n  \"cloud\": \"Public\",\n  \"values\": [\n");
        List<String> all = new ArrayList<>();
        List<List<String>> regionBlocks = new ArrayList<>();
        for (int region = 0; region < REGIONS; region++) {
            List<String> blocks = new ArrayList<>(); // each region owns a few /16s
            for (int b = 0; b < 6; b++) {
                blocks.add(FIRST_OCTETS[r.nextInt(FIRST_OCTETS.length)] + "." + r.nextInt(256) + ".0.0/16");
            }
            blocks.add("2603:10" + String.format("%02x", region) + "::/40");
            regionBlocks.add(blocks);
            all.addAll(blocks);
        }
        long prefixes = 0;
        prefixes += tag(sb, "AzureCloud", "", "", all);
        for (int region = 0; region < REGIONS; region++) {
            String name = "region" + region;
            prefixes += tag(sb, "AzureCloud." + name, name, "", regionBlocks.get(region));
            for (int service = 0; service < SERVICES; service++) {
                List<String> inside = new ArrayList<>();
                for (int p = 0; p < PREFIXES_PER_SERVICE; p++) {
                    String block = regionBlocks.get(region).get(r.nextInt(6));
                    String[] octets = block.split("[./]");
                    int bits = 20 + r.nextInt(10);
                    int third = r.nextInt(256) & (bits >= 24 ? 0xFF : 0xFF << (24 - bits) & 0xFF);
                    int fourth = bits > 24 ? r.nextInt(256) & (0xFF << (32 - bits) & 0xFF) : 0;
                    inside.add(octets[0] + "." + octets[1] + "." + third + "." + fourth + "/" + bits);
                }
                inside.add("2603:10" + String.format("%02x", region) + ":" + Integer.toHexString(service) + "00::/56");
                prefixes += tag(sb, "Service" + service + "." + name, name, "Service" + service, inside);
            }
        }
        sb.setLength(sb.length() - 2); // the last tag's ",\n"
        sb.append("\n  ]\n}\n");
        Files.writeString(out, sb, StandardCharsets.UTF_8);
        return prefixes;
    }

    private static int tag(StringBuilder sb, String name, String region, String service, List<String> prefixes) {
        sb.append("    {\n      \"name\": \"").append(name).append("\",\n      \"id\": \"").append(name)
                .append("\",\n      \"properties\": {\n        \"changeNumber\": 1,\n        \"region\": \"").append(region)
                .append("\",\n        \"regionId\": 0,\n        \"platform\": \"Azure\",\n        \"systemService\": \"")
                .append(service).append("\",\n        \"addressPrefixes\": [\n");
        for (int i = 0; i < prefixes.size(); i++) {
            sb.append("          \"").append(prefixes.get(i)).append(i + 1 < prefixes.size() ? "\",\n" : "\"\n");
        }
        sb.append("        ],\n        \"networkFeatures\": [\"API\", \"NSG\", \"UDR\", \"FW\"]\n      }\n    },\n");
        return prefixes.size();
    }
}
