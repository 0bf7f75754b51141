package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.etc.LocalTimeZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeCollectorTest {

    @TempDir
    Path tmp;

    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_763_776_800L, 250_000_000), ZoneOffset.UTC);

    @Test
    void timeZoneAndClocksources() throws Exception {
        FakeHost t = new FakeHost(tmp)
                .sys("devices/system/clocksource/clocksource0/available_clocksource", "tsc hpet acpi_pm \n")
                .sys("devices/system/clocksource/clocksource0/current_clocksource", "tsc\n");
        MetricSink sink = new MetricSink();
        new TimeCollector(t.paths, LocalTimeZone.load(Map.of("TZ", "UTC"), tmp), FIXED).update(sink);
        Rendered r = Rendered.of(sink);
        assertEquals(1_763_776_800.25, r.value("node_time_seconds"));
        assertEquals("System time in seconds since epoch (1970).", r.get("node_time_seconds").help());
        assertEquals(0, r.value("node_time_zone_offset_seconds", Map.of("time_zone", "UTC")));
        for (String cs : new String[] {"tsc", "hpet", "acpi_pm"}) {
            assertEquals(1, r.value("node_time_clocksource_available_info", Map.of("device", "0", "clocksource", cs)));
        }
        assertEquals(3, r.get("node_time_clocksource_available_info").samples().size());
        assertEquals(1, r.value("node_time_clocksource_current_info", Map.of("device", "0", "clocksource", "tsc")));
        assertEquals("Current clocksource read from '/sys/devices/system/clocksource'.",
                r.get("node_time_clocksource_current_info").help());
    }

    @Test
    void hostZoneFile() throws Exception {
        Path berlin = Path.of("/usr/share/zoneinfo/Europe/Berlin");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(berlin), "no tzdata on this host");
        MetricSink sink = new MetricSink();
        Clock summer = Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneOffset.UTC);
        new TimeCollector(new FakeHost(tmp).paths, LocalTimeZone.load(Map.of("TZ", "Europe/Berlin"), Path.of("/")), summer)
                .update(sink);
        assertEquals(7200, Rendered.of(sink).value("node_time_zone_offset_seconds", Map.of("time_zone", "CEST")));
    }

    @Test
    void liveHostAgreesWithTheJdk() throws Exception {
        MetricSink sink = new MetricSink();
        long before = System.currentTimeMillis();
        new TimeCollector(HostPaths.defaults(), LocalTimeZone.load(), Clock.systemUTC()).update(sink);
        long after = System.currentTimeMillis();
        Rendered r = Rendered.of(sink);
        double now = r.value("node_time_seconds");
        assertTrue(now * 1000 >= before - 1 && now * 1000 <= after + 1, now + " not in [" + before + ", " + after + "]");
        var offset = r.get("node_time_zone_offset_seconds").samples().get(0);
        // The JDK resolves the same TZ / /etc/localtime on an ordinary host.
        assertEquals(java.time.ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds(), offset.value());
        Path cs = Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource");
        if (Files.isReadable(cs)) {
            assertEquals(1, r.value("node_time_clocksource_current_info",
                    Map.of("device", "0", "clocksource", Files.readString(cs).trim())));
        }
    }

    @Test
    void noClocksourcesIsFineAndABrokenOneIsAnError() throws Exception {
        MetricSink sink = new MetricSink();
        new TimeCollector(new FakeHost(tmp).paths, LocalTimeZone.load(Map.of("TZ", ""), tmp), FIXED).update(sink);
        Rendered r = Rendered.of(sink);
        assertTrue(r.family("node_time_seconds").isPresent());
        assertTrue(r.family("node_time_clocksource_current_info").isEmpty());

        FakeHost broken = new FakeHost(tmp.resolve("b"))
                .sys("devices/system/clocksource/clocksource0/available_clocksource", "tsc\n");
        MetricSink s2 = new MetricSink();
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> new TimeCollector(broken.paths, LocalTimeZone.load(Map.of("TZ", ""), tmp), FIXED).update(s2));
        // What was published before the failure stays, as in node_exporter.
        assertTrue(Rendered.of(s2).family("node_time_seconds").isPresent());
    }
}
