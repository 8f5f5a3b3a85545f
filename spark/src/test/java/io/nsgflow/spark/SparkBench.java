package io.nsgflow.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The data source's side of bench/spark.sh (not a test): {@code SparkBench MASTER RANGE_BYTES
 * PATH} reads every row of PATH once with {@code spark.read.format("nsgflow")} in a session of its
 * own, as a user's job would, and prints the rows and their bytes (both directions), tab-separated,
 * for the script to check against the CLI's summary.
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master(args[0]).appName("nsgflow-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            Row r = spark.read().format("nsgflow").option(RangePlan.OPTION, args[1]).load(args[2])
                    .selectExpr("count(*)", "coalesce(sum(bytesSrcToDst), 0) + coalesce(sum(bytesDstToSrc), 0)").first();
            System.out.println(r.getLong(0) + "\t" + r.get(1));
        } finally {
            spark.stop();
        }
    }
}
