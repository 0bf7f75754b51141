package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.SinkValues.valueOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.collector.Outcome;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.dbus.SystemdBus;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd collector scraping a fake systemd over a real UNIX socket under the fake host's rootfs, with
 * the expected families, labels and values worked out from node_exporter's systemd_linux.go.
 */
class SystemdCollectorTest {

    private static final String UNIT = "/org/freedesktop/systemd1/unit/";
    private static final String SERVICE = "org.freedesktop.systemd1.Service.";
    private static final String SOCKET = "org.freedesktop.systemd1.Socket.";
    private static final String TIMER = "org.freedesktop.systemd1.Timer.";
    private static final String ACTIVE_ENTER = "org.freedesktop.systemd1.Unit.ActiveEnterTimestamp";
    private static final long MAX_UINT64 = -1L;

    @TempDir
    Path tmp;

    private FakeHost host;

    @BeforeEach
    void noBusAddressOverride() {
        assumeTrue(System.getenv("DBUS_SYSTEM_BUS_ADDRESS") == null, "DBUS_SYSTEM_BUS_ADDRESS would override the socket");
        host = new FakeHost(tmp.resolve("root"));
    }

    private Path busSocket() {
        return host.paths.root("/run/dbus/system_bus_socket");
    }

    /** Eleven units of all the kinds the collector looks at; escaped paths written out by hand. */
    private static FakeSystemdBus populate(FakeSystemdBus s) {
        return s.unit("ssh.service", "loaded", "active", "running")
                .unit("cron.service", "loaded", "inactive", "dead")
                .unit("foo.service", "not-found", "inactive", "dead")
                .unit("dev-sda.device", "loaded", "active", "plugged")
                .unit("docker.socket", "loaded", "active", "listening")
                .unit("old.socket", "loaded", "failed", "failed")
                .unit("logrotate.timer", "loaded", "active", "waiting")
                .unit("never.timer", "loaded", "inactive", "dead")
                .unit("home.mount", "loaded", "active", "mounted")
                .unit("weird.service", "loaded", "reloading", "reload")
                .unit("9p@x.service", "loaded", "active", "exited")
                .property(UNIT + "ssh_2eservice", SERVICE + "Type", "s", "notify")
                .property(UNIT + "ssh_2eservice", SERVICE + "NRestarts", "u", 2L)
                .property(UNIT + "ssh_2eservice", SERVICE + "TasksCurrent", "t", 3L)
                .property(UNIT + "ssh_2eservice", SERVICE + "TasksMax", "t", 4915L)
                .property(UNIT + "ssh_2eservice", ACTIVE_ENTER, "t", 1700000000123456L)
                .property(UNIT + "cron_2eservice", SERVICE + "Type", "s", "simple")
                .property(UNIT + "cron_2eservice", SERVICE + "TasksCurrent", "t", MAX_UINT64)
                .property(UNIT + "cron_2eservice", SERVICE + "TasksMax", "t", 1000L)
                .property(UNIT + "docker_2esocket", SOCKET + "NAccepted", "u", 10L)
                .property(UNIT + "docker_2esocket", SOCKET + "NConnections", "u", 1L)
                .property(UNIT + "docker_2esocket", SOCKET + "NRefused", "u", 0L)
                .property(UNIT + "docker_2esocket", ACTIVE_ENTER, "t", 1700000100000000L)
                .property(UNIT + "old_2esocket", SOCKET + "NAccepted", "u", 5L)
                .property(UNIT + "logrotate_2etimer", TIMER + "LastTriggerUSec", "t", 1699999000000000L)
                .property(UNIT + "logrotate_2etimer", ACTIVE_ENTER, "t", 1700000200500000L)
                .property(UNIT + "never_2etimer", TIMER + "LastTriggerUSec", "t", 0L)
                .property(UNIT + "home_2emount", "org.freedesktop.systemd1.Mount.Type", "s", "ext4")
                .property(UNIT + "_39p_40x_2eservice", SERVICE + "Type", "s", "oneshot")
                .property(UNIT + "_39p_40x_2eservice", SERVICE + "TasksCurrent", "t", 0L)
                .property(UNIT + "_39p_40x_2eservice", SERVICE + "TasksMax", "t", MAX_UINT64);
    }

