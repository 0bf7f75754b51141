package dev.nodepulse.agent.collector;

import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.procfs.HostPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the catalog and the command line into the set of collector instances this agent runs. */
public final class EnabledCollectors {

    private EnabledCollectors() {}

    /** Adds {@code --[no-]collector.<name>} and every collector's own options to the flag set. */
    public static void defineFlags(FlagSet flags, List<CollectorSpec> catalog) {
        flags.add(Flag.bool("collector.disable-defaults", false,
                "Set all collectors to disabled by default; enable them one by one with --collector.<name>."));
        for (CollectorSpec spec : catalog) {
            flags.add(Flag.bool("collector." + spec.name(), spec.enabledByDefault(),
                    "Enable the " + spec.name() + " collector."));
            flags.addAll(spec.options());
            spec.aliases().forEach(flags::alias);
        }
    }

    /** The names of the enabled collectors, sorted as the catalog is. */
    public static List<String> enabledNames(FlagValues flags, List<CollectorSpec> catalog) {
        boolean disableDefaults = flags.bool("collector.disable-defaults");
        List<String> names = new ArrayList<>();
        for (CollectorSpec spec : catalog) {
            String key = "collector." + spec.name();
            boolean on = disableDefaults ? flags.isSet(key) && flags.bool(key) : flags.bool(key);
            if (on) {
                names.add(spec.name());
            }
        }
        return names;
    }

    /**
     * Builds the enabled collectors. An option problem (contradicting include/exclude flags, a bad value)
     * is an {@link IllegalArgumentException} naming the collector.
     */
    public static Map<String, Collector> create(FlagValues flags, HostPaths paths, List<CollectorSpec> catalog)
            throws Exception {
        List<String> names = enabledNames(flags, catalog);
        Map<String, Collector> out = new LinkedHashMap<>();
        for (CollectorSpec spec : catalog) {
            if (!names.contains(spec.name())) {
                continue;
            }
            try {
                out.put(spec.name(), spec.factory().create(new CollectorContext(spec.name(), paths, flags, java.util.Set.copyOf(names))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("collector " + spec.name() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
