package io.nsgflow.cli;

import io.nsgflow.filter.Cidr;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.filter.Glob;
import io.nsgflow.filter.PortRanges;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowState;
import java.time.Instant;
import io.nsgflow.model.Macs;
import io.nsgflow.source.Auth;
import io.nsgflow.source.InputScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The row filters every command takes. Different options AND; a repeated option or a comma list
 * ORs its values; a {@code --not-} option drops the rows that match any of its values.
 */
public final class FilterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--src", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Source address or block (IPv4 or IPv6), e.g. 10.0.0.0/8.")
    List<Cidr> src = new ArrayList<>();

    @Option(names = "--dst", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Destination address or block.")
    List<Cidr> dst = new ArrayList<>();

    @Option(names = "--ip", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Address or block on either side.")
    List<Cidr> ip = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Port on either side: a list of ports and ranges, e.g. 22,3389,8000-8100.")
    List<PortRanges> port = new ArrayList<>();

    @Option(names = "--src-port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Source port(s).")
    List<PortRanges> srcPort = new ArrayList<>();

    @Option(names = "--dst-port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Destination port(s).")
    List<PortRanges> dstPort = new ArrayList<>();

    @Option(names = "--protocol", split = ",", paramLabel = "PROTO", converter = Converters.ProtocolConverter.class,
            description = "tcp, udp, icmp, icmpv6 or a protocol number.")
    List<Integer> protocol = new ArrayList<>();

    @Option(names = "--direction", split = ",", paramLabel = "in|out", converter = Converters.DirectionConverter.class,
            completionCandidates = Candidates.Directions.class,
            description = "Inbound or outbound, as seen by the network interface.")
    List<Direction> direction = new ArrayList<>();

    @Option(names = "--action", split = ",", paramLabel = "allow|deny", converter = Converters.ActionConverter.class,
            completionCandidates = Candidates.Actions.class,
            description = "What the rule decided.")
    List<Action> action = new ArrayList<>();

    @Option(names = "--state", split = ",", paramLabel = "STATE", converter = Converters.StateConverter.class,
            completionCandidates = Candidates.States.class,
            description = "Flow state: begin, continuing, end, deny (VNet). Version-1 rows have none.")
    List<FlowState> state = new ArrayList<>();

    @Option(names = "--rule", split = ",", paramLabel = "GLOB", converter = Converters.GlobConverter.class,
            description = "Rule name pattern (* and ?, any case), e.g. 'UserRule_*'.")
    List<Glob> rule = new ArrayList<>();

    @Option(names = "--nsg", split = ",", paramLabel = "GLOB", converter = Converters.GlobConverter.class,
            description = "NSG name pattern (* and ?, any case).")
    List<Glob> nsg = new ArrayList<>();

    @Option(names = "--mac", split = ",", paramLabel = "MAC", converter = Converters.MacConverter.class,
            description = "Network interface MAC: 00:0D:3A:9E:14:F8, 00-0D-3A-9E-14-F8, 000d.3a9e.14f8 or 000D3A9E14F8.")
    List<String> mac = new ArrayList<>();

    @Option(names = "--encryption", split = ",", paramLabel = "VALUE", converter = Converters.EncryptionConverter.class,
            completionCandidates = Candidates.Encryptions.class,
            description = "VNet encryption: encrypted, unencrypted, or a value such as X, NX, NX_LOCAL_DST.")
    List<String> encryption = new ArrayList<>();

    @Option(names = "--not-src", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Leave out these source addresses or blocks, e.g. --not-src 10.0.0.0/8.")
    List<Cidr> notSrc = new ArrayList<>();

    @Option(names = "--not-dst", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Leave out these destination addresses or blocks.")
    List<Cidr> notDst = new ArrayList<>();

    @Option(names = "--not-ip", split = ",", paramLabel = "CIDR", converter = Converters.CidrConverter.class,
            description = "Leave out flows with these addresses on either side.")
    List<Cidr> notIp = new ArrayList<>();

    @Option(names = "--not-port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Leave out flows with these ports on either side, e.g. --not-port 443.")
    List<PortRanges> notPort = new ArrayList<>();

    @Option(names = "--not-src-port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Leave out these source ports.")
    List<PortRanges> notSrcPort = new ArrayList<>();

    @Option(names = "--not-dst-port", paramLabel = "PORTS", converter = Converters.PortsConverter.class,
            description = "Leave out these destination ports.")
    List<PortRanges> notDstPort = new ArrayList<>();

    @Option(names = "--not-protocol", split = ",", paramLabel = "PROTO", converter = Converters.ProtocolConverter.class,
            description = "Leave out these protocols.")
    List<Integer> notProtocol = new ArrayList<>();

    @Option(names = "--not-rule", split = ",", paramLabel = "GLOB", converter = Converters.GlobConverter.class,
            description = "Leave out rules matching these patterns.")
    List<Glob> notRule = new ArrayList<>();

    @Option(names = "--not-nsg", split = ",", paramLabel = "GLOB", converter = Converters.GlobConverter.class,
            description = "Leave out NSGs matching these patterns (rows without an NSG are kept).")
    List<Glob> notNsg = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", converter = Converters.SinceConverter.class,
            description = "Only tuples at or after TIME: 2024-05-14T09:30:00Z, a date (UTC), epoch seconds, "
                    + "or a time before now: 30m, 2h, 7d.")
    Long since;

    @Option(names = "--until", paramLabel = "TIME", converter = Converters.UntilConverter.class,
            description = "Only tuples at or before TIME, in the same forms; a date includes that whole day.")
    Long until;

    /**
     * What of these filters can spare listing a storage account (time, NSG, MAC), with how to
     * reach it: {@code auth} and the process's environment for credentials.
     */
    InputScope scope(Auth auth, boolean debug) {
        Set<String> macs = new HashSet<>(); // a loop, not a stream: start-up on a local file loads no more classes
        for (String m : mac) {
            macs.add(Macs.normalize(m));
        }
        return new InputScope(since == null ? Long.MIN_VALUE : since, until == null ? Long.MAX_VALUE : until,
                name -> nsg.isEmpty() || nsg.stream().anyMatch(g -> g.matches(name)), Set.copyOf(macs), auth, System.getenv(), debug);
    }

    /** The filter; a window that ends before it begins is the user's mistake, not an empty answer. */
    public FlowFilter build() {
        if (since != null && until != null && since >= until) {
            throw new ParameterException(spec.commandLine(), "--since " + Instant.ofEpochMilli(since)
                    + " is after --until " + Instant.ofEpochMilli(until - 1) + ": no tuple can match");
        }
        FlowFilter.Builder filter = FlowFilter.builder()
                .src(src).dst(dst).ip(ip)
                .port(port).srcPort(srcPort).dstPort(dstPort)
                .protocol(protocol).direction(direction).action(action).state(state)
                .rule(rule).nsg(nsg).mac(mac).encryption(encryption)
                .time(since == null ? Long.MIN_VALUE : since, until == null ? Long.MAX_VALUE : until);
        filter.excluding()
                .src(notSrc).dst(notDst).ip(notIp)
                .port(notPort).srcPort(notSrcPort).dstPort(notDstPort)
                .protocol(notProtocol).rule(notRule).nsg(notNsg);
        return filter.build();
    }
}