    private static Set<String> names(MetricSink sink) {
        Set<String> names = new TreeSet<>();
        sink.families().forEach(f -> {
            if (f.size() > 0) {
                names.add(f.name());
            }
        });
        return names;
    }

    /** Sample values of a one-label family by that label. */
    private static Map<String, Double> byLabel(MetricSink sink, String family) {
        Map<String, Double> m = new java.util.HashMap<>();
        var f = sink.get(family);
        for (int i = 0; i < f.size(); i++) {
            assertNull(m.put(f.labelValue(i, 0), f.value(i)), "duplicate series in " + family);
        }
        return m;
    }

    private static long uid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    @Test
    void scrapeOfEveryFamily() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.handWrittenVersion = true;
            fake.manager("Virtualization", "s", "").manager("SystemState", "s", "degraded");
            MetricSink sink = Collectors.scrape(host, "systemd", "--collector.systemd.enable-task-metrics",
                    "--collector.systemd.enable-restarts-metrics", "--collector.systemd.enable-start-time-metrics");

            assertEquals(List.of("AUTH EXTERNAL " + HexFormat.of().formatHex(
                    Long.toString(uid()).getBytes(StandardCharsets.US_ASCII))), fake.authLines);
            assertEquals("Hello", fake.calls.get(0));

            assertEquals(Set.of("node_systemd_version", "node_systemd_virtualization_info", "node_systemd_units",
                    "node_systemd_unit_state", "node_systemd_service_restart_total",
                    "node_systemd_unit_start_time_seconds", "node_systemd_unit_tasks_current",
                    "node_systemd_unit_tasks_max", "node_systemd_timer_last_trigger_seconds",
                    "node_systemd_socket_accepted_connections_total", "node_systemd_socket_current_connections",
                    "node_systemd_socket_refused_connections_total", "node_systemd_system_running"), names(sink));

            assertEquals(252, value(sink, "node_systemd_version", "252"));
            assertEquals("Detected systemd version", sink.get("node_systemd_version").help());
            assertEquals(1, value(sink, "node_systemd_virtualization_info", "none"));

            // all eleven units by active state, the unusual "reloading" included
            assertEquals(Map.of("active", 6.0, "activating", 0.0, "deactivating", 0.0, "inactive", 3.0,
                    "failed", 1.0, "reloading", 1.0), byLabel(sink, "node_systemd_units"));

            // loaded units passing the default exclude: 8 units, 5 states each
            assertEquals(40, sink.get("node_systemd_unit_state").size());
            assertEquals(1, value(sink, "node_systemd_unit_state", "ssh.service", "active", "notify"));
            assertEquals(0, value(sink, "node_systemd_unit_state", "ssh.service", "failed", "notify"));
            assertEquals(1, value(sink, "node_systemd_unit_state", "cron.service", "inactive", "simple"));
            assertEquals(1, value(sink, "node_systemd_unit_state", "old.socket", "failed", ""));
            assertEquals(1, value(sink, "node_systemd_unit_state", "9p@x.service", "active", "oneshot"));
            for (String state : SystemdCollector.UNIT_STATES) {
                assertEquals(0, value(sink, "node_systemd_unit_state", "weird.service", state, ""));
            }
            assertNull(valueOrNull(sink, "node_systemd_unit_state", "foo.service", "inactive", ""));
            assertNull(valueOrNull(sink, "node_systemd_unit_state", "dev-sda.device", "active", ""));
            assertNull(valueOrNull(sink, "node_systemd_unit_state", "home.mount", "active", "ext4"));

            assertEquals(MetricType.COUNTER, sink.get("node_systemd_service_restart_total").type());
            assertEquals(Map.of("ssh.service", 2.0), byLabel(sink, "node_systemd_service_restart_total"));

