package dev.nodepulse.procfs.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real dbus-daemon (a private session bus on a socket in a temp dir): authentication,
 * Hello, and calls whose replies come from the reference implementation rather than from this codec.
 * Skipped when dbus-daemon is not installed.
 */
class DbusDaemonLiveTest {

    private static final String DAEMON = "/usr/bin/dbus-daemon";

    @TempDir
    Path tmp;

    private Process daemon;
    private Path socket;

    @BeforeEach
    void startBus() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(DAEMON)), "dbus-daemon not installed");
        socket = tmp.resolve("bus");
        // Its own configuration: no service directories, so a call to an absent name is not auto-started.
        Path config = tmp.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(socket));
        daemon = new ProcessBuilder(DAEMON, "--config-file=" + config, "--nofork", "--nopidfile", "--nosyslog")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket) && daemon.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assumeTrue(Files.exists(socket), "dbus-daemon did not start: " + Files.readString(tmp.resolve("daemon.log")));
    }

    @AfterEach
    void stopBus() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void helloListNamesAndProperties() throws Exception {
        try (DbusConnection c = DbusConnection.open(socket, true, Duration.ofSeconds(5))) {
            String me = c.uniqueName();
            assertTrue(me.startsWith(":"), me);
            List<Object> names = (List<Object>) c.call(DbusConnection.BUS_NAME, "/org/freedesktop/DBus",
                    DbusConnection.BUS_NAME, "ListNames", "").get(0);
            assertTrue(names.contains("org.freedesktop.DBus"), names.toString());
            assertTrue(names.contains(me), names.toString());
            assertEquals(List.of(me), c.call(DbusConnection.BUS_NAME, "/org/freedesktop/DBus",
                    DbusConnection.BUS_NAME, "GetNameOwner", "s", me));
            // a{sv} from the daemon: its Interfaces property lists org.freedesktop.DBus.Monitoring
            Map<Object, Object> all = (Map<Object, Object>) c.call(DbusConnection.BUS_NAME, "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.Properties", "GetAll", "s", DbusConnection.BUS_NAME).get(0);
            Variant interfaces = (Variant) all.get("Interfaces");
            assertEquals("as", interfaces.signature());
            assertTrue(((List<Object>) interfaces.value()).contains("org.freedesktop.DBus.Monitoring"), all.toString());
            DbusErrorReply e = assertThrows(DbusErrorReply.class, () -> c.call(DbusConnection.BUS_NAME,
                    "/org/freedesktop/DBus", DbusConnection.BUS_NAME, "GetNameOwner", "s", "org.example.Nobody"));
            assertEquals("org.freedesktop.DBus.Error.NameHasNoOwner", e.errorName());
        }
    }

    @Test
    void systemdIsNotOnThisBus() throws Exception {
        try (SystemdBus bus = SystemdBus.connect(socket, tmp.resolve("absent"), false, Duration.ofSeconds(5))) {
            DbusErrorReply e = assertThrows(DbusErrorReply.class, bus::listUnits);
            assertEquals("org.freedesktop.DBus.Error.ServiceUnknown", e.errorName());
        }
        // --collector.systemd.private: only systemd's own socket is tried, never the bus
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> SystemdBus.connect(socket, tmp.resolve("absent"), true, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("dial unix " + tmp.resolve("absent")), e.getMessage());
    }
}
