package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsCollectorTest {

    @TempDir
    Path tmp;

    private static Rendered collect(FakeHost t) throws Exception {
        MetricSink sink = new MetricSink();
        new OsCollector(t.paths).update(sink);
        return Rendered.of(sink);
    }

    @Test
    void ubuntuStyleFileUnderUsrLib() throws Exception {
        FakeHost t = new FakeHost(tmp).rootfs("usr/lib/os-release", """
                NAME="Ubuntu"
                VERSION="20.04.2 LTS (Focal Fossa)"
                ID=ubuntu
                ID_LIKE=debian
                PRETTY_NAME="Ubuntu 20.04.2 LTS"
                VERSION_ID="20.04"
                VERSION_CODENAME=focal
                """);
        Rendered r = collect(t);
        assertEquals(1, r.value("node_os_info", Map.ofEntries(Map.entry("build_id", ""), Map.entry("id", "ubuntu"),
                Map.entry("id_like", "debian"), Map.entry("image_id", ""), Map.entry("image_version", ""),
                Map.entry("name", "Ubuntu"), Map.entry("pretty_name", "Ubuntu 20.04.2 LTS"), Map.entry("variant", ""),
                Map.entry("variant_id", ""), Map.entry("version", "20.04.2 LTS (Focal Fossa)"),
                Map.entry("version_codename", "focal"), Map.entry("version_id", "20.04"))));
        assertEquals(20.04, r.value("node_os_version", Map.of("id", "ubuntu", "id_like", "debian", "name", "Ubuntu")));
        assertEquals("Metric containing the major.minor part of the OS version.", r.get("node_os_version").help());
        assertTrue(r.get("node_os_info").help().startsWith("A metric with a constant '1' value labeled by build_id"));
        assertFalse(r.family("node_os_support_end_timestamp_seconds").isPresent());
    }

    @Test
    void etcWinsOverUsrLibAndSupportEnd() throws Exception {
        FakeHost t = new FakeHost(tmp)
                .rootfs("usr/lib/os-release", "ID=other\n")
                .rootfs("etc/os-release", "ID=fedora\nNAME=Fedora\nVERSION_ID=40\nSUPPORT_END=2025-05-13\n");
        Rendered r = collect(t);
        assertEquals(40, r.value("node_os_version", Map.of("id", "fedora", "id_like", "", "name", "Fedora")));
        assertEquals(LocalDate.of(2025, 5, 13).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                r.value("node_os_support_end_timestamp_seconds"));
    }

    @Test
    void thisHostsFile() throws Exception {
        Path etc = Path.of("/etc/os-release");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(etc));
        String text = Files.readString(etc);
        MetricSink sink = new MetricSink();
        new OsCollector(HostPaths.defaults()).update(sink);
        Rendered r = Rendered.of(sink);
        String id = text.lines().filter(l -> l.startsWith("ID=")).findFirst().orElseThrow().substring(3).replace("\"", "");
        assertEquals(id, r.get("node_os_info").samples().get(0).labels().get("id"));
    }

    @Test
    void versionWithoutLeadingNumberHasNoVersionFamily() throws Exception {
        Rendered r = collect(new FakeHost(tmp).rootfs("etc/os-release", "ID=arch\nVERSION_ID=rolling\n"));
        assertTrue(r.family("node_os_info").isPresent());
        assertFalse(r.family("node_os_version").isPresent());
        assertEquals(3.18, OsCollector.version("3.18.4"));
        assertEquals(12, OsCollector.version("12"));
        assertEquals(22, OsCollector.version("22."));
        assertEquals(0, OsCollector.version(""));
    }

    @Test
    void noFileIsNoData() {
        assertThrows(NoDataException.class, () -> collect(new FakeHost(tmp)));
    }

    @Test
    void brokenFileOrDateIsAnError() throws Exception {
        FakeHost t = new FakeHost(tmp).rootfs("etc/os-release", "NAME=\"unterminated\n")
                .rootfs("usr/lib/os-release", "ID=fine\n");
        assertThrows(ParseException.class, () -> collect(t));
        FakeHost d = new FakeHost(tmp.resolve("d")).rootfs("etc/os-release", "ID=x\nSUPPORT_END=2025-02-30\n");
        assertThrows(ParseException.class, () -> collect(d));
        FakeHost e = new FakeHost(tmp.resolve("e")).rootfs("etc/os-release", "");
        Rendered r = collect(e);
        assertEquals(1, r.get("node_os_info").samples().size());
    }
}
