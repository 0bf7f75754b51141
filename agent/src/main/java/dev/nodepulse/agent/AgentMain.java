package dev.nodepulse.agent;

import dev.nodepulse.agent.self.BuildInfo;
import dev.nodepulse.cli.FlagException;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.log.Log;

/** Entry point of nodepulse-agent.jar. Exit status 2 for a command line it cannot run with, as node_exporter. */
public final class AgentMain {

    private AgentMain() {}

    public static void main(String[] args) {
        FlagSet flags = AgentFlags.define();
        FlagValues values;
        try {
            values = flags.parse(args);
            if (values.bool("help")) {
                flags.printHelp(System.out, "nodepulse agent: node_exporter-compatible node metrics, kubelet-compatible "
                        + "container metrics and stats.");
                return;
            }
            if (values.bool("version")) {
                System.out.println("nodepulse-agent, version " + BuildInfo.VERSION + " (java " + System.getProperty("java.version") + ")");
                return;
            }
            Log.configure(Log.parseLevel(values.string("log.level")), Log.parseFormat(values.string("log.format")));
        } catch (FlagException | IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        }

        Agent agent;
        try {
            agent = Agent.start(values);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        } catch (Exception e) {
            Log.get(AgentMain.class).error("start-up failed", "err", e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "shutdown"));
    }

    private static void usageError(String message) {
        System.err.println("nodepulse-agent: error: " + message + ", try --help");
        System.exit(2);
    }
}
