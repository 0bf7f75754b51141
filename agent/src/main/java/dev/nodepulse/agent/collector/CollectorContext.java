package dev.nodepulse.agent.collector;

import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.procfs.HostPaths;
import java.time.Duration;
import java.util.regex.Pattern;

/** What a collector factory may use: where the host is, and the command line. */
public record CollectorContext(String collector, HostPaths paths, FlagValues flags, java.util.Set<String> enabled) {

    private String key(String option) {
        return "collector." + collector + "." + option;
    }

    public String string(String option) {
        return flags.string(key(option));
    }

    public java.util.List<String> all(String option) {
        return flags.all(key(option));
    }

    public boolean bool(String option) {
        return flags.bool(key(option));
    }

    public int integer(String option) {
        return flags.integer(key(option));
    }

    public Duration duration(String option) {
        return flags.duration(key(option));
    }

    public Pattern pattern(String option) {
        return flags.pattern(key(option));
    }

    public boolean isSet(String option) {
        return flags.isSet(key(option));
    }

    /** Whether another collector is enabled (cpu publishes node_cpu_frequency_hertz only next to cpufreq). */
    public boolean collectorEnabled(String name) {
        return enabled.contains(name);
    }

    /**
     * node_exporter's include/exclude pair for one collector: at most one may be given; include wins
     * when set, otherwise exclude (with its default) applies. The old names, when the collector has
     * them, are handled by flag aliases.
     */
    public DeviceFilter deviceFilter(String includeOption, String excludeOption) {
        boolean includeSet = isSet(includeOption) && !string(includeOption).isEmpty();
        boolean excludeSet = isSet(excludeOption) && !string(excludeOption).isEmpty();
        if (includeSet && excludeSet) {
            throw new IllegalArgumentException("--" + key(includeOption) + " and --" + key(excludeOption)
                    + " are mutually exclusive");
        }
        return new DeviceFilter(pattern(includeOption), includeSet ? null : pattern(excludeOption));
    }
}
