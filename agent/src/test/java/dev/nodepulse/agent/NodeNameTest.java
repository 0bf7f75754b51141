package dev.nodepulse.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeNameTest {

    @Test
    void flagThenEnvironmentThenHostname() throws Exception {
        assertEquals("flag-node", NodeName.resolve(" flag-node ", Map.of("NODE_NAME", "env-node")));
        assertEquals("env-node", NodeName.resolve("", Map.of("NODE_NAME", "env-node")));
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim().toLowerCase(Locale.ROOT);
        assertEquals(host, NodeName.resolve(null, Map.of()));
        assertFalse(NodeName.resolve("", Map.of("NODE_NAME", "  ")).isBlank());
    }
}