            assertEquals(Map.of("ssh.service", 1700000000.123456, "cron.service", 0.0,
                    "docker.socket", 1700000100.0, "old.socket", 0.0, "logrotate.timer", 1700000200.5,
                    "never.timer", 0.0, "weird.service", 0.0),
                    byLabel(sink, "node_systemd_unit_start_time_seconds"));

            assertEquals(Map.of("ssh.service", 3.0, "9p@x.service", 0.0),
                    byLabel(sink, "node_systemd_unit_tasks_current"));
            assertEquals(Map.of("ssh.service", 4915.0, "cron.service", 1000.0),
                    byLabel(sink, "node_systemd_unit_tasks_max"));

            assertEquals(Map.of("logrotate.timer", 1699999000.0, "never.timer", 0.0),
                    byLabel(sink, "node_systemd_timer_last_trigger_seconds"));

            assertEquals(MetricType.COUNTER, sink.get("node_systemd_socket_accepted_connections_total").type());
            assertEquals(Map.of("docker.socket", 10.0, "old.socket", 5.0),
                    byLabel(sink, "node_systemd_socket_accepted_connections_total"));
            assertEquals(Map.of("docker.socket", 1.0),
                    byLabel(sink, "node_systemd_socket_current_connections"));
            assertEquals(MetricType.GAUGE, sink.get("node_systemd_socket_refused_connections_total").type());
            assertEquals(Map.of("docker.socket", 0.0),
                    byLabel(sink, "node_systemd_socket_refused_connections_total"));

