package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.LabelSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UnameCollectorTest {

    private static String sysctl(String name) throws Exception {
        return Files.readString(Path.of("/proc/sys/kernel/" + name)).strip();
    }

    /** uname(2) against the same strings in /proc/sys/kernel and `uname -m`. */
    @Test
    void liveHostAgreesWithProcSysKernel() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/osrelease")), "no /proc/sys/kernel here");
        MetricSink sink = new MetricSink();
        new UnameCollector().update(sink);
        Rendered r = Rendered.of(sink);
        assertEquals("Labeled system information as provided by the uname system call.", r.get("node_uname_info").help());
        assertEquals(1, r.get("node_uname_info").samples().size());
        LabelSet l = r.get("node_uname_info").samples().get(0).labels();
        assertEquals(1, r.get("node_uname_info").samples().get(0).value());
        assertEquals(sysctl("osrelease"), l.get("release"));
        assertEquals(sysctl("ostype"), l.get("sysname"));
        assertEquals(sysctl("version"), l.get("version"));
        assertEquals(sysctl("hostname"), l.get("nodename"));
        assertEquals(sysctl("domainname"), l.get("domainname"));
        Process p = new ProcessBuilder("uname", "-m").start();
        String machine = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        assertEquals(machine, l.get("machine"));
        assertEquals(6, l.size());
    }
}
