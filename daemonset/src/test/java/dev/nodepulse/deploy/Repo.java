package dev.nodepulse.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository root (failsafe passes it), the manifests, the jars other modules built. */
final class Repo {

    private Repo() {}

    static Path root() {
        return Path.of(System.getProperty("nodepulse.root", "..")).toAbsolutePath().normalize();
    }

    static Path daemonset() {
        return root().resolve("daemonset");
    }

    /**
     * The team's shared material (specs, the node_exporter conformance kit): -Dnodepulse.shared, else a "shared"
     * directory beside the repository or one of its parents; null where there is none.
     */
    static Path shared() {
        String configured = System.getProperty("nodepulse.shared");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = root();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        return null;
    }

    static Path agentJar() {
        return built("agent/target/nodepulse-agent.jar");
    }

    /** A file `mvn package` makes; the reactor packages every module this one depends on before its tests. */
    static Path built(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: these tests run in `mvn verify` after the other modules are packaged");
        }
        return p;
    }
}