            assertEquals(0, value(sink, "node_systemd_system_running"));
        }
    }

    @Test
    void optionalFamiliesStayOffByDefault() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "252.22-1~deb12u1").manager("Virtualization", "s", "kvm")
                    .manager("SystemState", "s", "running");
            MetricSink sink = Collectors.scrape(host, "systemd");
            assertEquals(252.22, value(sink, "node_systemd_version", "252.22-1~deb12u1"));
            assertEquals(1, value(sink, "node_systemd_virtualization_info", "kvm"));
            assertEquals(1, value(sink, "node_systemd_system_running"));
            Set<String> names = names(sink);
            assertFalse(names.contains("node_systemd_service_restart_total"));
            assertFalse(names.contains("node_systemd_unit_start_time_seconds"));
            assertFalse(names.contains("node_systemd_unit_tasks_current"));
            assertFalse(names.contains("node_systemd_unit_tasks_max"));
            assertTrue(names.contains("node_systemd_timer_last_trigger_seconds"));
        }
    }

    @Test
    void oldSystemdHasNoTimersNorSystemState() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "211").manager("SystemState", "s", "running");
            MetricSink sink = Collectors.scrape(host, "systemd");
            assertEquals(211, value(sink, "node_systemd_version", "211"));
            // no Virtualization property: upstream says "unknown"
            assertEquals(1, value(sink, "node_systemd_virtualization_info", "unknown"));
            assertFalse(names(sink).contains("node_systemd_timer_last_trigger_seconds"));
            assertFalse(names(sink).contains("node_systemd_system_running"));
            assertFalse(fake.calls.contains("Get org.freedesktop.systemd1.Manager.SystemState"));
        }
    }

    @Test
    void unreadableVersionIsZero() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "unknown-version");
            MetricSink sink = Collectors.scrape(host, "systemd");
            assertEquals(0, value(sink, "node_systemd_version", ""));
        }
    }

    @Test
    void includeAndExcludePatternsAreAnchored() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "255").manager("SystemState", "s", "running");
            MetricSink sink = Collectors.scrape(host, "systemd", "--collector.systemd.unit-include=.*\\.(service|mount)",
                    "--collector.systemd.unit-exclude=cron\\.service|ssh");
            Set<String> units = new TreeSet<>();
            var f = sink.get("node_systemd_unit_state");
            for (int i = 0; i < f.size(); i++) {
                units.add(f.labelValue(i, 0));
            }
            // "ssh" does not exclude ssh.service: upstream anchors the pattern as ^(?:...)$
            assertEquals(Set.of("ssh.service", "home.mount", "weird.service", "9p@x.service"), units);
            assertEquals(1, value(sink, "node_systemd_unit_state", "home.mount", "active", "ext4"));
            // the summary still counts every unit
            assertEquals(6, value(sink, "node_systemd_units", "active"));
        }
    }

    @Test
    void deprecatedWhitelistSpellingStillWorks() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            MetricSink sink = Collectors.scrape(host, "systemd", "--collector.systemd.unit-whitelist=ssh\\.service");
            assertEquals(5, sink.get("node_systemd_unit_state").size());
        }
    }

    @Test
    void privateSocketSkipsHello() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(host.paths.root("/run/systemd/private"), false))) {
            fake.manager("Version", "s", "255").manager("SystemState", "s", "starting");
            MetricSink sink = Collectors.scrape(host, "systemd", "--collector.systemd.private");
            assertEquals(0, value(sink, "node_systemd_system_running"));
            assertEquals(255, value(sink, "node_systemd_version", "255"));
            assertFalse(fake.calls.contains("Hello"));
            assertEquals(40, sink.get("node_systemd_unit_state").size());
        }
    }

    @Test
    void absentSocketFailsTheCollector() throws Exception {
        FlagValues flags = AgentFlags.define().parse(new String[] {"--collector.disable-defaults", "--collector.systemd"});
        Map<String, Collector> collectors = EnabledCollectors.create(flags, host.paths, CollectorCatalog.all());
        try (CollectorRunner runner = new CollectorRunner(collectors, 1)) {
            Outcome o = runner.run(List.of("systemd"), Duration.ofSeconds(10)).get(0);
            assertFalse(o.success());
            assertFalse(o.noData());
            assertTrue(o.error().startsWith("couldn't get dbus connection: dial unix "), o.error());
            assertTrue(o.snapshots().isEmpty());
        }
    }

    private SystemdCollector direct(Duration timeout) {
        Path bus = busSocket();
        return new SystemdCollector(() -> SystemdBus.connect(bus, bus, false, timeout), ".+",
                ".+\\.(automount|device|mount|scope|slice)", false, false, false);
    }

    @Test
    void peerClosingMidReplyFailsTheScrape() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "255");
            fake.faultOn = "ListUnits";
            fake.fault = FakeSystemdBus.Fault.CLOSE_MID_REPLY;
            MetricSink sink = new MetricSink();
            IOException e = assertThrows(IOException.class, () -> direct(Duration.ofSeconds(5)).update(sink));
            assertTrue(e.getMessage().startsWith("couldn't get units: "), e.getMessage());
            assertInstanceOf(EOFException.class, e.getCause());
            // like upstream, what was gathered before the failure is still there
            assertEquals(255, value(sink, "node_systemd_version", "255"));
        }
    }

    @Test
    void replyTimeoutFailsTheScrape() throws Exception {
        try (FakeSystemdBus fake = populate(new FakeSystemdBus(busSocket(), true))) {
            fake.manager("Version", "s", "255");
            fake.faultOn = "Get org.freedesktop.systemd1.Service.Type";
            fake.fault = FakeSystemdBus.Fault.NO_REPLY;
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> direct(Duration.ofMillis(300)).update(new MetricSink()));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertInstanceOf(SocketTimeoutException.class, e, e.toString());
            assertTrue(seconds >= 0.3 && seconds < 5, "took " + seconds + "s");
        }
    }

    @Test
    void busSocketFollowsRootfsUnlessTheEnvironmentNamesOne() {
        assertEquals(tmp.resolve("root/run/dbus/system_bus_socket"), SystemdCollector.systemBusSocket(host.paths, null));
        assertEquals(Path.of("/x/bus"), SystemdCollector.systemBusSocket(host.paths,
                "tcp:host=a,port=1;unix:guid=abc,path=/x/bus"));
    }
}
