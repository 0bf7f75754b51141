package dev.nodepulse.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared material (../shared next to the project: specs, node_exporter's fixtures, the
 * conformance kit). Tests that need it skip where it is absent; override with -Dnodepulse.shared=DIR.
 */
public final class SharedFiles {

    private SharedFiles() {}

    public static Path root() {
        String configured = System.getProperty("nodepulse.shared");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        return null;
    }

    public static Path conformanceKit() {
        Path r = root();
        return r == null ? null : r.resolve("conformance/node-exporter");
    }
}
