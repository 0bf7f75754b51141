package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.vulnerabilities.CpuVulnerability;
import dev.nodepulse.procfs.sys.vulnerabilities.CpuVulnerabilityParser;

/** node_cpu_vulnerabilities_info from /sys/devices/system/cpu/vulnerabilities (off by default, as upstream). */
public final class CpuVulnerabilitiesCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("cpu_vulnerabilities", false,
            ctx -> new CpuVulnerabilitiesCollector(ctx.paths()));

    private final HostPaths paths;

    public CpuVulnerabilitiesCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Family info = sink.gauge("node_cpu_vulnerabilities_info",
                "Details of each CPU vulnerability reported by sysfs. The value of the series is an int encoded "
                        + "state of the vulnerability. The same state is stored as a string in the label",
                "codename", "state", "mitigation");
        for (CpuVulnerability v : CpuVulnerabilityParser.readAll(paths.sys("devices", "system", "cpu", "vulnerabilities"))) {
            info.add(1, v.codename(), v.state(), v.mitigation());
        }
    }
}
