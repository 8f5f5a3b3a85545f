package io.nsgflow.cli;

import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.ScanThresholds;
import io.nsgflow.report.ScansReporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scans",
        description = "Sources that probed many ports of one host (vertical), one port of many hosts (horizontal), "
                + "or many of both (mixed) within a time window; and sources let in on a port after being denied on "
                + "others. A probe is a host and port that never answered: every tuple denied, or allowed with "
                + "nothing back but a refusal (TCP: under 3 packets; other protocols: none).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow scans insights-logs-networksecuritygroupflowevent/",
            "  nsgflow scans --window 5m --ports 10 --hosts 10 PT1H.json",
            "  nsgflow scans --geoip GeoLite2-Country.mmdb --ip-list known=scanners.txt -f ndjson logs/ | jq .",
            "",
            "The defaults (15 ports, 25 hosts) are Zeek's; the window is the hour that flow logs come in, so a",
            "slow scan (a probe a minute) is found too. Busy clients are left alone because their connections",
            "are answered, not because the window is short."
        })
final class ScansCommand extends ReportCommand {
    @Option(names = "--ports", paramLabel = "N", converter = Converters.PositiveConverter.class,
            description = "Probed ports on one host that make a vertical scan (default: 15).")
    int ports = ScanThresholds.DEFAULT.ports();

    @Option(names = "--hosts", paramLabel = "N", converter = Converters.PositiveConverter.class,
            description = "Probed hosts on one port that make a horizontal scan (default: 25).")
    int hosts = ScanThresholds.DEFAULT.hosts();

    @Option(names = "--window", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "The longest time the probes of one finding may span: 30s, 5m, 1h, 1d (default: 1h).")
    long window = ScanThresholds.DEFAULT.windowMillis();

    @Override
    List<TableSchema> tables() {
        return List.of(ScansReporter.schema(enricher));
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.merged(new ScansReporter(sink, new ScanThresholds(ports, hosts, window), enricher));
    }
}
