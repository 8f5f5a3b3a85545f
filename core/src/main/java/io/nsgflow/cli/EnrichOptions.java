package io.nsgflow.cli;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.enrich.EnrichmentException;
import io.nsgflow.source.LocalPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The files that say who is behind an address. They are read whole before any flow log, so that a
 * bad one is a usage error (exit 2); nothing of the enrichment code is loaded unless one is given.
 */
public final class EnrichOptions {
    /** A list's name: it appears in output and in {@code --in-list}, so plain words only. */
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--service-tags", paramLabel = "FILE",
            description = "Microsoft's weekly ServiceTags_Public_*.json (or the Government or China file): "
                    + "each address's most specific Azure service tag and its region.")
    Path serviceTags;

    @Option(names = "--geoip", paramLabel = "FILE.mmdb",
            description = "A MaxMind DB (GeoLite2 Country, City or ASN; DB-IP lite): country, AS number and "
                    + "organisation. Repeat for several; the first that knows an address answers.")
    List<Path> geoip = new ArrayList<>();

    @Option(names = "--ip-list", paramLabel = "NAME=FILE",
            description = "A list of addresses and CIDR blocks, one a line, # comments (a threat feed, your "
                    + "office, a CMDB export). Repeatable.")
    List<String> lists = new ArrayList<>();

    @Option(names = "--enrich", description = "Add the address fields (class: private, public, azure-platform...) "
            + "even without a file.")
    boolean enrich;

    /** Whether the user asked for enrichment at all. */
    boolean asked() {
        return enrich || serviceTags != null || !geoip.isEmpty() || !lists.isEmpty();
    }

    /**
     * Reads the files, or returns null when none was asked for.
     *
     * @throws ParameterException naming the file and line of the first that cannot be used
     */
    Enricher load() {
        if (!asked()) {
            return null;
        }
        try {
            return Enricher.load(serviceTags, geoip, lists());
        } catch (EnrichmentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private Map<String, Path> lists() {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (String list : lists) {
            int eq = list.indexOf('=');
            String name = eq < 0 ? "" : list.substring(0, eq);
            if (!LIST_NAME.matcher(name).matches() || eq == list.length() - 1) {
                throw new ParameterException(command.commandLine(),
                        "--ip-list '" + list + "' should be NAME=FILE, NAME of letters, digits, '_', '.' and '-'");
            }
            if (byName.put(name, LocalPaths.of(list.substring(eq + 1))) != null) {
                throw new ParameterException(command.commandLine(), "--ip-list: two lists are named '" + name + "'");
            }
        }
        return byName;
    }
}
