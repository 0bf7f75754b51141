package dev.nodepulse.aggregator.scraper;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --static-node NAME=URL}: a fixed node list for edge and local runs, no API server involved. A URL
 * without a path reads {@code /metrics/resource}.
 */
public final class StaticTargets implements TargetSource {

    private final List<ScrapeTarget> targets;

    public StaticTargets(List<ScrapeTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    /** Parses the flag values; throws IllegalArgumentException with the offending value. */
    public static StaticTargets parse(List<String> values) {
        Map<String, ScrapeTarget> byName = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new IllegalArgumentException("--static-node wants NAME=URL, got \"" + v + "\"");
            }
            String name = v.substring(0, eq).trim();
            URI url;
            try {
                url = URI.create(v.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--static-node " + name + ": bad URL: " + e.getMessage());
            }
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("--static-node " + name + ": URL must be http(s)://host[:port][/path]");
            }
            if (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")) {
                url = url.resolve("/metrics/resource");
            }
            if (byName.put(name, new ScrapeTarget(name, url)) != null) {
                throw new IllegalArgumentException("--static-node " + name + " given twice");
            }
        }
        return new StaticTargets(new ArrayList<>(byName.values()));
    }

    @Override
    public List<ScrapeTarget> targets() {
        return targets;
    }

    public List<String> nodeNames() {
        return targets.stream().map(ScrapeTarget::node).toList();
    }
}
