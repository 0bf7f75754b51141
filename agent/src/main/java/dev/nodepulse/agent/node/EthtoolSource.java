package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.natives.Ethtool;
import dev.nodepulse.procfs.natives.EthtoolDriverInfo;
import dev.nodepulse.procfs.natives.EthtoolLinkSettings;
import java.io.IOException;
import java.util.Map;

/**
 * The three ethtool reads of node_exporter's ethtool collector, per interface. A device without the
 * operation fails with an {@link dev.nodepulse.procfs.natives.ErrnoException} carrying EOPNOTSUPP. Like
 * upstream this asks the kernel about the agent's own network namespace, not through --path.sysfs.
 * Tests substitute canned answers.
 */
interface EthtoolSource {

    EthtoolDriverInfo driverInfo(String device) throws IOException;

    Map<String, Long> stats(String device) throws IOException;

    EthtoolLinkSettings linkSettings(String device) throws IOException;

    /** One socket per call, as the Go library's link settings call does. */
    EthtoolSource KERNEL = new EthtoolSource() {
        @Override
        public EthtoolDriverInfo driverInfo(String device) throws IOException {
            try (Ethtool e = Ethtool.open()) {
                return e.driverInfo(device);
            }
        }

        @Override
        public Map<String, Long> stats(String device) throws IOException {
            try (Ethtool e = Ethtool.open()) {
                return e.stats(device);
            }
        }

        @Override
        public EthtoolLinkSettings linkSettings(String device) throws IOException {
            try (Ethtool e = Ethtool.open()) {
                return e.linkSettings(device);
            }
        }
    };
}
