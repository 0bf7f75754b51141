package dev.nodepulse.agent.self;

import dev.nodepulse.metrics.MetricSink;

/**
 * node_exporter_build_info with node_exporter's label names, describing this agent: dashboards and alerts
 * that key on the family (version panels, "exporter is up" rules) keep working.
 */
public final class BuildInfo {

    public static final String VERSION = versionOf(BuildInfo.class);

    private BuildInfo() {}

    public static void collect(MetricSink sink) {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        sink.gauge("node_exporter_build_info",
                        "A metric with a constant '1' value labeled by version, revision, branch, goversion from which "
                                + "node_exporter was built, and the goos and goarch for the build.",
                        "branch", "goarch", "goos", "goversion", "revision", "tags", "version")
                .add(1, "", arch, "linux", "java" + System.getProperty("java.version"), "", "nodepulse", VERSION);
    }

    static String versionOf(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
