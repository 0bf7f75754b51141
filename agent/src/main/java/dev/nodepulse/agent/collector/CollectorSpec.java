package dev.nodepulse.agent.collector;

import dev.nodepulse.cli.Flag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collector as the registry knows it: its node_exporter name, whether node_exporter enables it by
 * default on Linux, its own flags ({@code --collector.<name>.<option>}), the deprecated flag names
 * node_exporter still accepts for some of them (old name to current name), and how to build it.
 */
public record CollectorSpec(String name, boolean enabledByDefault, List<Flag> options, Factory factory,
                            Map<String, String> aliases) {

    @FunctionalInterface
    public interface Factory {
        /** Throws {@link IllegalArgumentException} for option values that contradict each other. */
        Collector create(CollectorContext context) throws Exception;
    }

    public static CollectorSpec of(String name, boolean enabledByDefault, Factory factory, Flag... options) {
        return new CollectorSpec(name, enabledByDefault, List.of(options), factory, Map.of());
    }

    /**
     * The same spec accepting {@code --<oldName>} as {@code --<newName>} (node_exporter's hidden,
     * deprecated spellings such as {@code collector.filesystem.ignored-mount-points}).
     */
    public CollectorSpec withAlias(String oldName, String newName) {
        Map<String, String> all = new LinkedHashMap<>(aliases);
        all.put(oldName, newName);
        return new CollectorSpec(name, enabledByDefault, options, factory, Map.copyOf(all));
    }

    /** The flag name of one of this collector's options: {@code collector.<name>.<option>}. */
    public String option(String option) {
        return "collector." + name + "." + option;
    }
}
