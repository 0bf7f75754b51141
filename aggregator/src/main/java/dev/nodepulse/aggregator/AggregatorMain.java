package dev.nodepulse.aggregator;

import dev.nodepulse.cli.FlagException;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.log.Log;

/** Entry point of nodepulse-aggregator.jar. Exit status 2 for a command line it cannot run with. */
public final class AggregatorMain {

    private AggregatorMain() {}

    public static void main(String[] args) {
        FlagSet flags = AggregatorFlags.define();
        FlagValues values;
        try {
            values = flags.parse(args);
            if (values.bool("help")) {
                flags.printHelp(System.out, "nodepulse aggregator: serves metrics.k8s.io (kubectl top, HPA) from nodepulse "
                        + "agents' /metrics/resource, in place of metrics-server.");
                return;
            }
            if (values.bool("version")) {
                System.out.println("nodepulse-aggregator, version " + Aggregator.VERSION + " (java "
                        + System.getProperty("java.version") + ")");
                return;
            }
            Log.configure(Log.parseLevel(values.string("log.level")), Log.parseFormat(values.string("log.format")));
        } catch (FlagException | IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        }
        Aggregator aggregator;
        try {
            aggregator = Aggregator.start(values);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        } catch (Exception e) {
            Log.get(AggregatorMain.class).error("start-up failed", "err", e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(aggregator::close, "shutdown"));
    }

    private static void usageError(String message) {
        System.err.println("nodepulse-aggregator: error: " + message + ", try --help");
        System.exit(2);
    }
}
