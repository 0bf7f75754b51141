package dev.nodepulse.agent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fixture trees' stats side: their fake statfs answers and the checks shared by unit and integration tests. */
public final class StatsFixtures {

    public static final List<String> TREES = List.of("v1-cgroupfs-containerd", "v1-systemd-containerd",
            "v2-systemd-containerd", "v2-systemd-crio", "v1-cgroupfs-docker");
    public static final String NODE_NAME = "fixture-node";

    private StatsFixtures() {}

    /** fake-statfs.txt: "rootfs" and "imagefs" lines of fragment size, blocks, free, available, files, free files. */
    public static Map<String, StatfsResult> fakeStatfs(Path tree) throws IOException {
        Map<String, StatfsResult> out = new HashMap<>();
        for (String line : Files.readAllLines(tree.resolve("fake-statfs.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            long frsize = Long.parseLong(f[1]);
            out.put(f[0], new StatfsResult(0, frsize, Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), 0, frsize));
        }
        return out;
    }

    /**
     * Every "*" of the expected document stood for a time: the CPU, memory, swap, network and node.fs times are the
     * one snapshot's, the rest (statfs and rlimit reads) no earlier than it and within the request.
     */
    public static void assertTimes(Map<String, String> times, long fromSecond, long toSecond) {
        assertTrue(!times.isEmpty(), "no sample times");
        String snapshot = null;
        for (Map.Entry<String, String> e : times.entrySet()) {
            long s = java.time.Instant.parse(e.getValue()).getEpochSecond();
            assertTrue(s >= fromSecond && s <= toSecond, e.getKey() + " = " + e.getValue() + " outside the request");
            if (fromCgroups(e.getKey())) {
                if (snapshot == null) {
                    snapshot = e.getValue();
                }
                assertEquals(snapshot, e.getValue(), e.getKey() + ": not the snapshot's time");
            }
        }
        assertTrue(snapshot != null, "no CPU or memory time among " + times.keySet());
        for (Map.Entry<String, String> e : times.entrySet()) {
            assertTrue(e.getValue().compareTo(snapshot) >= 0, e.getKey() + " = " + e.getValue() + " before the snapshot "
                    + snapshot);
        }
    }

    private static boolean fromCgroups(String path) {
        return path.matches(".*\\.(cpu|memory|swap|network|io)\\.time") || path.equals("$.node.fs.time");
    }
}
