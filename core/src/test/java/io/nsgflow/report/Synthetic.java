package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A mixed, reproducible stream: interleaved v2 connections (begun in the input or before it, some
 * ended, ports reused after an end), NSG denials, VNet-style denials and stateless v1 tuples, on
 * two MACs. It never begins a connection that is still open, the one case merging cannot make exact.
 */
final class Synthetic {
    private Synthetic() {
    }

    static List<FlowRow> connections(long seed, int count) {
        Random random = new Random(seed);
        List<FlowRow> rows = new ArrayList<>();
        Map<String, Boolean> open = new LinkedHashMap<>();
        long t = 1_700_000_000L;
        for (int i = 0; i < count; i++) {
            t += random.nextInt(40);
            String mac = random.nextBoolean() ? "000D3AF87856" : "000D3AF80000";
            String key = "10.0.0." + (1 + random.nextInt(4)) + ",52.1.1." + (1 + random.nextInt(3)) + ","
                    + (40000 + random.nextInt(5)) + ",443,T,O,A,";
            String keyed = mac + "|" + key;
            int kind = random.nextInt(10);
            String rule = random.nextBoolean() ? "UserRule_Web" : "DefaultRule_AllowInternetOutBound";
            String counters = random.nextInt(100) + "," + random.nextInt(9000) + "," + random.nextInt(100) + ","
                    + random.nextInt(90000);
            if (kind == 0) {
                rows.add(TestRows.row(mac, "DefaultRule_DenyAllInBound",
                        t + ",203.0.113." + random.nextInt(9) + ",10.0.0.4,5555," + random.nextInt(3) + ",U,I,D,B,,,,"));
            } else if (kind == 1) {
                rows.add(TestRows.row(mac, "DefaultRule_DenyAllInBound",
                        t + ",198.51.100." + random.nextInt(9) + ",10.0.0.4,6666,22,T,I,D,D,0,0,0,0"));
            } else if (kind == 2) {
                rows.add(TestRows.row(mac, rule, t + ",10.0.0.9,52.1.1.9,1234,80,T,O,A,"));
            } else if (!open.containsKey(keyed) && random.nextInt(3) > 0) {
                open.put(keyed, true);
                rows.add(TestRows.row(mac, rule, t + "," + key + "B,,,,"));
            } else {
                boolean end = random.nextInt(3) == 0;
                rows.add(TestRows.row(mac, rule, t + "," + key + (end ? "E," : "C,") + counters));
                if (end) {
                    open.remove(keyed);
                } else {
                    open.put(keyed, true);
                }
            }
        }
        return rows;
    }
}
