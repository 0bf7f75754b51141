package dev.nodepulse.agent.collector;

import java.util.regex.Pattern;

/**
 * node_exporter's device filter: a name is ignored when it matches the exclude pattern, or when an include
 * pattern is set and it does not match. Patterns search anywhere in the name, like Go's MatchString.
 */
public record DeviceFilter(Pattern include, Pattern exclude) {

    public static final DeviceFilter NONE = new DeviceFilter(null, null);

    public boolean ignored(String name) {
        if (exclude != null && exclude.matcher(name).find()) {
            return true;
        }
        return include != null && !include.matcher(name).find();
    }
}
