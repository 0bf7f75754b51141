package dev.nodepulse.agent.collector;

import dev.nodepulse.cli.Flag;
import java.util.List;

/**
 * A collector as the registry knows it: its node_exporter name, whether node_exporter enables it by
 * default on Linux, its own flags ({@code --collector.<name>.<option>}), and how to build it from them.
 */
public record CollectorSpec(String name, boolean enabledByDefault, List<Flag> options, Factory factory) {

    @FunctionalInterface
    public interface Factory {
        /** Throws {@link IllegalArgumentException} for option values that contradict each other. */
        Collector create(CollectorContext context) throws Exception;
    }

    public static CollectorSpec of(String name, boolean enabledByDefault, Factory factory, Flag... options) {
        return new CollectorSpec(name, enabledByDefault, List.of(options), factory);
    }

    /** The flag name of one of this collector's options: {@code collector.<name>.<option>}. */
    public String option(String option) {
        return "collector." + name + "." + option;
    }
}
