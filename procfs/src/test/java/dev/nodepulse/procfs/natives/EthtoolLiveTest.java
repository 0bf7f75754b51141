package dev.nodepulse.procfs.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SIOCETHTOOL against this host's interfaces, checked against what sysfs says about them. */
class EthtoolLiveTest {

    private static final Path NET = Path.of("/sys/class/net");

    private static List<String> interfaces() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(NET)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(NET)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        return names;
    }

    private static Ethtool openOrSkip() {
        try {
            return Ethtool.open();
        } catch (IOException e) {
            assumeTrue(false, "no AF_INET socket here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    @Test
    void loopbackHasNoEthtoolOperations() throws Exception {
        assumeTrue(Files.isDirectory(NET.resolve("lo")), "no lo in this network namespace");
        try (Ethtool e = openOrSkip()) {
            assertEquals(ErrnoException.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> e.driverInfo("lo")).errno());
            assertEquals(ErrnoException.EOPNOTSUPP, assertThrows(ErrnoException.class, () -> e.stats("lo")).errno());
            assertEquals(ErrnoException.EOPNOTSUPP,
                    assertThrows(ErrnoException.class, () -> e.linkSettings("lo")).errno());
        }
    }

    @Test
    void absentInterfaceIsNoSuchDevice() throws Exception {
        assumeTrue(!Files.exists(NET.resolve("np-absent0")));
        try (Ethtool e = openOrSkip()) {
            assertEquals(19, assertThrows(ErrnoException.class, () -> e.driverInfo("np-absent0")).errno());
        }
        assertThrows(IOException.class, () -> {
            try (Ethtool e = openOrSkip()) {
                e.driverInfo("a-name-too-long-for-ifnamsiz");
            }
        });
    }

    @Test
    void driverInfoAndStatisticsMatchSysfs() throws Exception {
        int drivers = 0;
        try (Ethtool e = openOrSkip()) {
            for (String dev : interfaces()) {
                EthtoolDriverInfo info;
                try {
                    info = e.driverInfo(dev);
                } catch (ErrnoException x) {
                    assertEquals(ErrnoException.EOPNOTSUPP, x.errno(), dev);
                    continue;
                }
                Path driver = NET.resolve(dev).resolve("device/driver");
                if (Files.isSymbolicLink(driver)) {
                    assertEquals(Files.readSymbolicLink(driver).getFileName().toString(), info.driver(), dev);
                    drivers++;
                }
                Map<String, Long> stats = e.stats(dev);
                assertTrue(stats.size() <= info.statsCount(), dev + ": " + stats.size() + " > " + info.statsCount());
                assertEquals(info.statsCount() > 0, !stats.isEmpty(), dev);
                stats.keySet().forEach(k -> assertTrue(!k.isEmpty() && k.length() <= 32, dev + ": " + k));
            }
        }
        assumeTrue(drivers > 0, "no interface with a bound driver here");
    }

    @Test
    void linkSettingsMatchSysfsSpeedAndDuplex() throws Exception {
        int compared = 0;
        try (Ethtool e = openOrSkip()) {
            for (String dev : interfaces()) {
                EthtoolLinkSettings link;
                try {
                    link = e.linkSettings(dev);
                } catch (ErrnoException x) {
                    assertEquals(ErrnoException.EOPNOTSUPP, x.errno(), dev);
                    continue;
                }
                String speed = readOrNull(NET.resolve(dev).resolve("speed"));
                String duplex = readOrNull(NET.resolve(dev).resolve("duplex"));
                if (speed == null || duplex == null) {
                    continue;
                }
                // sysfs prints the same 32-bit speed as a signed int: -1 for SPEED_UNKNOWN
                assertEquals(Integer.parseInt(speed), (int) link.speedMbps(), dev);
                String expected = switch (link.duplex()) {
                    case 0 -> "half";
                    case 1 -> "full";
                    default -> "unknown";
                };
                assertEquals(expected, duplex, dev);
                compared++;
            }
        }
        assumeTrue(compared > 0, "no interface with link settings and a readable speed here");
    }

    private static String readOrNull(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            // speed and duplex fail with EINVAL while the link is down
            return null;
        }
    }
}
