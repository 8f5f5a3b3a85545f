package io.nsgflow.cli;

import io.nsgflow.enrich.Enricher;
import io.nsgflow.filter.AddressCriteria;
import io.nsgflow.filter.Glob;
import io.nsgflow.model.FlowRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Row filters on who is behind the addresses; the ones that need a file say so when it is missing. */
public final class AddressFilterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--public", description = "Only flows with a public address on either side (to or from the internet).")
    boolean anyPublic;

    @Option(names = "--private", description = "Only flows with no public address on either side (internal and "
            + "Azure platform traffic).")
    boolean nonePublic;

    @Option(names = "--src-country", split = ",", paramLabel = "CC", converter = CountryConverter.class,
            description = "Source country, ISO code (CN,RU); needs --geoip.")
    List<String> srcCountry = new ArrayList<>();

    @Option(names = "--dst-country", split = ",", paramLabel = "CC", converter = CountryConverter.class,
            description = "Destination country; needs --geoip.")
    List<String> dstCountry = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "GLOB", converter = Converters.GlobConverter.class,
            description = "Either side in a service tag matching (any case), e.g. 'Storage*'; needs --service-tags.")
    List<Glob> tag = new ArrayList<>();

    @Option(names = "--in-list", split = ",", paramLabel = "NAME", description = "Either side in the --ip-list NAME.")
    List<String> inList = new ArrayList<>();

    /**
     * The criteria, or null when none was given.
     *
     * @param enricher null when no enrichment was asked for
     * @throws ParameterException when a criterion needs a file that was not given
     */
    Predicate<FlowRow> build(Enricher enricher) {
        if (!anyPublic && !nonePublic && srcCountry.isEmpty() && dstCountry.isEmpty() && tag.isEmpty() && inList.isEmpty()) {
            return null; // and the enrichment classes stay unloaded
        }
        if (anyPublic && nonePublic) {
            throw usage("--public and --private exclude each other");
        }
        boolean geo = enricher != null && enricher.hasGeo();
        if (!geo && !(srcCountry.isEmpty() && dstCountry.isEmpty())) {
            throw usage("--src-country and --dst-country need a country database: --geoip FILE.mmdb");
        }
        if (!tag.isEmpty() && (enricher == null || !enricher.hasServiceTags())) {
            throw usage("--tag needs the service-tag file: --service-tags FILE");
        }
        for (String name : inList) {
            if (enricher == null || !enricher.listNames().contains(name)) {
                throw usage("--in-list " + name + ": no --ip-list is named '" + name + "'");
            }
        }
        AddressCriteria c = new AddressCriteria(enricher);
        if (anyPublic) {
            c.anyPublic();
        }
        if (nonePublic) {
            c.nonePublic();
        }
        return c.srcCountry(srcCountry).dstCountry(dstCountry).tag(tag).inList(inList).build();
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    /** Two letters, as MaxMind spells them: upper case. */
    static final class CountryConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            if (!v.matches("[A-Z]{2}")) {
                throw new TypeConversionException("'" + value + "' is not a two-letter country code (ISO 3166, e.g. CN)");
            }
            return v;
        }
    }
}
